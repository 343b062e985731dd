import { env } from 'cloudflare:workers';
import { drizzle } from 'drizzle-orm/d1';
import { describe, expect, it } from 'vitest';
import { recentInteractions, teamPeople } from '../../../worker/page/queries.ts';
import { computeSummary } from '../../../worker/summary/compute.ts';
import { createOrg } from '../helpers.ts';
import { counting } from './counting.ts';
import { report, time } from './report.ts';
import { DAYS, NOW, PEOPLE, PER_DAY, seedStatements } from './seed-100k.ts';

describe('summary benchmark', () => {
  it(`summary for ${PEOPLE} people × ${DAYS} days (~${(PEOPLE * DAYS * PER_DAY).toLocaleString('en')} interactions)`, async () => {
    const { org, user } = await createOrg();
    const o = org.id;
    const seed = seedStatements();
    for (const sql of seed) await env.DB.prepare(sql).bind(o).run();
    const n = await env.DB.prepare('SELECT count(*) AS n FROM interactions WHERE org_id = ?')
      .bind(o)
      .first<number>('n');
    expect(n).toBe(PEOPLE * DAYS * PER_DAY);

    const { db, take } = counting(env.DB);
    const d = drizzle(db);
    const q = { from: new Date(NOW.getTime() - DAYS * 86_400_000).toISOString(), to: NOW.toISOString() };
    const first = await computeSummary(d, o, user.id, q, NOW);
    expect(first.people.length).toBe(PEOPLE + 1);
    expect(first.people.reduce((s, p) => s + p.total, 0)).toBe(PEOPLE * DAYS * PER_DAY);
    take();
    await computeSummary(d, o, user.id, q, NOW);
    const rowsRead = take();
    const samples = await time(10, () => computeSummary(d, o, user.id, q, NOW));
    report({ key: 'summary-100k', samples, extra: { rowsRead, interactions: n! } });
    // Everything the team page reads for the same period: the summary, the latest interactions, the people.
    take();
    await Promise.all([
      computeSummary(d, o, user.id, q, NOW),
      recentInteractions(d, o, user.id, q),
      teamPeople(d, o),
    ]);
    report({ key: 'page-data-100k', samples: [0], extra: { rowsRead: take() } });
  });
});
