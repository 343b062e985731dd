import { and, eq, inArray, isNull, type SQL, sql } from 'drizzle-orm';
import type { BatchItem } from 'drizzle-orm/batch';
import type { SQLiteInsertValue } from 'drizzle-orm/sqlite-core';
import {
  type MutationArgs,
  MutationArgsSchemas,
  type MutationEnvelope,
  type Problem,
} from '../../shared/schemas/index.ts';
import type { Db } from '../db/client.ts';
import {
  accountDomains,
  accounts,
  auditLog,
  contactEmails,
  contacts,
  interactions,
  orgs,
  reminders,
  users,
} from '../db/schema.ts';
import type { Caller } from '../env.ts';
import { problem, zodIssues } from '../http/problem.ts';
import { type Counted, type Derived, rollupStatements, utcInstant } from './rollups.ts';

// One implementation of each write, shared by `POST /api/sync/push` and the REST routes.
// A mutator checks its args and permissions against prefetched state, then returns the
// statements to run; the caller commits them, the audit row and the client's
// lastMutationId in one D1 batch.

export type Statement = BatchItem<'sqlite'>;

export interface WriteContext extends Pick<Caller, 'orgId' | 'userId' | 'role'> {
  now: string;
  /** A push gathers roll-up changes here and emits them once, after all its writes. */
  derived?: Derived;
  /** Rows take the org's version plus this; a push bumps the counter once, by its count of writes. */
  versionOffset?: number;
  /**
   * A push collects interaction rows here and writes them as multi-row upserts
   * (see {@link upsertInteractions}); without it each put returns its own statement.
   */
  interactionRows?: InteractionRow[];
}

export type InteractionRow = SQLiteInsertValue<typeof interactions>;

/** Columns an upsert overwrites; the id, owner, org and creation time never change. */
const UPSERT_COLUMNS = [
  'accountId',
  'contactIds',
  'kind',
  'tag',
  'title',
  'notes',
  'occurredAt',
  'sourceSite',
  'sourceRef',
  'sourceUrl',
  'followUpAt',
  'awaitingReply',
  'visibility',
  'version',
  'updatedAt',
  'deletedAt',
] as const satisfies (keyof typeof interactions.$inferInsert)[];
const UPSERT_SET = Object.fromEntries(
  UPSERT_COLUMNS.map((k) => [k, sql.raw(`excluded."${interactions[k].name}"`)]),
) as Record<(typeof UPSERT_COLUMNS)[number], SQL>;
/** D1 binds at most 100 parameters per statement; a row binds 22. */
const ROWS_PER_UPSERT = 4;

/**
 * Inserts or replaces one user's interactions with as few statements as D1's
 * parameter limit allows. Replacing is allowed only over the same org and author.
 */
export function upsertInteractions(
  d: Db,
  orgId: string,
  userId: string,
  rows: InteractionRow[],
): Statement[] {
  const out: Statement[] = [];
  for (let i = 0; i < rows.length; i += ROWS_PER_UPSERT) {
    out.push(
      d
        .insert(interactions)
        .values(rows.slice(i, i + ROWS_PER_UPSERT))
        .onConflictDoUpdate({
          target: interactions.id,
          set: UPSERT_SET,
          setWhere: and(eq(interactions.orgId, orgId), eq(interactions.userId, userId)),
        }),
    );
  }
  return out;
}

interface Owned {
  orgId: string;
  userId?: string | null;
  ownerId?: string | null;
}

/** What the mutators need to know about existing rows, read once per push. */
export interface Known {
  interactions: Map<string, Owned & Counted>;
  accounts: Map<string, Owned>;
  contacts: Map<string, Owned>;
  reminders: Map<string, Owned>;
  /** Live users named as account owners. */
  users: Map<string, Owned>;
}

export type Outcome =
  | { ok: true; statements: Statement[]; target: string; accountIds: string[] }
  | { ok: false; problem: Problem };

/** Reads, in one round trip per table, the rows that a list of mutations refers to. */
// Reads by id across orgs on purpose: a client-chosen id that another org already holds must be refused, not overwritten.
// Only the owning org id is read; nothing of the foreign row reaches the caller.
export async function prefetch(d: Db, mutations: MutationEnvelope[]): Promise<Known> {
  const ids = {
    interactions: new Set<string>(),
    accounts: new Set<string>(),
    contacts: new Set<string>(),
    reminders: new Set<string>(),
    users: new Set<string>(),
  };
  for (const m of mutations) {
    const a = (m.args ?? {}) as Record<string, unknown>;
    const id = typeof a.id === 'string' ? a.id : null;
    if (!id) continue;
    if (m.name.startsWith('interaction.')) ids.interactions.add(id);
    else if (m.name.startsWith('account.')) ids.accounts.add(id);
    else if (m.name.startsWith('contact.')) ids.contacts.add(id);
    else ids.reminders.add(id);
    if (typeof a.accountId === 'string') ids.accounts.add(a.accountId);
    if (m.name === 'account.put' && typeof a.ownerId === 'string') ids.users.add(a.ownerId);
    if (Array.isArray(a.contactIds))
      for (const c of a.contactIds) if (typeof c === 'string') ids.contacts.add(c);
  }
  const known: Known = {
    interactions: new Map(),
    accounts: new Map(),
    contacts: new Map(),
    reminders: new Map(),
    users: new Map(),
  };
  const chunk = <T>(xs: T[]) =>
    Array.from({ length: Math.ceil(xs.length / 90) }, (_, i) => xs.slice(i * 90, i * 90 + 90));
  // One batch, so one round trip, however many tables and chunks are read.
  const reads: Statement[] = [];
  const sinks: ((rows: unknown[]) => void)[] = [];
  const read = <T>(query: Statement & PromiseLike<T[]>, sink: (rows: T[]) => void) => {
    reads.push(query);
    sinks.push(sink as (rows: unknown[]) => void);
  };
  for (const part of chunk([...ids.interactions])) {
    read(
      d
        .select({
          id: interactions.id,
          orgId: interactions.orgId,
          userId: interactions.userId,
          accountId: interactions.accountId,
          tag: interactions.tag,
          occurredAt: interactions.occurredAt,
          deletedAt: interactions.deletedAt,
        })
        .from(interactions)
        .where(inArray(interactions.id, part)),
      (rows) => {
        for (const r of rows) known.interactions.set(r.id, r);
      },
    );
  }
  for (const part of chunk([...ids.accounts])) {
    read(
      d
        .select({
          id: accounts.id,
          orgId: accounts.orgId,
          ownerId: accounts.ownerId,
          deletedAt: accounts.deletedAt,
        })
        .from(accounts)
        .where(inArray(accounts.id, part)),
      (rows) => {
        for (const r of rows) known.accounts.set(r.id, r);
      },
    );
  }
  for (const part of chunk([...ids.contacts])) {
    read(
      d.select({ id: contacts.id, orgId: contacts.orgId }).from(contacts).where(inArray(contacts.id, part)),
      (rows) => {
        for (const r of rows) known.contacts.set(r.id, r);
      },
    );
  }
  for (const part of chunk([...ids.reminders])) {
    read(
      d
        .select({ id: reminders.id, orgId: reminders.orgId, userId: reminders.userId })
        .from(reminders)
        .where(inArray(reminders.id, part)),
      (rows) => {
        for (const r of rows) known.reminders.set(r.id, r);
      },
    );
  }
  for (const part of chunk([...ids.users])) {
    read(
      d
        .select({ id: users.id, orgId: users.orgId })
        .from(users)
        .where(and(inArray(users.id, part), isNull(users.deletedAt))),
      (rows) => {
        for (const r of rows) known.users.set(r.id, r);
      },
    );
  }
  if (reads.length > 0) {
    const results = (await d.batch(reads as [Statement, ...Statement[]])) as unknown[][];
    for (const [i, rows] of results.entries()) sinks[i]!(rows);
  }
  return known;
}

/** The org's version counter, bumped first in every write so the rows below take the new value. */
export const bumpVersion = (d: Db, orgId: string): Statement =>
  d
    .update(orgs)
    .set({ version: sql`${orgs.version} + 1` })
    .where(eq(orgs.id, orgId));
const currentVersion = (orgId: string, offset = 0) =>
  sql<number>`((SELECT version FROM orgs WHERE id = ${orgId}) + ${offset})`;

const rejected = (status: number, title: string, detail: string): Outcome => ({
  ok: false,
  problem: problem(
    status === 404 ? 'not-found' : status === 403 ? 'forbidden' : 'validation',
    status,
    title,
    { detail },
  ),
});
const missing = (what: string, id: string) =>
  rejected(404, 'Not found', `No ${what} ${id} in this organisation.`);
const visible = (row: Owned | undefined, orgId: string) => row !== undefined && row.orgId === orgId;
const canEditDirectory = (ctx: WriteContext, row: Owned | undefined) =>
  !row || ctx.role !== 'member' || row.ownerId === ctx.userId || row.ownerId == null;

/** Validates one mutation and turns it into statements; never throws for bad input. */
export function mutate(
  d: Db,
  ctx: WriteContext,
  known: Known,
  m: Pick<MutationEnvelope, 'name' | 'args'>,
): Outcome {
  const parsed = MutationArgsSchemas[m.name].safeParse(m.args);
  if (!parsed.success) {
    return {
      ok: false,
      problem: problem('validation', 400, `Invalid ${m.name} arguments`, { issues: zodIssues(parsed.error) }),
    };
  }
  // Validated once above; each case reads the parsed value under its own name's type.
  const { orgId, userId, now } = ctx;
  const version = currentVersion(orgId, ctx.versionOffset);
  switch (m.name) {
    case 'interaction.put': {
      const a = parsed.data as MutationArgs<'interaction.put'>;
      const existing = known.interactions.get(a.id);
      if (existing && existing.orgId !== orgId) return rejected(409, 'Conflict', 'This id is already taken.');
      if (existing && existing.userId !== userId)
        return rejected(403, 'Forbidden', 'Only the author may edit an interaction.');
      if (a.accountId && !visible(known.accounts.get(a.accountId), orgId))
        return missing('account', a.accountId);
      for (const c of a.contactIds) if (!visible(known.contacts.get(c), orgId)) return missing('contact', c);
      const row = {
        accountId: a.accountId,
        contactIds: a.contactIds,
        kind: a.kind,
        tag: a.tag,
        title: a.title,
        notes: a.notes,
        occurredAt: utcInstant(a.occurredAt),
        sourceSite: a.source.site,
        sourceRef: a.source.ref,
        sourceUrl: a.source.url,
        followUpAt: a.followUpAt && utcInstant(a.followUpAt),
        awaitingReply: a.awaitingReply,
        visibility: a.visibility,
        version,
        updatedAt: now,
        deletedAt: null,
      };
      const after: Counted = {
        userId,
        accountId: a.accountId,
        tag: a.tag,
        occurredAt: row.occurredAt,
        deletedAt: null,
      };
      known.interactions.set(a.id, { orgId, ...after });
      const insertRow: InteractionRow = { id: a.id, orgId, userId, createdAt: now, ...row };
      ctx.interactionRows?.push(insertRow);
      return {
        ok: true,
        target: a.id,
        // The account it left too, so its reminders are recomputed (worker/reminders).
        accountIds: [...new Set([a.accountId, existing?.accountId].filter((x) => typeof x === 'string'))],
        statements: [
          ...(ctx.interactionRows ? [] : upsertInteractions(d, orgId, userId, [insertRow])),
          ...rollupStatements(d, ctx, existing ?? null, after),
        ],
      };
    }
    case 'interaction.delete': {
      const a = parsed.data as MutationArgs<'interaction.delete'>;
      const existing = known.interactions.get(a.id);
      if (!visible(existing, orgId)) return missing('interaction', a.id);
      if (existing?.userId !== userId)
        return rejected(403, 'Forbidden', 'Only the author may delete an interaction.');
      known.interactions.set(a.id, { ...existing, deletedAt: existing.deletedAt ?? now });
      return {
        ok: true,
        target: a.id,
        accountIds: existing.accountId ? [existing.accountId] : [],
        statements: [
          d
            .update(interactions)
            .set({ deletedAt: now, updatedAt: now, version })
            .where(
              and(eq(interactions.id, a.id), eq(interactions.orgId, orgId), eq(interactions.userId, userId)),
            ),
          ...rollupStatements(d, ctx, existing, null),
        ],
      };
    }
    case 'account.put': {
      const a = parsed.data as MutationArgs<'account.put'>;
      const existing = known.accounts.get(a.id);
      if (existing && existing.orgId !== orgId) return rejected(409, 'Conflict', 'This id is already taken.');
      if (!canEditDirectory(ctx, existing))
        return rejected(403, 'Forbidden', "Only the account's owner, a manager or an admin may edit it.");
      if (a.ownerId && !visible(known.users.get(a.ownerId), orgId)) {
        return {
          ok: false,
          problem: problem('validation', 400, 'Invalid request', {
            issues: [{ path: ['ownerId'], message: 'No such user in this organisation' }],
          }),
        };
      }
      const domains = [...new Set(a.domains)];
      const row = {
        name: a.name,
        domains,
        stakeholder: a.stakeholder,
        tier: a.tier,
        cadenceDays: a.cadenceDays,
        ownerId: a.ownerId ?? existing?.ownerId ?? userId,
        startsOn: a.startsOn,
        endsOn: a.endsOn,
        notes: a.notes,
        version,
        updatedAt: now,
        deletedAt: null,
      };
      known.accounts.set(a.id, { orgId, ownerId: row.ownerId });
      return {
        ok: true,
        target: a.id,
        accountIds: [a.id],
        statements: [
          d
            .insert(accounts)
            .values({ id: a.id, orgId, createdAt: now, ...row })
            .onConflictDoUpdate({ target: accounts.id, set: row, setWhere: eq(accounts.orgId, orgId) }),
          d
            .delete(accountDomains)
            .where(and(eq(accountDomains.orgId, orgId), eq(accountDomains.accountId, a.id))),
          ...domains.map((domain) =>
            d.insert(accountDomains).values({ orgId, domain, accountId: a.id }).onConflictDoNothing(),
          ),
        ],
      };
    }
    case 'contact.put': {
      const a = parsed.data as MutationArgs<'contact.put'>;
      const existing = known.contacts.get(a.id);
      if (existing && existing.orgId !== orgId) return rejected(409, 'Conflict', 'This id is already taken.');
      if (a.accountId && !visible(known.accounts.get(a.accountId), orgId))
        return missing('account', a.accountId);
      const emails = [...new Set(a.emails.map((e) => e.toLowerCase()))];
      const row = {
        accountId: a.accountId,
        name: a.name,
        emails,
        title: a.title,
        timeZone: a.timeZone,
        version,
        updatedAt: now,
        deletedAt: null,
      };
      known.contacts.set(a.id, { orgId });
      return {
        ok: true,
        target: a.id,
        accountIds: a.accountId ? [a.accountId] : [],
        statements: [
          d
            .insert(contacts)
            .values({ id: a.id, orgId, createdAt: now, ...row })
            .onConflictDoUpdate({ target: contacts.id, set: row, setWhere: eq(contacts.orgId, orgId) }),
          d
            .delete(contactEmails)
            .where(and(eq(contactEmails.orgId, orgId), eq(contactEmails.contactId, a.id))),
          ...emails.map((email) =>
            d.insert(contactEmails).values({ orgId, email, contactId: a.id }).onConflictDoNothing(),
          ),
        ],
      };
    }
    case 'account.delete': {
      // A tombstone: pull carries it to every replica; the domains stop matching at once.
      const a = parsed.data as MutationArgs<'account.delete'>;
      const existing = known.accounts.get(a.id);
      if (!visible(existing, orgId)) return missing('account', a.id);
      if (!canEditDirectory(ctx, existing))
        return rejected(403, 'Forbidden', "Only the account's owner, a manager or an admin may delete it.");
      return {
        ok: true,
        target: a.id,
        accountIds: [a.id],
        statements: [
          d
            .update(accounts)
            .set({ deletedAt: now, updatedAt: now, version })
            .where(and(eq(accounts.id, a.id), eq(accounts.orgId, orgId))),
          d
            .delete(accountDomains)
            .where(and(eq(accountDomains.orgId, orgId), eq(accountDomains.accountId, a.id))),
        ],
      };
    }
    case 'contact.delete': {
      const a = parsed.data as MutationArgs<'contact.delete'>;
      if (!visible(known.contacts.get(a.id), orgId)) return missing('contact', a.id);
      return {
        ok: true,
        target: a.id,
        accountIds: [],
        statements: [
          d
            .update(contacts)
            .set({ deletedAt: now, updatedAt: now, version })
            .where(and(eq(contacts.id, a.id), eq(contacts.orgId, orgId))),
          d
            .delete(contactEmails)
            .where(and(eq(contactEmails.orgId, orgId), eq(contactEmails.contactId, a.id))),
        ],
      };
    }
    case 'reminder.done':
    case 'reminder.dismiss':
    case 'reminder.snooze': {
      const a = parsed.data as { id: string };
      const existing = known.reminders.get(a.id);
      if (!visible(existing, orgId) || existing?.userId !== userId) return missing('reminder', a.id);
      let set: Partial<typeof reminders.$inferInsert>;
      if (m.name === 'reminder.snooze') {
        const s = parsed.data as MutationArgs<'reminder.snooze'>;
        if (!('until' in s))
          return rejected(400, 'Unsupported snooze', 'Snooze presets are resolved by the client.');
        set = { state: 'snoozed', snoozedUntil: s.until };
      } else {
        set = { state: m.name === 'reminder.done' ? 'done' : 'dismissed', snoozedUntil: null };
      }
      return {
        ok: true,
        target: a.id,
        accountIds: [],
        statements: [
          d
            .update(reminders)
            .set({ ...set, version, updatedAt: now })
            .where(and(eq(reminders.id, a.id), eq(reminders.orgId, orgId), eq(reminders.userId, userId))),
        ],
      };
    }
  }
}

/** The audit row that commits with each write. */
export function audit(
  d: Db,
  ctx: WriteContext,
  action: string,
  target: string | null,
  detail?: unknown,
): Statement {
  return d.insert(auditLog).values({
    orgId: ctx.orgId,
    actorId: ctx.userId,
    action,
    target,
    detail: detail === undefined ? null : JSON.stringify(detail),
    at: ctx.now,
  });
}
