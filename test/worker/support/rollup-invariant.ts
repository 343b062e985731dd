import { env } from 'cloudflare:workers';
import { expect } from 'vitest';

/**
 * The derived data equals a recomputation from the interactions: the daily
 * roll-ups (ignoring rows emptied by deletes) and each account's touch times.
 */
export async function expectDerivedConsistent(orgId: string) {
  const rollups = await env.DB.prepare(
    `SELECT user_id, day, tactical, strategic, last_activity_at FROM daily_rollups
     WHERE org_id = ? AND tactical + strategic > 0 ORDER BY user_id, day`,
  )
    .bind(orgId)
    .all();
  const truth = await env.DB.prepare(
    `SELECT user_id, substr(occurred_at, 1, 10) AS day, sum(tag = 'tactical') AS tactical,
       sum(tag = 'strategic') AS strategic, max(occurred_at) AS last_activity_at
     FROM interactions WHERE org_id = ? AND deleted_at IS NULL GROUP BY user_id, day ORDER BY user_id, day`,
  )
    .bind(orgId)
    .all();
  expect(rollups.results).toEqual(truth.results);
  const negative = await env.DB.prepare(
    'SELECT count(*) AS n FROM daily_rollups WHERE org_id = ? AND (tactical < 0 OR strategic < 0)',
  )
    .bind(orgId)
    .first<{ n: number }>();
  expect(negative?.n).toBe(0);
  const accounts = await env.DB.prepare(
    `SELECT a.id, a.last_strategic_at IS (SELECT max(occurred_at) FROM interactions i WHERE i.org_id = a.org_id
         AND i.account_id = a.id AND i.tag = 'strategic' AND i.deleted_at IS NULL) AS strategic_ok,
       a.last_interaction_at IS (SELECT max(occurred_at) FROM interactions i WHERE i.org_id = a.org_id
         AND i.account_id = a.id AND i.deleted_at IS NULL) AS any_ok,
       a.last_strategic_at, a.last_interaction_at
     FROM accounts a WHERE a.org_id = ?`,
  )
    .bind(orgId)
    .all<{ id: string; strategic_ok: number; any_ok: number }>();
  for (const a of accounts.results)
    expect(a, `account ${a.id}`).toMatchObject({ strategic_ok: 1, any_ok: 1 });
}
