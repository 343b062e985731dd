import { effectiveDueAt } from '../../shared/reminders/index.ts';
import { MS_PER_DAY } from '../../shared/time/index.ts';
import { CRON, WRITE } from '../reminders/sql.ts';

/** Ended snoozes reopened per run; any left over are picked up by the next run. */
const WAKE_LIMIT = 500;
/** Without a previous sweep, look back one cron interval. */
const FIRST_LOOKBACK_MS = 15 * 60_000;

interface Timing {
  id: string;
  due_at: string;
  snoozed_until: string | null;
}

/**
 * The reminders whose time came since the last sweep and that clients must
 * hear about through pull: snoozes that ran out (they become `open` again)
 * and reminders that just crossed the escalation line (`escalated` is
 * derived on read, so bumping their version is what carries it to replicas).
 * Returns the statements to commit (a version bump and one update), or none.
 */
export async function sweepDue(
  db: D1Database,
  orgId: string,
  sweptAt: string | null,
  now: Date,
  escalationDays: number,
): Promise<{ statements: D1PreparedStatement[]; touched: number }> {
  const nowMs = now.getTime();
  const fromMs = sweptAt ? Date.parse(sweptAt) : nowMs - FIRST_LOOKBACK_MS;
  const lag = escalationDays * MS_PER_DAY;
  const lo = new Date(fromMs - lag).toISOString();
  const hi = new Date(nowMs - lag).toISOString();
  const q = (sql: string, ...args: unknown[]) => db.prepare(sql).bind(orgId, ...args);
  const [woken, byDue, bySnooze] = await db.batch([
    q(CRON.woken, now.toISOString(), WAKE_LIMIT),
    q(CRON.escalatingByDue, lo, hi),
    q(CRON.escalatingBySnooze, lo, hi),
  ]);
  const ids = new Set((woken!.results as { id: string }[]).map((r) => r.id));
  const loMs = Date.parse(lo);
  const hiMs = Date.parse(hi);
  for (const r of [...(byDue!.results as Timing[]), ...(bySnooze!.results as Timing[])]) {
    const at = effectiveDueAt({ state: 'open', dueAt: r.due_at, snoozedUntil: r.snoozed_until });
    if (at > loMs && at <= hiMs) ids.add(r.id);
  }
  if (ids.size === 0) return { statements: [], touched: 0 };
  return {
    statements: [
      db.prepare(WRITE.bump).bind(orgId),
      db.prepare(WRITE.touch).bind(orgId, now.toISOString(), JSON.stringify([...ids])),
    ],
    touched: ids.size,
  };
}
