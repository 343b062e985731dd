import type { OrgInputs } from '../reminders/inputs.ts';
import { READ } from '../reminders/sql.ts';
import { PLAN_CRON } from './sql.ts';
import { collectPlanInputs, planReads, planUpkeep } from './upkeep.ts';

/** Accounts per chunk of the daily health pass. */
const HEALTH_CHUNK = 200;

interface AccountRow {
  id: string;
  name: string;
  tier: 'tactical' | 'strategic';
  cadence_days: number | null;
  owner_id: string | null;
  ends_on: string | null;
  created_at: string;
  deleted_at: string | null;
  last_interaction_at: string | null;
  last_strategic_at: string | null;
}

/**
 * One chunk of the cron's daily health pass (design §15): the next accounts with a plan or on
 * the strategic tier after `cursor`, their health recomputed (health moves with the clock even
 * when nothing is written: cadence decays, reviews come due) and today's snapshot written, with
 * `extra` (the cron's progress) in the same batch. Returns the last account id, or null when the
 * pass is done.
 */
export async function healthChunk(
  db: D1Database,
  org: OrgInputs,
  cursor: string,
  now: Date,
  extra: (last: string | null) => D1PreparedStatement[],
  size = HEALTH_CHUNK,
): Promise<{ last: string | null; accounts: number }> {
  const page = await db.prepare(PLAN_CRON.healthPage).bind(org.orgId, cursor, size).all<{ id: string }>();
  const ids = page.results.map((r) => r.id);
  if (ids.length === 0) {
    await db.batch(extra(null));
    return { last: null, accounts: 0 };
  }
  const json = JSON.stringify(ids);
  const [accounts, ...planResults] = await db.batch([
    db.prepare(READ.accounts).bind(org.orgId, json),
    ...planReads(db, org.orgId, json, now),
  ]);
  const rows = (accounts?.results ?? []) as AccountRow[];
  const upkeep = planUpkeep(
    db,
    org,
    rows.map((r) => ({
      id: r.id,
      name: r.name,
      tier: r.tier,
      cadenceDays: r.cadence_days,
      ownerId: r.owner_id,
      endsOn: r.ends_on,
      createdAt: r.created_at,
      deletedAt: r.deleted_at,
      lastInteractionAt: r.last_interaction_at,
      lastStrategicAt: r.last_strategic_at,
    })),
    collectPlanInputs(planResults),
    now,
    { healthOnly: true },
  );
  const last = ids[ids.length - 1]!;
  await db.batch([...upkeep.healthWrites, ...extra(last)]);
  return { last, accounts: ids.length };
}
