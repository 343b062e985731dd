import { env } from 'cloudflare:workers';
import { drizzle } from 'drizzle-orm/d1';
import { describe, expect, it } from 'vitest';
import { computeSummary } from '../../../worker/summary/compute.ts';
import { createOrg } from '../helpers.ts';
import { report, time } from './report.ts';

const PEOPLE = 50;
const DAYS = 90;
const PER_DAY = 22; // 50 × 90 × 22 = 99,000 interactions
const ACCOUNTS = 2000;
const NOW = new Date('2026-12-01T00:00:00.000Z');

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
    const seed = [
      `WITH RECURSIVE seq(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM seq WHERE n < ${PEOPLE})
       INSERT INTO users (id, org_id, name, email, role, time_zone, created_at, updated_at)
       SELECT printf('u%04d', n), ?1, 'Person ' || n, 'p' || n || '@bench.test', 'member', 'UTC', '2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z' FROM seq`,
      `WITH RECURSIVE seq(n) AS (SELECT 0 UNION ALL SELECT n + 1 FROM seq WHERE n < ${ACCOUNTS - 1})
       INSERT INTO accounts (id, org_id, name, domains, stakeholder, tier, ends_on, version, created_at, updated_at)
       SELECT printf('a%06d', n), ?1, 'Account ' || n, '[]', 'customer', CASE WHEN n % 4 = 0 THEN 'strategic' ELSE 'tactical' END,
         CASE WHEN n % 4 = 1 THEN date('2026-12-01', '+' || (n % 120) || ' days') END, 1, '2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z' FROM seq`,
      `WITH RECURSIVE seq(n) AS (SELECT 0 UNION ALL SELECT n + 1 FROM seq WHERE n < ${PEOPLE * DAYS * PER_DAY - 1})
       INSERT INTO interactions (id, org_id, user_id, account_id, contact_ids, kind, tag, title, notes, occurred_at,
         source_site, awaiting_reply, visibility, version, created_at, updated_at)
       SELECT printf('i%08d', n), ?1, printf('u%04d', 1 + n % ${PEOPLE}), printf('a%06d', (n * 7) % ${ACCOUNTS}), '[]', 'email',
         CASE WHEN n % 3 = 0 THEN 'strategic' ELSE 'tactical' END, 'T', '',
         strftime('%Y-%m-%dT%H:%M:%fZ', '2026-12-01', '-' || (1 + (n / ${PEOPLE}) % ${DAYS}) || ' days', '+' || (8 + n % 9) || ' hours'),
         'gmail', 0, CASE WHEN n % 10 = 0 THEN 'private' ELSE 'team' END, 1, '2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z' FROM seq`,
      `INSERT INTO daily_rollups (org_id, user_id, day, tactical, strategic, last_activity_at)
       SELECT org_id, user_id, substr(occurred_at, 1, 10), sum(tag = 'tactical'), sum(tag = 'strategic'), max(occurred_at)
       FROM interactions WHERE org_id = ?1 AND deleted_at IS NULL GROUP BY user_id, substr(occurred_at, 1, 10)`,
      `UPDATE accounts SET
         last_strategic_at = (SELECT occurred_at FROM interactions i WHERE i.org_id = ?1 AND i.account_id = accounts.id
           AND i.tag = 'strategic' AND i.deleted_at IS NULL ORDER BY occurred_at DESC LIMIT 1),
         last_interaction_at = (SELECT occurred_at FROM interactions i WHERE i.org_id = ?1 AND i.account_id = accounts.id
           AND i.deleted_at IS NULL ORDER BY occurred_at DESC LIMIT 1)
       WHERE org_id = ?1`,
      `WITH RECURSIVE seq(n) AS (SELECT 0 UNION ALL SELECT n + 1 FROM seq WHERE n < 999)
       INSERT INTO reminders (id, org_id, user_id, account_id, rule, title, due_at, state, version, created_at, updated_at)
       SELECT printf('r%06d', n), ?1, printf('u%04d', 1 + n % ${PEOPLE}), printf('a%06d', n % ${ACCOUNTS}), 'follow-up', 'Follow up',
         strftime('%Y-%m-%dT%H:%M:%fZ', '2026-12-01', printf('%+d days', n % 60 - 20)),
         CASE WHEN n % 5 = 0 THEN 'done' ELSE 'open' END, 1, '2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z' FROM seq`,
    ];
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
  });
});
