import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { accounts, dailyRollups, orgs } from '../db/schema.ts';
import type { Statement } from './mutators.ts';

// Derived data that must commit in the same batch as the interaction write it follows
// (design §11: the summary reads roll-ups, never the interactions): the per-person daily
// counts and each account's latest touches. Every statement here runs AFTER the interaction
// row is written, so a recomputing subquery already sees the new state.

/** What the roll-ups need to know of an interaction as it stands before a write. */
export interface Counted {
  userId: string;
  accountId: string | null;
  tag: 'tactical' | 'strategic';
  occurredAt: string;
  deletedAt: string | null;
}

const DAY_MS = 86_400_000;
const dayOf = (instant: string) => new Date(instant).toISOString().slice(0, 10);
const nextDay = (day: string) => new Date(Date.parse(`${day}T00:00:00Z`) + DAY_MS).toISOString().slice(0, 10);

/** Instants are compared as strings, so anything not already `Z` is stored as UTC `Z`. */
export const utcInstant = (instant: string) =>
  instant.endsWith('Z') ? instant : new Date(instant).toISOString();

function addTo(d: Db, orgId: string, i: Counted): Statement {
  const strategic = i.tag === 'strategic' ? 1 : 0;
  return d
    .insert(dailyRollups)
    .values({
      orgId,
      userId: i.userId,
      day: dayOf(i.occurredAt),
      tactical: 1 - strategic,
      strategic,
      lastActivityAt: i.occurredAt,
    })
    .onConflictDoUpdate({
      target: [dailyRollups.orgId, dailyRollups.userId, dailyRollups.day],
      set: {
        tactical: sql`${dailyRollups.tactical} + excluded.tactical`,
        strategic: sql`${dailyRollups.strategic} + excluded.strategic`,
        lastActivityAt: sql`max(coalesce(${dailyRollups.lastActivityAt}, ''), excluded.last_activity_at)`,
      },
    });
}

function removeFrom(d: Db, orgId: string, i: Counted): Statement {
  const day = dayOf(i.occurredAt);
  const strategic = i.tag === 'strategic' ? 1 : 0;
  return d
    .update(dailyRollups)
    .set({
      tactical: sql`${dailyRollups.tactical} - ${1 - strategic}`,
      strategic: sql`${dailyRollups.strategic} - ${strategic}`,
      lastActivityAt: sql`(SELECT max(occurred_at) FROM interactions WHERE org_id = ${orgId}
        AND user_id = ${i.userId} AND occurred_at >= ${day} AND occurred_at < ${nextDay(day)}
        AND deleted_at IS NULL)`,
    })
    .where(and(eq(dailyRollups.orgId, orgId), eq(dailyRollups.userId, i.userId), eq(dailyRollups.day, day)));
}

/** Recomputes an account's touch times after one of its interactions went away or changed. */
function recomputeAccount(d: Db, orgId: string, accountId: string): Statement {
  const latest = (strategicOnly: boolean) =>
    sql`(SELECT occurred_at FROM interactions WHERE org_id = ${orgId} AND account_id = ${accountId}
      ${strategicOnly ? sql`AND tag = 'strategic'` : sql``} AND deleted_at IS NULL ORDER BY occurred_at DESC LIMIT 1)`;
  return d
    .update(accounts)
    .set({ lastStrategicAt: latest(true), lastInteractionAt: latest(false) })
    .where(and(eq(accounts.orgId, orgId), eq(accounts.id, accountId)));
}

function touchAccount(d: Db, orgId: string, i: Counted & { accountId: string }): Statement {
  const later = (col: typeof accounts.lastStrategicAt | typeof accounts.lastInteractionAt) =>
    sql`max(coalesce(${col}, ''), ${i.occurredAt})`;
  return d
    .update(accounts)
    .set({
      lastInteractionAt: later(accounts.lastInteractionAt),
      ...(i.tag === 'strategic' ? { lastStrategicAt: later(accounts.lastStrategicAt) } : {}),
    })
    .where(and(eq(accounts.orgId, orgId), eq(accounts.id, i.accountId)));
}

/**
 * The statements that move an interaction's weight in the roll-ups from
 * `before` (null when new; ignored when a tombstone) to `after` (null when
 * deleted). Idempotent only together with the write it follows: the push
 * guard and the mutation-id check keep a replay from counting twice.
 */
export function rollupStatements(
  d: Db,
  orgId: string,
  before: Counted | null,
  after: Counted | null,
): Statement[] {
  const old = before && before.deletedAt === null ? before : null;
  const out: Statement[] = [];
  if (old) out.push(removeFrom(d, orgId, old));
  if (after) out.push(addTo(d, orgId, after));
  if (old?.accountId) out.push(recomputeAccount(d, orgId, old.accountId));
  if (after?.accountId && after.accountId !== old?.accountId)
    out.push(touchAccount(d, orgId, { ...after, accountId: after.accountId }));
  return out;
}

/**
 * A statement that fails the batch unless the interactions `ids` still stand
 * as the prefetch read them. The roll-up deltas above are computed from that
 * read, so a write from another client (or a REST call) landing in between
 * must abort this batch, not double-count; the caller then retries.
 */
export function snapshotGuards(
  d: Db,
  orgId: string,
  ids: string[],
  known: Map<string, Counted>,
): Statement[] {
  const out: Statement[] = [];
  const sorted = [...new Set(ids)].sort();
  for (let i = 0; i < sorted.length; i += 90) {
    const part = sorted.slice(i, i + 90);
    const expected = part
      .filter((id) => known.has(id))
      .map((id) => fingerprint(id, known.get(id)!))
      .join('|');
    const list = sql.join(
      part.map((id) => sql`${id}`),
      sql`, `,
    );
    const actual = sql`(SELECT coalesce(group_concat(f, '|'), '') FROM (SELECT id || ' ' || tag || ' ' || occurred_at
      || ' ' || coalesce(deleted_at, '-') || ' ' || coalesce(account_id, '-') AS f
      FROM interactions WHERE id IN (${list}) ORDER BY id))`;
    out.push(
      d
        .select({ ok: sql`CASE WHEN ${actual} = ${expected} THEN 1 ELSE json('') END` })
        .from(orgs)
        .where(eq(orgs.id, orgId)),
    );
  }
  return out;
}

const fingerprint = (id: string, i: Counted) =>
  `${id} ${i.tag} ${i.occurredAt} ${i.deletedAt ?? '-'} ${i.accountId ?? '-'}`;
