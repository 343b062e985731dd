import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { runReminderCron } from '../../../worker/cron/reminders.ts';
import { account, call, createOrg } from '../helpers.ts';
import { report, time } from './report.ts';

// Relationship plans (design §16): the plan endpoint of one account with 20 objectives × 100
// measurements, then with 200 responsibilities, 500 commitments and 100 conflicts added; the
// cron's health upkeep over 5,000 planned accounts, incremental (100 changed) and daily; and the
// health list. Rows go in with bulk SQL, as the reminder bench does; the code under test reads
// them through its own queries.

const T = '2026-06-01T00:00:00.000Z';
const NOW = Date.parse('2026-11-24T10:00:00.000Z');
const PLANNED = 5_000;
const CHANGED = 100;

const seq = (from: number, to: number) =>
  `WITH RECURSIVE seq(n) AS (SELECT ${from} UNION ALL SELECT n + 1 FROM seq WHERE n < ${to - 1})`;
const meta = `1, '${T}', '${T}'`;

/** 20 objectives of account ?2, 100 measurements each, written by ?3. */
const objectiveRows = [
  `${seq(0, 20)} INSERT INTO objectives (id, org_id, account_id, title, unit, baseline, target, due_on, owner_id,
     weight, state, created_by, version, created_at, updated_at)
   SELECT printf('o%02d', n), ?1, ?2, 'Objective ' || n, '%', 50, 90, '2027-06-01', ?3, 1 + n % 5,
     'open', ?3, ${meta} FROM seq`,
  `${seq(0, 2000)} INSERT INTO measurements (id, org_id, account_id, objective_id, value, measured_on, note,
     created_by, version, created_at, updated_at)
   SELECT printf('m%04d', n), ?1, ?2, printf('o%02d', n / 100), 50 + (n % 100) * 0.3,
     date('2026-11-20', '-' || (n % 100) || ' days'), 'Monthly report', ?3, ${meta} FROM seq`,
];

/** 200 responsibilities, 500 commitments and 100 conflicts of account ?2, by ?3. */
const ledgerRows = [
  `${seq(0, 200)} INSERT INTO responsibilities (id, org_id, account_id, area, user_id, role, created_by,
     version, created_at, updated_at)
   SELECT printf('r%03d', n), ?1, ?2, 'Area ' || (n / 4), ?3, CASE n % 4 WHEN 0 THEN 'A' WHEN 1 THEN 'R'
     WHEN 2 THEN 'C' ELSE 'I' END, ?3, ${meta} FROM seq`,
  `${seq(0, 500)} INSERT INTO commitments (id, org_id, account_id, side, owner_id, what, due_on, state,
     closed_on, created_by, version, created_at, updated_at)
   SELECT printf('c%03d', n), ?1, ?2, 'ours', ?3, 'Promise ' || n, date('2026-11-20', '-' || (n % 170) || ' days'),
     CASE WHEN n % 5 = 0 THEN 'open' ELSE 'kept' END,
     CASE WHEN n % 5 = 0 THEN NULL ELSE date('2026-11-20', '-' || (n % 170) || ' days', '+' || (n % 3) || ' days') END,
     ?3, ${meta} FROM seq`,
  `${seq(0, 100)} INSERT INTO conflicts (id, org_id, account_id, title, severity, level, owner_id, opened_on,
     state, resolved_on, level_history, created_by, version, created_at, updated_at)
   SELECT printf('k%03d', n), ?1, ?2, 'Conflict ' || n, CASE n % 4 WHEN 0 THEN 'low' WHEN 1 THEN 'medium'
     WHEN 2 THEN 'high' ELSE 'critical' END, 1, ?3, date('2026-11-20', '-' || (n * 3) || ' days'),
     CASE WHEN n < 90 THEN 'resolved' ELSE 'open' END,
     CASE WHEN n < 90 THEN date('2026-11-20', '-' || (n * 3) || ' days', '+2 days') END,
     '[]', ?3, ${meta} FROM seq`,
];

/** 5,000 strategic accounts of owner ?2, each with a plan, two objectives, a measurement each and two interactions. */
const plannedRows = [
  `${seq(0, PLANNED)} INSERT INTO accounts (id, org_id, name, domains, stakeholder, tier, owner_id, version,
     created_at, updated_at)
   SELECT printf('a%05d', n), ?1, 'Account ' || n, '[]', 'customer', 'strategic', ?2, ${meta} FROM seq`,
  `${seq(0, PLANNED)} INSERT INTO plans (id, org_id, account_id, status, starts_on, review_every_days,
     escalation, created_by, version, created_at, updated_at)
   SELECT printf('p%05d', n), ?1, printf('a%05d', n), 'active', '2026-03-01', 30 + n % 90, '[]', ?2, ${meta} FROM seq`,
  `${seq(0, PLANNED * 2)} INSERT INTO objectives (id, org_id, account_id, title, unit, baseline, target, due_on,
     owner_id, weight, state, created_by, version, created_at, updated_at)
   SELECT printf('o%05d', n), ?1, printf('a%05d', n / 2), 'KPI ' || n, '%', 0, 100, '2027-03-01', ?2, 3, 'open',
     ?2, ${meta} FROM seq`,
  `${seq(0, PLANNED * 2)} INSERT INTO measurements (id, org_id, account_id, objective_id, value, measured_on,
     created_by, version, created_at, updated_at)
   SELECT printf('m%05d', n), ?1, printf('a%05d', n / 2), printf('o%05d', n), n % 90,
     date('2026-11-20', '-' || (n % 60) || ' days'), ?2, ${meta} FROM seq`,
  `${seq(0, PLANNED * 2)} INSERT INTO interactions (id, org_id, user_id, account_id, contact_ids, kind, tag, title,
     notes, occurred_at, source_site, awaiting_reply, visibility, version, created_at, updated_at)
   SELECT printf('i%05d', n), ?1, ?2, printf('a%05d', n / 2), '[]', 'email',
     CASE WHEN n % 2 = 0 THEN 'strategic' ELSE 'tactical' END, 'Subject ' || n, '',
     strftime('%Y-%m-%dT%H:%M:%fZ', '2026-11-23', '-' || (n % 40) || ' days'), 'gmail', 0, 'team', ${meta} FROM seq`,
  'UPDATE orgs SET version = 1 WHERE id = ?1',
];

/** A new measurement on each of `count` accounts, each its own version, as pushes would leave them. */
const changeRows = (round: number, count: number) =>
  `${seq(0, count)} INSERT INTO measurements (id, org_id, account_id, objective_id, value, measured_on,
     created_by, version, created_at, updated_at)
   SELECT printf('x%02d-%04d', ${round}, n), ?1, printf('a%05d', (n * 37 + ${round} * ${count}) % ${PLANNED}),
     printf('o%05d', 2 * ((n * 37 + ${round} * ${count}) % ${PLANNED})), 95, '2026-11-24', ?2,
     (SELECT version FROM orgs WHERE id = ?1) + 1 + n, '${T}', '${T}' FROM seq`;

describe('plans benchmark', () => {
  it(`the cron's health upkeep over ${PLANNED.toLocaleString('en')} planned accounts`, async () => {
    const { org, token, user } = await createOrg();
    for (const sql of plannedRows)
      await env.DB.prepare(sql)
        .bind(...(sql.includes('?2') ? [org.id, user.id] : [org.id]))
        .run();
    // The cron visits every org in this file's database; this test runs first, so only this one.
    const eligible = await env.DB.prepare(
      `SELECT count(*) AS n FROM accounts AS a WHERE a.deleted_at IS NULL AND (a.tier = 'strategic'
         OR EXISTS (SELECT 1 FROM plans AS p WHERE p.account_id = a.id AND p.deleted_at IS NULL))`,
    ).first<number>('n');
    expect(eligible).toBeGreaterThanOrEqual(PLANNED);
    // The first run: the full reminder pass and the day's health of every account.
    const first = await runReminderCron(env.DB, NOW, { budgetMs: 1e9 });
    expect(first.complete).toBe(true);
    expect(first.healthAccounts).toBe(eligible);

    // Incremental runs the same day, 100 accounts changed since the last run each time.
    const samples: number[] = [];
    for (let round = 1; round <= 5; round++) {
      await env.DB.batch([
        env.DB.prepare(changeRows(round, CHANGED)).bind(org.id, user.id),
        env.DB.prepare(`UPDATE orgs SET version = version + ${CHANGED} WHERE id = ?1`).bind(org.id),
      ]);
      const t0 = performance.now();
      const r = await runReminderCron(env.DB, NOW + round * 15 * 60_000);
      samples.push(performance.now() - t0);
      expect(r.complete).toBe(true);
      expect(r.accounts).toBe(CHANGED);
      expect(r.healthAccounts).toBe(0);
    }
    report({ key: 'health-cron-100', samples });

    // The daily pass: the next UTC days, nothing changed, every account's health and snapshot.
    const daily: number[] = [];
    for (let day = 1; day <= 3; day++) {
      const t0 = performance.now();
      const r = await runReminderCron(env.DB, NOW + day * 86_400_000, { budgetMs: 1e9 });
      daily.push(performance.now() - t0);
      expect(r.healthAccounts).toBe(eligible);
    }
    const snapshots = await env.DB.prepare('SELECT count(*) AS n FROM health_snapshots WHERE org_id = ?1')
      .bind(org.id)
      .first<number>('n');
    expect(snapshots).toBe(PLANNED * 4);
    report({ key: 'health-daily-5k', samples: daily });

    // The health list: worst first, and one band.
    const list = (path: string) => call('GET', path, { token });
    expect((await list('/api/health?limit=50')).json.items).toHaveLength(50);
    report({ key: 'health-list', samples: await time(20, () => list('/api/health?limit=50')) });
    report({
      key: 'health-list-band',
      samples: await time(20, () => list('/api/health?band=watch&limit=50')),
    });
  });

  it('the plan endpoint of a large plan', async () => {
    const { org, token, user } = await createOrg();
    const acc = account({ ownerId: user.id, tier: 'strategic' });
    expect((await call('POST', '/api/accounts', { token, body: acc })).status).toBe(201);
    const put = await call('PUT', `/api/plans/${acc.id}`, {
      token,
      body: { startsOn: '2026-01-01', reviewEveryDays: 90 },
    });
    expect(put.status).toBe(201);
    for (const sql of objectiveRows) await env.DB.prepare(sql).bind(org.id, acc.id, user.id).run();
    const get = () => call('GET', `/api/accounts/${acc.id}/plan`, { token });
    const view = (await get()).json;
    expect(view.objectives).toHaveLength(20);
    expect(view.objectives[0].measurements).toHaveLength(100);
    report({ key: 'plan-view-20x100', samples: await time(20, get) });
    // A plain record read under the same load, for scale.
    report({
      key: 'account-get',
      samples: await time(20, () => call('GET', `/api/accounts/${acc.id}`, { token })),
    });

    for (const sql of ledgerRows) await env.DB.prepare(sql).bind(org.id, acc.id, user.id).run();
    const full = (await get()).json;
    expect(full.responsibilities).toHaveLength(200);
    expect(full.commitments).toHaveLength(500);
    expect(full.conflicts).toHaveLength(100);
    expect(full.health.parts.every((p: { reason: string }) => p.reason !== '')).toBe(true);
    report({ key: 'plan-view-ledgers', samples: await time(20, get) });
  });
});
