import { applyD1Migrations } from 'cloudflare:test';
import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { FREE_MAIL_DOMAINS } from '../../shared/matching.ts';

// Design §12: migrations keep data. The first migration goes onto an empty D1, rows are
// seeded into every table, then every later migration runs and no row may be lost.

const T = '2026-10-01T09:00:00.000Z';
const ORG = '01900000-0000-7000-8000-000000000001';
const USER = '01900000-0000-7000-8000-000000000002';
const ACCOUNT = '01900000-0000-7000-8000-000000000003';
const FREE_ORG = '01900000-0000-7000-8000-000000000004';

const seed = [
  `INSERT INTO orgs (id, name, settings, version, created_at, updated_at) VALUES ('${ORG}', 'Seeded', '{}', 9, '${T}', '${T}')`,
  `INSERT INTO users (id, org_id, name, email, role, time_zone, created_at, updated_at) VALUES ('${USER}', '${ORG}', 'Ada', 'ada@seed.test', 'admin', 'UTC', '${T}', '${T}')`,
  `INSERT INTO tokens (id, org_id, user_id, hash, kind, created_at) VALUES ('t1', '${ORG}', '${USER}', 'h1', 'api', '${T}')`,
  // An org whose admin uses a free-mail address, with settings already set.
  `INSERT INTO orgs (id, name, settings, version, created_at, updated_at) VALUES ('${FREE_ORG}', 'Free', '{"escalationDays":9}', 0, '${T}', '${T}')`,
  `INSERT INTO users (id, org_id, name, email, role, time_zone, created_at, updated_at) VALUES ('u-free', '${FREE_ORG}', 'Fay', 'Fay@GMail.com', 'admin', 'UTC', '${T}', '${T}')`,
  `INSERT INTO accounts (id, org_id, name, domains, stakeholder, tier, version, created_at, updated_at) VALUES ('${ACCOUNT}', '${ORG}', 'Acme', '["acme.test"]', 'customer', 'strategic', 1, '${T}', '${T}')`,
  `INSERT INTO account_domains (org_id, domain, account_id) VALUES ('${ORG}', 'acme.test', '${ACCOUNT}')`,
  `INSERT INTO contacts (id, org_id, account_id, name, emails, version, created_at, updated_at) VALUES ('c1', '${ORG}', '${ACCOUNT}', 'Cy', '["cy@acme.test"]', 2, '${T}', '${T}')`,
  `INSERT INTO contact_emails (org_id, email, contact_id) VALUES ('${ORG}', 'cy@acme.test', 'c1')`,
  ...[
    ['i1', 'strategic', '2026-10-01T09:00:00.000Z', null],
    ['i2', 'tactical', '2026-10-01T15:00:00.000Z', null],
    ['i3', 'strategic', '2026-10-02T23:30:00-05:00', null], // another offset: 2026-10-03 in UTC
    ['i4', 'tactical', '2026-10-04T10:00:00.000Z', T], // a tombstone
  ].map(
    ([id, tag, at, deleted], n) =>
      `INSERT INTO interactions (id, org_id, user_id, account_id, kind, tag, title, occurred_at, source_site, visibility, version, created_at, updated_at, deleted_at)
       VALUES ('${id}', '${ORG}', '${USER}', '${ACCOUNT}', 'email', '${tag}', 'T', '${at}', 'gmail', 'team', ${3 + n}, '${T}', '${T}', ${deleted ? `'${deleted}'` : 'NULL'})`,
  ),
  `INSERT INTO reminders (id, org_id, user_id, rule, title, due_at, state, version, created_at, updated_at) VALUES ('r1', '${ORG}', '${USER}', 'follow-up', 'F', '${T}', 'open', 8, '${T}', '${T}')`,
  `INSERT INTO sync_clients (client_id, org_id, user_id, last_mutation_id, updated_at) VALUES ('k1', '${ORG}', '${USER}', 7, '${T}')`,
  `INSERT INTO audit_log (org_id, actor_id, action, target, at) VALUES ('${ORG}', '${USER}', 'seed', 'x', '${T}')`,
];

async function rowCounts(d: D1Database) {
  const tables = await d
    .prepare(
      "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '_cf_%' AND name != 'd1_migrations'",
    )
    .all<{ name: string }>();
  const counts: Record<string, number> = {};
  for (const { name } of tables.results) {
    counts[name] = (await d.prepare(`SELECT count(*) AS n FROM "${name}"`).first<number>('n'))!;
  }
  return counts;
}

describe('migrations', () => {
  it('keeps every seeded row through all later migrations, and backfills the roll-ups', async () => {
    const d = env.MIGRATION_DB;
    const [first] = env.TEST_MIGRATIONS;
    expect(first!.name).toMatch(/^0001_/);
    await applyD1Migrations(d, [first!]);
    await d.batch(seed.map((s) => d.prepare(s)));
    const before = await rowCounts(d);
    expect(Object.values(before).every((n) => n > 0)).toBe(true);

    await applyD1Migrations(d, env.TEST_MIGRATIONS);
    const after = await rowCounts(d);
    for (const [table, n] of Object.entries(before)) expect(after[table], table).toBe(n);

    const rollups = await d
      .prepare('SELECT day, tactical, strategic, last_activity_at FROM daily_rollups ORDER BY day')
      .all();
    expect(rollups.results).toEqual([
      { day: '2026-10-01', tactical: 1, strategic: 1, last_activity_at: '2026-10-01T15:00:00.000Z' },
      { day: '2026-10-03', tactical: 0, strategic: 1, last_activity_at: '2026-10-03T04:30:00.000Z' },
    ]);
    const account = await d.prepare('SELECT last_strategic_at, last_interaction_at FROM accounts').first();
    expect(account).toEqual({
      last_strategic_at: '2026-10-03T04:30:00.000Z',
      last_interaction_at: '2026-10-03T04:30:00.000Z',
    });
    // 0007: the org's own mail domain is its first admin's, never a free-mail provider's.
    const settings = await d
      .prepare('SELECT id, settings FROM orgs ORDER BY id')
      .all<{ id: string; settings: string }>();
    expect(settings.results.map((r) => [r.id, JSON.parse(r.settings)])).toEqual([
      [ORG, { internalDomains: ['seed.test'] }],
      [FREE_ORG, { escalationDays: 9, internalDomains: [] }],
    ]);
    // Re-applying is a no-op.
    await applyD1Migrations(d, env.TEST_MIGRATIONS);
    expect(await rowCounts(d)).toEqual(after);
  });
});

describe('migration 0007', () => {
  it('knows every free-mail domain the matching knows', () => {
    const m = env.TEST_MIGRATIONS.find((x) => x.name.startsWith('0007_'))!;
    const sql = m.queries.join('\n');
    for (const domain of FREE_MAIL_DOMAINS) expect(sql, domain).toContain(`'${domain}'`);
  });
});
