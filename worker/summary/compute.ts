import { and, asc, count, eq, gte, isNull, lt, lte, sql } from 'drizzle-orm';
import type { Summary } from '../../shared/schemas/summary.ts';
import type { Db } from '../db/client.ts';
import { accounts, dailyRollups, orgs, reminders, users } from '../db/schema.ts';
import { addDays, mondayOf, periodDays, utcDay } from './days.ts';

const DAY_MS = 86_400_000;
/** How far ahead `upcoming` looks (design §9: reviews and alliance ends coming up). */
const UPCOMING_DAYS = 30;
/** Bounds the rows read for the account lists of a very large org. */
const MAX_ACCOUNTS_LISTED = 1000;

/** The two org settings the summary needs; defaults as in design §6. */
function summarySettings(json: string | undefined): { reviewDays: number; escalationDays: number } {
  let s: Record<string, unknown> = {};
  try {
    s = JSON.parse(json ?? '{}') ?? {};
  } catch {}
  const days = (v: unknown, fallback: number) =>
    typeof v === 'number' && Number.isInteger(v) && v > 0 && v <= 730 ? v : fallback;
  return { reviewDays: days(s.strategicReviewDays, 90), escalationDays: days(s.escalationDays, 7) };
}

/**
 * The team aggregates of design §7.1 for the period [from, to), read from the
 * daily roll-ups (UTC-day resolution: a day overlapping the period counts
 * whole), so 50 people × 90 days read about 4.5k rows, not 100k interactions.
 * Private interactions count like any other: only tags and times are read.
 *
 * `people` and `weeks` cover the period; `coldAccounts`, `upcoming` and the
 * overdue reminders are the state at `now`. With `userId`, everything is
 * narrowed to that person (accounts: those they own).
 */
export async function computeSummary(
  d: Db,
  orgId: string,
  viewerId: string,
  q: { from: string; to: string; userId?: string },
  now: Date,
): Promise<Summary> {
  // Aggregates carry no title or notes, so the viewer sees the same numbers as anyone with the role.
  void viewerId;
  const from = new Date(q.from);
  const to = new Date(q.to);
  const period = { from: from.toISOString(), to: to.toISOString() };
  const { first, last } = periodDays(from, to);
  const [org] = await d.select({ settings: orgs.settings }).from(orgs).where(eq(orgs.id, orgId)).limit(1);
  const { reviewDays, escalationDays } = summarySettings(org?.settings);

  const nowIso = now.toISOString();
  const today = utcDay(now);
  const escalatedBefore = new Date(now.getTime() - escalationDays * DAY_MS).toISOString();
  const coldBefore = new Date(now.getTime() - reviewDays * DAY_MS).toISOString();
  const reviewDueBefore = new Date(now.getTime() - (reviewDays - UPCOMING_DAYS) * DAY_MS).toISOString();
  const byUser = (col: typeof users.id | typeof dailyRollups.userId | typeof reminders.userId) =>
    q.userId ? eq(col, q.userId) : undefined;
  const byOwner = q.userId ? eq(accounts.ownerId, q.userId) : undefined;
  const reviewClock = sql<string>`coalesce(${accounts.lastStrategicAt}, ${accounts.createdAt})`;

  const [people, rollups, overdue, strategic, alliances] = await d.batch([
    d
      .select({
        id: users.id,
        name: users.name,
        deletedAt: users.deletedAt,
        lastActivityAt: sql<string | null>`(SELECT r.last_activity_at FROM daily_rollups r
          WHERE r.org_id = ${orgId} AND r.user_id = ${users.id} AND r.day <= ${last}
          AND r.tactical + r.strategic > 0 ORDER BY r.day DESC LIMIT 1)`,
      })
      .from(users)
      .where(and(eq(users.orgId, orgId), byUser(users.id))),
    d
      .select({
        userId: dailyRollups.userId,
        day: dailyRollups.day,
        tactical: dailyRollups.tactical,
        strategic: dailyRollups.strategic,
      })
      .from(dailyRollups)
      .where(
        and(
          eq(dailyRollups.orgId, orgId),
          byUser(dailyRollups.userId),
          gte(dailyRollups.day, first),
          lte(dailyRollups.day, last),
        ),
      ),
    d
      .select({
        userId: reminders.userId,
        overdue: count(),
        escalated: sql<number>`coalesce(sum(${reminders.dueAt} < ${escalatedBefore}), 0)`,
      })
      .from(reminders)
      .where(
        and(
          eq(reminders.orgId, orgId),
          eq(reminders.state, 'open'),
          lt(reminders.dueAt, nowIso),
          isNull(reminders.deletedAt),
          byUser(reminders.userId),
        ),
      )
      .groupBy(reminders.userId),
    d
      .select({
        id: accounts.id,
        name: accounts.name,
        lastStrategicAt: accounts.lastStrategicAt,
        clock: reviewClock,
      })
      .from(accounts)
      .where(
        and(
          eq(accounts.orgId, orgId),
          eq(accounts.tier, 'strategic'),
          isNull(accounts.deletedAt),
          lt(reviewClock, reviewDueBefore),
          byOwner,
        ),
      )
      .orderBy(asc(reviewClock))
      .limit(MAX_ACCOUNTS_LISTED),
    d
      .select({ id: accounts.id, name: accounts.name, endsOn: accounts.endsOn })
      .from(accounts)
      .where(
        and(
          eq(accounts.orgId, orgId),
          eq(accounts.tier, 'tactical'),
          isNull(accounts.deletedAt),
          gte(accounts.endsOn, today),
          lte(accounts.endsOn, addDays(today, UPCOMING_DAYS)),
          byOwner,
        ),
      )
      .orderBy(asc(accounts.endsOn))
      .limit(MAX_ACCOUNTS_LISTED),
  ]);

  const counts = new Map<string, { tactical: number; strategic: number }>();
  const weekly = new Map<string, { tactical: number; strategic: number }>();
  for (let w = mondayOf(first); w <= last; w = addDays(w, 7)) weekly.set(w, { tactical: 0, strategic: 0 });
  for (const r of rollups) {
    const c = counts.get(r.userId) ?? { tactical: 0, strategic: 0 };
    c.tactical += r.tactical;
    c.strategic += r.strategic;
    counts.set(r.userId, c);
    const w = weekly.get(mondayOf(r.day));
    if (w) {
      w.tactical += r.tactical;
      w.strategic += r.strategic;
    }
  }
  const late = new Map(overdue.map((o) => [o.userId, o]));

  const upcoming: Summary['upcoming'] = [];
  const coldAccounts: Summary['coldAccounts'] = [];
  for (const a of strategic) {
    if (a.clock < coldBefore)
      coldAccounts.push({ accountId: a.id, name: a.name, lastStrategicAt: a.lastStrategicAt });
    else {
      const dueAt = new Date(Date.parse(a.clock) + reviewDays * DAY_MS).toISOString();
      upcoming.push({ kind: 'strategic-review', accountId: a.id, name: a.name, dueAt });
    }
  }
  for (const a of alliances) {
    upcoming.push({
      kind: 'alliance-ending',
      accountId: a.id,
      name: a.name,
      dueAt: `${a.endsOn}T00:00:00.000Z`,
    });
  }
  upcoming.sort((x, y) => (x.dueAt < y.dueAt ? -1 : x.dueAt > y.dueAt ? 1 : 0));

  return {
    period,
    people: people
      // A removed person still shows for the periods they worked in.
      .filter((p) => p.deletedAt === null || counts.has(p.id))
      .map((p) => {
        const c = counts.get(p.id) ?? { tactical: 0, strategic: 0 };
        return {
          userId: p.id,
          name: p.name,
          total: c.tactical + c.strategic,
          tactical: c.tactical,
          strategic: c.strategic,
          overdueReminders: late.get(p.id)?.overdue ?? 0,
          escalatedReminders: Number(late.get(p.id)?.escalated ?? 0),
          lastActivityAt: p.lastActivityAt,
          former: p.deletedAt !== null,
        };
      })
      .sort((x, y) => x.name.localeCompare(y.name) || (x.userId < y.userId ? -1 : 1)),
    weeks: [...weekly].map(([weekStart, c]) => ({ weekStart, ...c })),
    coldAccounts,
    upcoming,
  };
}
