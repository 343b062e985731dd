import { and, eq, sql } from 'drizzle-orm';
import type { Db, Statement } from '../db/client.ts';
import { accounts, dailyRollups, orgs } from '../db/schema.ts';

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

interface DayChange {
  userId: string;
  day: string;
  tactical: number;
  strategic: number;
  /** Latest occurredAt added; null when only removals. */
  added: string | null;
  /** A removal happened: the day's last activity must be recomputed from the rows. */
  recompute: boolean;
}
interface AccountChange {
  any: string | null;
  strategic: string | null;
  recompute: boolean;
}

const later = (a: string | null, b: string) => (a === null || b > a ? b : a);

/**
 * The derived-data changes of a run of interaction writes, merged per person-day
 * and per account so that a push of 100 mutations emits a few dozen statements,
 * not hundreds. Its statements go after every interaction write of the batch,
 * so recomputing subqueries see the final rows.
 */
export class Derived {
  readonly days = new Map<string, DayChange>();
  readonly accounts = new Map<string, AccountChange>();

  /** Moves an interaction's weight from `before` (null: new; a tombstone counts nothing) to `after` (null: deleted). */
  move(before: Counted | null, after: Counted | null) {
    const old = before && before.deletedAt === null ? before : null;
    if (old) {
      const c = this.day(old);
      c[old.tag]--;
      c.recompute = true;
      if (old.accountId) this.account(old.accountId).recompute = true;
    }
    if (after) {
      const c = this.day(after);
      c[after.tag]++;
      c.added = later(c.added, after.occurredAt);
      if (after.accountId) {
        const a = this.account(after.accountId);
        a.any = later(a.any, after.occurredAt);
        if (after.tag === 'strategic') a.strategic = later(a.strategic, after.occurredAt);
      }
    }
  }

  private day(i: Counted) {
    const day = dayOf(i.occurredAt);
    const key = `${i.userId} ${day}`;
    const c = this.days.get(key) ?? {
      userId: i.userId,
      day,
      tactical: 0,
      strategic: 0,
      added: null,
      recompute: false,
    };
    this.days.set(key, c);
    return c;
  }

  private account(id: string) {
    const a = this.accounts.get(id) ?? { any: null, strategic: null, recompute: false };
    this.accounts.set(id, a);
    return a;
  }

  statements(d: Db, orgId: string): Statement[] {
    const out: Statement[] = [];
    for (const c of this.days.values()) {
      if (!c.recompute && c.added === null) continue;
      const last = c.recompute
        ? sql`(SELECT max(occurred_at) FROM interactions WHERE org_id = ${orgId} AND user_id = ${c.userId}
            AND occurred_at >= ${c.day} AND occurred_at < ${nextDay(c.day)} AND deleted_at IS NULL)`
        : c.added;
      out.push(
        d
          .insert(dailyRollups)
          .values({
            orgId,
            userId: c.userId,
            day: c.day,
            tactical: c.tactical,
            strategic: c.strategic,
            lastActivityAt: last,
          })
          .onConflictDoUpdate({
            target: [dailyRollups.orgId, dailyRollups.userId, dailyRollups.day],
            set: {
              tactical: sql`${dailyRollups.tactical} + excluded.tactical`,
              strategic: sql`${dailyRollups.strategic} + excluded.strategic`,
              lastActivityAt: c.recompute
                ? sql`excluded.last_activity_at`
                : sql`max(coalesce(${dailyRollups.lastActivityAt}, ''), excluded.last_activity_at)`,
            },
          }),
      );
    }
    for (const [id, a] of this.accounts) {
      out.push(a.recompute ? recomputeAccount(d, orgId, id) : touchAccount(d, orgId, id, a));
    }
    return out;
  }
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

function touchAccount(d: Db, orgId: string, accountId: string, a: AccountChange): Statement {
  const max = (col: typeof accounts.lastStrategicAt | typeof accounts.lastInteractionAt, at: string) =>
    sql`max(coalesce(${col}, ''), ${at})`;
  return d
    .update(accounts)
    .set({
      ...(a.any ? { lastInteractionAt: max(accounts.lastInteractionAt, a.any) } : {}),
      ...(a.strategic ? { lastStrategicAt: max(accounts.lastStrategicAt, a.strategic) } : {}),
    })
    .where(and(eq(accounts.orgId, orgId), eq(accounts.id, accountId)));
}

/**
 * The derived-data statements for one interaction write: none when the write
 * runs in a push that gathers them in `ctx.derived` (emitted once, at the end
 * of its batch), else the statements to follow the write directly.
 */
export function rollupStatements(
  d: Db,
  ctx: { orgId: string; derived?: Derived },
  before: Counted | null,
  after: Counted | null,
): Statement[] {
  if (ctx.derived) {
    ctx.derived.move(before, after);
    return [];
  }
  const one = new Derived();
  one.move(before, after);
  return one.statements(d, ctx.orgId);
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
