import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { PLAN_CRON, PLAN_READ, PLAN_WRITE } from '../../worker/plans/sql.ts';

// Design §4: every query the plan upkeep, the cron and the plan routes run is indexed. As in
// reminders-plans.test.ts, a plan line `SCAN <table>` fails, and an index searched by the org
// alone (the whole org) fails where the query is about some accounts.

const UPKEEP: Record<string, string> = {
  ...Object.fromEntries(Object.entries(PLAN_READ).map(([k, v]) => [`read ${k}`, v])),
  ...Object.fromEntries(Object.entries(PLAN_CRON).map(([k, v]) => [`cron ${k}`, v])),
  ...Object.fromEntries(Object.entries(PLAN_WRITE).map(([k, v]) => [`write ${k}`, v])),
};

/** The REST routes' and the plan view's queries, as drizzle writes them. */
const O = "'org'";
const LIVE = 'deleted_at IS NULL';
const ROUTES: Record<string, string> = {
  ...Object.fromEntries(
    [
      'objectives',
      'measurements',
      'reviews',
      'milestones',
      'responsibilities',
      'commitments',
      'conflicts',
    ].flatMap((t) => [
      [
        `${t}: one account's, by id`,
        `SELECT * FROM ${t} WHERE org_id = ${O} AND ${LIVE} AND account_id = 'a' AND id > 'x' ORDER BY id LIMIT 51`,
      ],
      [
        `${t}: the org's, by id`,
        `SELECT * FROM ${t} WHERE org_id = ${O} AND ${LIVE} AND id > 'x' ORDER BY id LIMIT 51`,
      ],
      [`${t}: pull`, `SELECT * FROM ${t} WHERE org_id = ${O} AND version > 7 ORDER BY version LIMIT 501`],
    ]),
  ),
  'measurements: one objective’s': `SELECT * FROM measurements WHERE org_id = ${O} AND ${LIVE} AND objective_id = 'o'
      AND id > 'x' ORDER BY id LIMIT 51`,
  'plans: the account’s live plan': `SELECT * FROM plans WHERE org_id = ${O} AND account_id = 'a' AND ${LIVE} LIMIT 1`,
  'plans: pull': `SELECT * FROM plans WHERE org_id = ${O} AND version > 7 ORDER BY version LIMIT 501`,
  'health: worst first': `SELECT h.account_id, a.name, h.score FROM account_health h JOIN accounts a ON a.id = h.account_id
      WHERE h.org_id = ${O} AND a.deleted_at IS NULL AND (h.score > 40 OR (h.score = 40 AND h.account_id > 'x'))
      ORDER BY h.score, h.account_id LIMIT 51`,
  'health: one band, worst first': `SELECT h.account_id, a.name, h.score FROM account_health h JOIN accounts a ON a.id = h.account_id
      WHERE h.org_id = ${O} AND a.deleted_at IS NULL AND h.band = 'watch' ORDER BY h.score, h.account_id LIMIT 51`,
  'health: trend': `SELECT day, score, band FROM health_snapshots WHERE org_id = ${O} AND account_id = 'a'
      AND day >= '2026-01-01' ORDER BY day`,
};

function params(sql: string): unknown[] {
  const n = Math.max(0, ...[...sql.matchAll(/\?(\d+)/g)].map((m) => Number(m[1])));
  return Array.from({ length: n }, (_, i) => (i === 0 ? 'org' : '["a","b"]'));
}

async function plan(sql: string): Promise<string[]> {
  const res = await env.DB.prepare(`EXPLAIN QUERY PLAN ${sql}`)
    .bind(...params(sql))
    .all<{ detail: string }>();
  return res.results.map((r) => r.detail);
}

describe('EXPLAIN QUERY PLAN of the plan queries', () => {
  for (const [what, sql] of Object.entries(UPKEEP)) {
    it(`${what} uses an index`, async () => {
      const lines = await plan(sql);
      if (!/\bVALUES\b/.test(sql)) expect(lines.length).toBeGreaterThan(0);
      const scans = lines.filter(
        (l) =>
          /^SCAN /.test(l) &&
          !/VIRTUAL TABLE/.test(l) &&
          !/^SCAN CONSTANT ROW/.test(l) &&
          !/SUBQUERY/.test(l),
      );
      expect(scans, lines.join('\n')).toEqual([]);
      const orgWide = lines.filter((l) => /^SEARCH \w+ USING (?!PRIMARY KEY).*\(org_id=\?\)$/.test(l));
      // The daily health pass walks the org's accounts by id, a page at a time: that is its job.
      if (what !== 'cron healthPage') expect(orgWide, lines.join('\n')).toEqual([]);
    });
  }

  for (const [what, sql] of Object.entries(ROUTES)) {
    it(`${what} uses an index`, async () => {
      const lines = await plan(sql);
      expect(lines.join('\n')).toMatch(/USING (COVERING |PRIMARY KEY|INDEX)|USING INTEGER PRIMARY KEY/);
      for (const line of lines)
        expect(line, lines.join('\n')).not.toMatch(/^SCAN (?!CONSTANT)\w+(?!.*USING)/);
      expect(lines.join('\n')).not.toMatch(/USE TEMP B-TREE FOR ORDER BY/);
    });
  }

  it('plans the hot ones on the indexes meant for them', async () => {
    const joined = async (sql: string) => (await plan(sql)).join('\n');
    expect(await joined(PLAN_READ.latestMeasurements)).toContain('measurements_org_objective_idx');
    expect(await joined(PLAN_READ.latestReviews)).toContain('reviews_org_account_idx');
    expect(await joined(PLAN_READ.openConflicts)).toContain('conflicts_org_account_open_idx');
    expect(await joined(PLAN_READ.pendingMilestones)).toContain('milestones_org_account_pending_idx');
    expect(await joined(PLAN_CRON.slaDue)).toContain('conflicts_org_sla_idx');
    expect(await joined(PLAN_CRON.changedRecords)).toContain('objectives_org_version_idx');
    expect(await joined(PLAN_CRON.changedLedgers)).toContain('conflicts_org_version_idx');
    expect(await joined(PLAN_WRITE.escalate)).toContain('sqlite_autoindex_conflicts_1 (id=?)');
  });
});
