import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { runReminderCron } from '../../../worker/cron/reminders.ts';
import { recomputeForWrite } from '../../../worker/reminders/on-write.ts';
import { createOrg } from '../helpers.ts';
import { median, report } from './report.ts';

// The reminder cron of design §11: an org of 1M interactions and 50k accounts, where 1k
// accounts changed since the last run; and the full recompute, per chunk. Seeding takes a
// while, so this file runs only through scripts/lib/bench-reminders.ts (RAPPORT_BENCH_ONLY).

const PEOPLE = 50;
const ACCOUNTS = 50_000;
const INTERACTIONS = 1_000_000;
const CHANGED = 1_000;
const SEED_ROWS_PER_STATEMENT = 100_000;
const NOW = Date.parse('2026-11-24T10:00:00.000Z');
const ZONES = ['Europe/Berlin', 'America/New_York', 'Asia/Kolkata', 'UTC'];
const T = '2025-01-01T00:00:00.000Z';

const seq = (from: number, to: number) =>
  `WITH RECURSIVE seq(n) AS (SELECT ${from} UNION ALL SELECT n + 1 FROM seq WHERE n < ${to - 1})`;

/** People, accounts and interactions for org ?1: bulk INSERT … SELECT, 100k rows per statement. */
function seedStatements(): string[] {
  const out = [
    `${seq(1, PEOPLE + 1)} INSERT INTO users (id, org_id, name, email, role, time_zone, created_at, updated_at)
     SELECT printf('u%04d', n), ?1, 'Person ' || n, 'p' || n || '@bench.test', 'member',
       CASE n % 4 ${ZONES.map((z, i) => `WHEN ${i} THEN '${z}'`).join(' ')} END, '${T}', '${T}' FROM seq`,
    `${seq(0, ACCOUNTS)} INSERT INTO accounts (id, org_id, name, domains, stakeholder, tier, owner_id, ends_on, version, created_at, updated_at)
     SELECT printf('a%06d', n), ?1, 'Account ' || n, '[]', 'customer', CASE WHEN n % 4 = 0 THEN 'strategic' ELSE 'tactical' END,
       printf('u%04d', 1 + n % ${PEOPLE}), CASE WHEN n % 8 = 1 THEN date('2026-11-24', '+' || (n % 200) || ' days') END,
       1, '${T}', '${T}' FROM seq`,
  ];
  for (let from = 0; from < INTERACTIONS; from += SEED_ROWS_PER_STATEMENT) {
    // Account n % 50k (20 each), by its owner; one in 50 with a follow-up a week later, one in 70 awaiting a reply.
    out.push(`${seq(from, Math.min(INTERACTIONS, from + SEED_ROWS_PER_STATEMENT))}
     INSERT INTO interactions (id, org_id, user_id, account_id, contact_ids, kind, tag, title, notes, occurred_at,
       source_site, follow_up_at, awaiting_reply, visibility, version, created_at, updated_at)
     SELECT printf('i%08d', n), ?1, printf('u%04d', 1 + (n % ${ACCOUNTS}) % ${PEOPLE}), printf('a%06d', n % ${ACCOUNTS}), '[]',
       'email', CASE WHEN n % 5 = 0 THEN 'strategic' ELSE 'tactical' END, 'Subject ' || n, '',
       strftime('%Y-%m-%dT%H:%M:%fZ', '2026-11-24', '-' || (1 + (n * 37) % 365) || ' days', '+' || (n % 10) || ' hours'),
       'gmail',
       CASE WHEN n % 50 = 0 THEN strftime('%Y-%m-%dT%H:%M:%fZ', '2026-11-24', '-' || (1 + (n * 37) % 365) || ' days', '+7 days') END,
       CASE WHEN n % 70 = 1 THEN 1 ELSE 0 END, 'team', 1, '${T}', '${T}' FROM seq`);
  }
  out.push('UPDATE orgs SET version = 1 WHERE id = ?1');
  return out;
}

/** `count` new interactions on distinct accounts, each a write of its own version, as pushes would leave them. */
function changeStatements(round: number, count: number): string {
  return `${seq(0, count)} INSERT INTO interactions (id, org_id, user_id, account_id, contact_ids, kind, tag, title, notes,
      occurred_at, source_site, follow_up_at, awaiting_reply, visibility, version, created_at, updated_at)
    SELECT printf('c%02d-%05d', ${round}, n), ?1, printf('u%04d', 1 + ((n * 47 + ${round} * ${count}) % ${ACCOUNTS}) % ${PEOPLE}),
      printf('a%06d', (n * 47 + ${round} * ${count}) % ${ACCOUNTS}), '[]', 'call', 'tactical', 'Check-in', '',
      '2026-11-24T08:00:00.000Z', 'manual', CASE WHEN n % 5 = 0 THEN '2026-11-27T14:00:00.000Z' END, 0, 'team',
      (SELECT version FROM orgs WHERE id = ?1) + 1 + n, '${T}', '${T}' FROM seq`;
}

const at = (minutes: number) => NOW + minutes * 60_000;

describe.runIf(env.RAPPORT_BENCH_ONLY === 'reminders')('reminder cron benchmark', () => {
  it(`cron over ${INTERACTIONS.toLocaleString('en')} interactions / ${ACCOUNTS.toLocaleString('en')} accounts`, async () => {
    const { org } = await createOrg();
    const t0 = performance.now();
    for (const sql of seedStatements()) await env.DB.prepare(sql).bind(org.id).run();
    const seedMs = performance.now() - t0;
    const n = await env.DB.prepare('SELECT count(*) AS n FROM interactions WHERE org_id = ?1')
      .bind(org.id)
      .first<number>('n');
    expect(n).toBe(INTERACTIONS);

    // The first run is the full pass; the clock is read before each chunk, so the gaps between
    // reads are the chunks' durations.
    const reads: number[] = [];
    const clock = () => {
      const t = performance.now();
      reads.push(t);
      return t;
    };
    const f0 = performance.now();
    const full = await runReminderCron(env.DB, at(0), { budgetMs: 1e9, clock });
    const fullMs = performance.now() - f0;
    expect(full.complete).toBe(true);
    const chunkMs = reads.slice(2).map((t, i) => t - reads[i + 1]!);
    report({
      key: 'reminder-full-chunk',
      samples: chunkMs,
      extra: { chunks: full.chunks, fullMs, seedMs, upserts: full.upserts, accounts: full.accounts },
    });

    // Incremental runs, 1k accounts changed since the last run each time; each run also
    // recomputes the balance nudges of a quarter of the people.
    const samples: number[] = [];
    const stats: number[] = [];
    for (let round = 1; round <= 5; round++) {
      await env.DB.batch([
        env.DB.prepare(changeStatements(round, CHANGED)).bind(org.id),
        env.DB.prepare(`UPDATE orgs SET version = version + ${CHANGED} WHERE id = ?1`).bind(org.id),
      ]);
      const c0 = performance.now();
      const r = await runReminderCron(env.DB, at(round * 15));
      samples.push(performance.now() - c0);
      expect(r.complete).toBe(true);
      expect(r.accounts).toBe(CHANGED);
      stats.push(r.upserts + r.closes);
    }
    report({ key: 'reminder-cron-1k', samples, extra: { writes: median(stats) } });

    // Recompute on write: what a push of 100 interactions on 100 accounts adds to its request.
    const writeSamples: number[] = [];
    for (let round = 10; round < 15; round++) {
      await env.DB.batch([
        env.DB.prepare(changeStatements(round, 100)).bind(org.id),
        env.DB.prepare('UPDATE orgs SET version = version + 100 WHERE id = ?1').bind(org.id),
      ]);
      const accountIds = Array.from(
        { length: 100 },
        (_, n) => `a${String((n * 47 + round * 100) % ACCOUNTS).padStart(6, '0')}`,
      );
      const w0 = performance.now();
      const r = await recomputeForWrite(
        env.DB,
        { orgId: org.id, userId: 'u0001' },
        { accountIds, interactions: true },
        new Date(at(200)),
      );
      writeSamples.push(performance.now() - w0);
      expect(r?.accounts).toBe(100);
    }
    report({ key: 'reminder-write-100', samples: writeSamples });
  });
});
