import { env } from 'cloudflare:workers';
import { drizzle } from 'drizzle-orm/d1';
import { describe, expect, it } from 'vitest';
import { recentInteractions, teamPeople } from '../../../worker/page/queries.ts';
import { computeSummary } from '../../../worker/summary/compute.ts';
import { createOrg } from '../helpers.ts';
import { report, time } from './report.ts';
import { DAYS, NOW, PEOPLE, PER_DAY, seedStatements } from './seed-100k.ts';

/** A D1 binding that adds up `meta.rows_read` of everything run through it. */
function counting(d: D1Database) {
  let rowsRead = 0;
  const targets = new WeakMap<object, D1PreparedStatement>();
  const add = (r: { meta?: { rows_read?: number } }) => {
    rowsRead += r.meta?.rows_read ?? 0;
  };
  const wrap = (s: D1PreparedStatement): D1PreparedStatement => {
    const p = new Proxy(s, {
      get(t, k) {
        if (k === 'bind') return (...args: unknown[]) => wrap(t.bind(...args));
        // raw() carries no meta: run the statement once more through all() to count what it reads.
        if (k === 'raw')
          return async (...args: unknown[]) => {
            add(await t.all());
            return (t.raw as (...a: unknown[]) => Promise<unknown[]>)(...args);
          };
        if (k === 'all' || k === 'run')
          return async () => {
            const r = await t[k]();
            add(r);
            return r;
          };
        const v = Reflect.get(t, k, t);
        return typeof v === 'function' ? v.bind(t) : v;
      },
    });
    targets.set(p, s);
    return p;
  };
  const db = new Proxy(d, {
    get(t, k) {
      if (k === 'prepare') return (sql: string) => wrap(t.prepare(sql));
      if (k === 'batch')
        return async (stmts: D1PreparedStatement[]) => {
          const rs = await t.batch(stmts.map((s) => targets.get(s) ?? s));
          for (const r of rs) add(r);
          return rs;
        };
      const v = Reflect.get(t, k, t);
      return typeof v === 'function' ? v.bind(t) : v;
    },
  });
  const take = () => {
    const n = rowsRead;
    rowsRead = 0;
    return n;
  };
  return { db, take };
}

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
