import { index, integer, primaryKey, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';

// Mirrors worker/migrations; the SQL files are the source of truth for the database,
// test/worker/schema-contract.test.ts checks these tables against the shared zod records.

const meta = {
  version: integer('version').notNull(),
  createdAt: text('created_at').notNull(),
  updatedAt: text('updated_at').notNull(),
  deletedAt: text('deleted_at'),
};

export const orgs = sqliteTable('orgs', {
  id: text('id').primaryKey(),
  name: text('name').notNull(),
  settings: text('settings').notNull().default('{}'),
  version: integer('version').notNull().default(0),
  createdAt: text('created_at').notNull(),
  updatedAt: text('updated_at').notNull(),
});

export const users = sqliteTable('users', {
  id: text('id').primaryKey(),
  orgId: text('org_id').notNull(),
  name: text('name').notNull(),
  email: text('email').notNull(),
  role: text('role', { enum: ['member', 'manager', 'admin'] }).notNull(),
  timeZone: text('time_zone').notNull(),
  workingHours: text('working_hours'),
  createdAt: text('created_at').notNull(),
  updatedAt: text('updated_at').notNull(),
  deletedAt: text('deleted_at'),
});

export const tokens = sqliteTable(
  'tokens',
  {
    id: text('id').primaryKey(),
    orgId: text('org_id').notNull(),
    userId: text('user_id'),
    hash: text('hash').notNull(),
    kind: text('kind', { enum: ['api', 'invite', 'web-link', 'session'] }).notNull(),
    label: text('label'),
    /** For invites: the role and email the invited person gets. */
    role: text('role', { enum: ['member', 'manager', 'admin'] }),
    email: text('email'),
    createdAt: text('created_at').notNull(),
    lastUsedAt: text('last_used_at'),
    expiresAt: text('expires_at'),
    revokedAt: text('revoked_at'),
  },
  (t) => [uniqueIndex('tokens_hash_uq').on(t.hash), index('tokens_org_user_idx').on(t.orgId, t.userId)],
);

export const accounts = sqliteTable('accounts', {
  id: text('id').primaryKey(),
  orgId: text('org_id').notNull(),
  name: text('name').notNull(),
  domains: text('domains', { mode: 'json' }).$type<string[]>().notNull(),
  stakeholder: text('stakeholder', {
    enum: ['customer', 'supplier', 'partner', 'employee', 'other'],
  }).notNull(),
  tier: text('tier', { enum: ['strategic', 'tactical'] }).notNull(),
  cadenceDays: integer('cadence_days'),
  ownerId: text('owner_id'),
  startsOn: text('starts_on'),
  endsOn: text('ends_on'),
  notes: text('notes').notNull(),
  /** Derived, maintained with each interaction write: the latest live strategic interaction. */
  lastStrategicAt: text('last_strategic_at'),
  /** Derived, maintained with each interaction write: the latest live interaction of any tag. */
  lastInteractionAt: text('last_interaction_at'),
  ...meta,
});

export const accountDomains = sqliteTable(
  'account_domains',
  {
    orgId: text('org_id').notNull(),
    domain: text('domain').notNull(),
    accountId: text('account_id').notNull(),
  },
  (t) => [primaryKey({ columns: [t.orgId, t.domain, t.accountId] })],
);

export const contacts = sqliteTable('contacts', {
  id: text('id').primaryKey(),
  orgId: text('org_id').notNull(),
  accountId: text('account_id'),
  name: text('name').notNull(),
  emails: text('emails', { mode: 'json' }).$type<string[]>().notNull(),
  title: text('title'),
  timeZone: text('time_zone'),
  ...meta,
});

export const contactEmails = sqliteTable(
  'contact_emails',
  {
    orgId: text('org_id').notNull(),
    email: text('email').notNull(),
    contactId: text('contact_id').notNull(),
  },
  (t) => [primaryKey({ columns: [t.orgId, t.email, t.contactId] })],
);

export const interactions = sqliteTable('interactions', {
  id: text('id').primaryKey(),
  orgId: text('org_id').notNull(),
  userId: text('user_id').notNull(),
  accountId: text('account_id'),
  contactIds: text('contact_ids', { mode: 'json' }).$type<string[]>().notNull(),
  kind: text('kind', { enum: ['email', 'meeting', 'call', 'note', 'other'] }).notNull(),
  tag: text('tag', { enum: ['tactical', 'strategic'] }).notNull(),
  title: text('title').notNull(),
  notes: text('notes').notNull(),
  occurredAt: text('occurred_at').notNull(),
  sourceSite: text('source_site', {
    enum: ['gmail', 'google-calendar', 'outlook-mail', 'outlook-calendar', 'manual'],
  }).notNull(),
  sourceRef: text('source_ref'),
  sourceUrl: text('source_url'),
  followUpAt: text('follow_up_at'),
  awaitingReply: integer('awaiting_reply', { mode: 'boolean' }).notNull(),
  visibility: text('visibility', { enum: ['team', 'private'] }).notNull(),
  ...meta,
});

export const reminders = sqliteTable('reminders', {
  id: text('id').primaryKey(),
  orgId: text('org_id').notNull(),
  userId: text('user_id').notNull(),
  accountId: text('account_id'),
  interactionId: text('interaction_id'),
  rule: text('rule', {
    enum: [
      'follow-up',
      'awaiting-reply',
      'keep-in-touch',
      'strategic-review',
      'alliance-ending',
      'balance',
      'plan-review',
      'kpi-stale',
      'commitment-due',
      'conflict-sla',
      'milestone-due',
      'celebrate',
    ],
  }).notNull(),
  title: text('title').notNull(),
  dueAt: text('due_at').notNull(),
  state: text('state', { enum: ['open', 'done', 'snoozed', 'dismissed'] }).notNull(),
  snoozedUntil: text('snoozed_until'),
  /** 'auto' when the reminder engine closed it, so it may reopen (migration 0004). */
  closedBy: text('closed_by', { enum: ['auto', 'user'] }),
  ...meta,
});

export const syncClients = sqliteTable('sync_clients', {
  clientId: text('client_id').primaryKey(),
  orgId: text('org_id').notNull(),
  userId: text('user_id').notNull(),
  lastMutationId: integer('last_mutation_id').notNull(),
  updatedAt: text('updated_at').notNull(),
});

export const auditLog = sqliteTable('audit_log', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  orgId: text('org_id').notNull(),
  actorId: text('actor_id'),
  action: text('action').notNull(),
  target: text('target'),
  detail: text('detail'),
  at: text('at').notNull(),
});

/** Per person and UTC day counts, maintained in the batch of every interaction write (migration 0002). */
export const dailyRollups = sqliteTable(
  'daily_rollups',
  {
    orgId: text('org_id').notNull(),
    userId: text('user_id').notNull(),
    day: text('day').notNull(),
    tactical: integer('tactical').notNull(),
    strategic: integer('strategic').notNull(),
    lastActivityAt: text('last_activity_at'),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.userId, t.day] }),
    index('daily_rollups_org_day_idx').on(t.orgId, t.day),
  ],
);

/** The reminder cron job's per-org progress (migration 0004, worker/cron). */
export const cronState = sqliteTable('cron_state', {
  orgId: text('org_id').primaryKey(),
  watermark: integer('watermark').notNull(),
  inputsHash: text('inputs_hash'),
  fullCursor: text('full_cursor'),
  fullTarget: integer('full_target'),
  sweptAt: text('swept_at'),
  balanceAt: text('balance_at'),
  updatedAt: text('updated_at').notNull(),
});

/** An org's learned tag-suggestion weights (migration 0010, worker/sync/learning.ts); one row per org. */
export const teamWeights = sqliteTable('team_weights', {
  orgId: text('org_id').primaryKey(),
  corrections: integer('corrections').notNull(),
  /** `[term, weight, at][]`, parsed and checked against TeamTermSchema on read. */
  terms: text('terms').notNull(),
  ...meta,
});
