import { REPLICA_STORES } from '../../../extension/lib/db.ts';
import type { PullResponse } from '../../../shared/schemas/index.ts';
import { uuidv7 } from '../../../shared/uuid.ts';
import type { AuditRow, RollupRow, ServerView, TouchRow } from './verify.ts';

// What the server holds at the end of a load run, read two ways: through the API (a full pull
// per person, the definition of what a device's replica must equal) and straight from the local
// D1 (the audit log and the roll-ups, which no endpoint returns row by row).

/** Every page of a pull from cookie 0 for each person, with a sync client id never used before. */
export async function serverViews(
  url: string,
  people: { userId: string; token: string; address: string }[],
): Promise<Map<string, ServerView>> {
  const out = new Map<string, ServerView>();
  for (const p of people) {
    const view = Object.fromEntries(REPLICA_STORES.map((k) => [k, []])) as unknown as ServerView;
    const clientId = uuidv7();
    for (let cookie = 0, more = true; more; ) {
      const res = await fetch(`${url}/api/sync/pull?clientId=${clientId}&cookie=${cookie}`, {
        headers: { authorization: `Bearer ${p.token}`, 'cf-connecting-ip': p.address },
      });
      if (!res.ok) throw new Error(`pull for ${p.userId}: ${res.status} ${await res.text()}`);
      const page = (await res.json()) as PullResponse;
      for (const k of REPLICA_STORES) (view[k] as unknown[]).push(...page[k]);
      if (page.hasMore && page.cookie === cookie) throw new Error(`pull made no progress past ${cookie}`);
      cookie = page.cookie;
      more = page.hasMore;
    }
    // A row changed twice appears once, at its latest version; keep the last copy of each id.
    for (const k of REPLICA_STORES)
      (view[k] as { id: string }[]) = [
        ...new Map((view[k] as { id: string }[]).map((r) => [r.id, r])).values(),
      ];
    out.set(p.userId, view);
  }
  return out;
}

export interface ServerState {
  audit: AuditRow[];
  rollups: RollupRow[];
  recount: RollupRow[];
  touches: TouchRow[];
}

const rows = async <T>(db: D1Database, sql: string, orgId: string) =>
  (await db.prepare(sql).bind(orgId).all<T>()).results;

/** The audit rows of pushes, the stored roll-ups and their recount, read from the local D1. */
export async function readServerState(db: D1Database, orgId: string): Promise<ServerState> {
  return {
    audit: await rows<AuditRow>(
      db,
      'SELECT action, detail FROM audit_log WHERE org_id = ?1 AND detail LIKE \'%"mutationId"%\'',
      orgId,
    ),
    rollups: await rows<RollupRow>(
      db,
      'SELECT user_id, day, tactical, strategic, last_activity_at AS last FROM daily_rollups WHERE org_id = ?1',
      orgId,
    ),
    recount: await rows<RollupRow>(
      db,
      `SELECT user_id, substr(occurred_at, 1, 10) AS day, sum(tag = 'tactical') AS tactical,
         sum(tag = 'strategic') AS strategic, max(occurred_at) AS last
       FROM interactions WHERE org_id = ?1 AND deleted_at IS NULL GROUP BY user_id, day`,
      orgId,
    ),
    touches: await rows<TouchRow>(
      db,
      `SELECT a.id, a.last_interaction_at, a.last_strategic_at,
         (SELECT max(occurred_at) FROM interactions i WHERE i.org_id = a.org_id AND i.account_id = a.id
           AND i.deleted_at IS NULL) AS recount_any,
         (SELECT max(occurred_at) FROM interactions i WHERE i.org_id = a.org_id AND i.account_id = a.id
           AND i.deleted_at IS NULL AND i.tag = 'strategic') AS recount_strategic
       FROM accounts a WHERE a.org_id = ?1`,
      orgId,
    ),
  };
}
