import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { db } from '../../worker/db/client.ts';
import {
  bandChangesQuery,
  bandCountsQuery,
  escalatedQuery,
  promisesQuery,
  worstHealthQuery,
} from '../../worker/page/plan/summary-queries.ts';

// The team summary's plans panel reads, planned by SQLite itself: each must start from an
// index of the org (no scan of a whole table), alone and narrowed to one person.

const ORG = '01900000-0000-7000-8000-0000000000aa';
const USER = '01900000-0000-7000-8000-0000000000cc';

async function plan(query: { toSQL: () => { sql: string; params: unknown[] } }): Promise<string[]> {
  const { sql, params } = query.toSQL();
  const res = await env.DB.prepare(`EXPLAIN QUERY PLAN ${sql}`)
    .bind(...params)
    .all<{ detail: string }>();
  return res.results.map((r) => r.detail);
}

const fullScans = (lines: string[]) => lines.filter((l) => /^SCAN \w+(?: AS \w+)?$/.test(l));

describe('EXPLAIN QUERY PLAN of the plans panel', () => {
  const d = () => db(env);
  const reads = {
    'health, worst first': (who: string | null) => worstHealthQuery(d(), ORG, who),
    'accounts per band': (who: string | null) => bandCountsQuery(d(), ORG, who),
    'band changes in the period': (who: string | null) =>
      bandChangesQuery(d(), ORG, '2026-11-01T00:00:00.000Z', '2026-11-29T00:00:00.000Z', who),
    'escalated conflicts': (who: string | null) => escalatedQuery(d(), ORG, who),
    'promises closed in the period': (who: string | null) =>
      promisesQuery(d(), ORG, '2026-11-01', '2026-11-28', who),
  };
  for (const [what, build] of Object.entries(reads))
    for (const who of [null, USER])
      it(`${what}${who ? ', one person' : ''} reads through an index`, async () => {
        const lines = await plan(build(who));
        expect(fullScans(lines), lines.join('\n')).toEqual([]);
        expect(lines.join('\n'), lines.join('\n')).toMatch(/USING (COVERING )?INDEX|PRIMARY KEY/);
      });
});
