import { integer, real, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import type { LevelChange } from '../../shared/schemas/conflict.ts';
import type { AllianceProfile, EscalationStep } from '../../shared/schemas/plan.ts';

// The relationship-plan tables (migrations 0008 and 0009), mirroring the SQL, which is the
// source of truth; indexes live there. Conversions to wire records: plans-records.ts.

const meta = {
  createdBy: text('created_by').notNull(),
  version: integer('version').notNull(),
  createdAt: text('created_at').notNull(),
  updatedAt: text('updated_at').notNull(),
  deletedAt: text('deleted_at'),
};

export const plans = sqliteTable('plans', {
  id: text('id').primaryKey(),
  orgId: text('org_id').notNull(),
  accountId: text('account_id').notNull(),
  status: text('status', { enum: ['draft', 'active', 'closed'] }).notNull(),
  startsOn: text('starts_on').notNull(),
  endsOn: text('ends_on'),
  vision: text('vision').notNull(),
  reviewEveryDays: integer('review_every_days'),
  alliance: text('alliance', { mode: 'json' }).$type<AllianceProfile | null>(),
  escalation: text('escalation', { mode: 'json' }).$type<EscalationStep[]>().notNull(),
  ...meta,
});

export const objectives = sqliteTable('objectives', {
  id: text('id').primaryKey(),
  orgId: text('org_id').notNull(),
  accountId: text('account_id').notNull(),
  title: text('title').notNull(),
  unit: text('unit').notNull(),
  baseline: real('baseline').notNull(),
  target: real('target').notNull(),
  dueOn: text('due_on').notNull(),
  ownerId: text('owner_id').notNull(),
  counterpartId: text('counterpart_id'),
  weight: integer('weight').notNull(),
  state: text('state', { enum: ['open', 'achieved', 'dropped'] }).notNull(),
  ...meta,
});

export const measurements = sqliteTable('measurements', {
  id: text('id').primaryKey(),
  orgId: text('org_id').notNull(),
  accountId: text('account_id').notNull(),
  objectiveId: text('objective_id').notNull(),
  value: real('value').notNull(),
  measuredOn: text('measured_on').notNull(),
  note: text('note').notNull(),
  interactionId: text('interaction_id'),
  ...meta,
});

export const reviews = sqliteTable('reviews', {
  id: text('id').primaryKey(),
  orgId: text('org_id').notNull(),
  accountId: text('account_id').notNull(),
  heldOn: text('held_on').notNull(),
  ourRating: integer('our_rating').notNull(),
  theirRating: integer('their_rating'),
  worked: text('worked').notNull(),
  change: text('change').notNull(),
  decisions: text('decisions').notNull(),
  interactionId: text('interaction_id'),
  ...meta,
});

export const milestones = sqliteTable('milestones', {
  id: text('id').primaryKey(),
  orgId: text('org_id').notNull(),
  accountId: text('account_id').notNull(),
  title: text('title').notNull(),
  dueOn: text('due_on'),
  achievedOn: text('achieved_on'),
  celebratedOn: text('celebrated_on'),
  lesson: text('lesson').notNull(),
  interactionId: text('interaction_id'),
  ...meta,
});

export const responsibilities = sqliteTable('responsibilities', {
  id: text('id').primaryKey(),
  orgId: text('org_id').notNull(),
  accountId: text('account_id').notNull(),
  area: text('area').notNull(),
  objectiveId: text('objective_id'),
  userId: text('user_id'),
  contactId: text('contact_id'),
  role: text('role', { enum: ['R', 'A', 'C', 'I'] }).notNull(),
  ...meta,
});

export const commitments = sqliteTable('commitments', {
  id: text('id').primaryKey(),
  orgId: text('org_id').notNull(),
  accountId: text('account_id').notNull(),
  side: text('side', { enum: ['ours', 'theirs'] }).notNull(),
  ownerId: text('owner_id'),
  contactId: text('contact_id'),
  what: text('what').notNull(),
  dueOn: text('due_on').notNull(),
  state: text('state', { enum: ['open', 'kept', 'broken', 'cancelled'] }).notNull(),
  closedOn: text('closed_on'),
  interactionId: text('interaction_id'),
  ...meta,
});

export const conflicts = sqliteTable('conflicts', {
  id: text('id').primaryKey(),
  orgId: text('org_id').notNull(),
  accountId: text('account_id').notNull(),
  title: text('title').notNull(),
  severity: text('severity', { enum: ['low', 'medium', 'high', 'critical'] }).notNull(),
  level: integer('level').notNull(),
  ownerId: text('owner_id').notNull(),
  openedOn: text('opened_on').notNull(),
  state: text('state', { enum: ['open', 'resolved'] }).notNull(),
  resolution: text('resolution').notNull(),
  resolvedOn: text('resolved_on'),
  lesson: text('lesson').notNull(),
  interactionId: text('interaction_id'),
  slaPeriods: integer('sla_periods').notNull(),
  levelHistory: text('level_history', { mode: 'json' }).$type<LevelChange[]>().notNull(),
  /** When the cron must next look at it (see shared/plans/conflict-sla.ts `nextSlaCheck`). */
  nextSlaAt: text('next_sla_at'),
  ...meta,
});

/** The latest health of an account with a plan or on the strategic tier; derived, not synced. */
export const accountHealth = sqliteTable('account_health', {
  orgId: text('org_id').notNull(),
  accountId: text('account_id').notNull(),
  score: integer('score').notNull(),
  band: text('band', { enum: ['healthy', 'watch', 'at-risk'] }).notNull(),
  worstPart: text('worst_part').notNull(),
  reason: text('reason').notNull(),
  parts: text('parts').notNull(),
  previousBand: text('previous_band', { enum: ['healthy', 'watch', 'at-risk'] }),
  bandChangedAt: text('band_changed_at'),
  computedAt: text('computed_at').notNull(),
});

/** One health snapshot per account and UTC day. */
export const healthSnapshots = sqliteTable('health_snapshots', {
  orgId: text('org_id').notNull(),
  accountId: text('account_id').notNull(),
  day: text('day').notNull(),
  score: integer('score').notNull(),
  band: text('band', { enum: ['healthy', 'watch', 'at-risk'] }).notNull(),
  parts: text('parts').notNull(),
});
