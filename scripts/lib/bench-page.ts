// The summary page's server render time at ~100k interactions (design §11, issue 7): a real
// `wrangler dev` on a throwaway local D1 seeded with the bench org, timed from outside, so
// the render (CPU that workerd's in-process clock does not count) is included.

import { createHash, randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { getPlatformProxy } from 'wrangler';
import { seedStatements } from '../../test/worker/bench/seed-100k.ts';
import { DIRECTORY_ACCOUNTS, directorySeedStatements } from '../../test/worker/bench/seed-directory.ts';
import { type BenchProvider, median, ms, row } from './bench-table.ts';
import { freePort, migrateLocal, startDevServer } from './wrangler-dev.ts';

const ORG = 'bench-org';
const VIEWER = 'bench-manager';

/** One account with a real (UUID) id, so its page can be opened, with ~50 interactions, contacts and reminders. */
const BENCH_ACCOUNT = '01900000-0000-7000-8000-000000000000';
const accountPageSeed = [
  `INSERT INTO accounts (id, org_id, name, domains, stakeholder, tier, owner_id, notes, version, created_at, updated_at)
     VALUES ('${BENCH_ACCOUNT}', ?1, 'Bench Account', '["bench-account.example"]', 'partner', 'strategic', 'u0001', '', 1,
       '2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z')`,
  `INSERT INTO interactions (id, org_id, user_id, account_id, contact_ids, kind, tag, title, notes, occurred_at,
       source_site, awaiting_reply, visibility, version, created_at, updated_at)
     SELECT 'b' || id, org_id, user_id, '${BENCH_ACCOUNT}', contact_ids, kind, tag, title, notes, occurred_at,
       source_site, awaiting_reply, visibility, version, created_at, updated_at
     FROM interactions WHERE org_id = ?1 AND account_id = 'a000007'`,
  `UPDATE accounts SET last_interaction_at = (SELECT max(occurred_at) FROM interactions
     WHERE org_id = ?1 AND account_id = '${BENCH_ACCOUNT}') WHERE id = '${BENCH_ACCOUNT}'`,
  `WITH RECURSIVE seq(n) AS (SELECT 0 UNION ALL SELECT n + 1 FROM seq WHERE n < 19)
     INSERT INTO contacts (id, org_id, account_id, name, emails, version, created_at, updated_at)
     SELECT printf('c%06d', n), ?1, '${BENCH_ACCOUNT}', 'Contact ' || n, '["c' || n || '@bench-account.example"]', 1,
       '2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z' FROM seq`,
  `WITH RECURSIVE seq(n) AS (SELECT 0 UNION ALL SELECT n + 1 FROM seq WHERE n < 9)
     INSERT INTO reminders (id, org_id, user_id, account_id, rule, title, due_at, state, version, created_at, updated_at)
     SELECT printf('rb%04d', n), ?1, 'u0001', '${BENCH_ACCOUNT}', 'follow-up', 'Follow up', '2026-12-0' || (1 + n % 9) || 'T09:00:00.000Z',
       'open', 1, '2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z' FROM seq`,
];

async function seed(root: string, persistTo: string): Promise<string> {
  const proxy = await getPlatformProxy<{ DB: D1Database }>({
    configPath: join(root, 'wrangler.toml'),
    persist: { path: join(persistTo, 'v3') },
    remoteBindings: false,
  });
  try {
    const db = proxy.env.DB;
    const now = '2026-01-01T00:00:00.000Z';
    await db.batch([
      db
        .prepare(
          "INSERT INTO orgs (id, name, settings, version, created_at, updated_at) VALUES (?1, 'Bench', '{}', 1, ?2, ?2)",
        )
        .bind(ORG, now),
      db
        .prepare(
          "INSERT INTO users (id, org_id, name, email, role, time_zone, created_at, updated_at) VALUES (?1, ?2, 'Bench Manager', 'manager@bench.test', 'manager', 'UTC', ?3, ?3)",
        )
        .bind(VIEWER, ORG, now),
    ]);
    for (const sql of [...seedStatements(), ...directorySeedStatements(), ...accountPageSeed])
      await db.prepare(sql).bind(ORG).run();
    const session = `rses_${randomBytes(32).toString('base64url')}`;
    const hash = createHash('sha256').update(session).digest('hex');
    await db
      .prepare(
        "INSERT INTO tokens (id, org_id, user_id, hash, kind, created_at, expires_at) VALUES ('bench-session', ?1, ?2, ?3, 'session', ?4, '2099-01-01T00:00:00.000Z')",
      )
      .bind(ORG, VIEWER, hash, now)
      .run();
    return session;
  } finally {
    await proxy.dispose();
  }
}

export const benchRows: BenchProvider = async ({ root, log }) => {
  log('summary page render at ~100k interactions (wrangler dev)…');
  const persistTo = mkdtempSync(join(tmpdir(), 'rapport-bench-page-'));
  try {
    migrateLocal(persistTo);
    const session = await seed(root, persistTo);
    const server = await startDevServer({ port: await freePort(), persistTo, quiet: true });
    try {
      const timed = async (path: string, marker: string) => {
        const get = async () => {
          const t0 = performance.now();
          const res = await fetch(`${server.url}${path}`, {
            headers: { cookie: `__Host-rapport_session=${session}` },
          });
          const body = await res.text();
          if (res.status !== 200 || !body.includes(marker)) throw new Error(`${path} answered ${res.status}`);
          return performance.now() - t0;
        };
        for (let i = 0; i < 3; i++) await get();
        const samples: number[] = [];
        for (let i = 0; i < 12; i++) samples.push(await get());
        return samples;
      };
      const summary = await timed('/?from=2026-09-02&to=2026-11-30', 'person-row');
      const of = (s: number[]) => `(of ${s.length})`;
      const dir = (what: string, path: string) =>
        timed(path, 'account-row').then((s) =>
          row(
            `directory page, ${DIRECTORY_ACCOUNTS.toLocaleString('en')} accounts, ${what}, full request`,
            'max',
            150,
            median(s),
            ms,
            of(s),
          ),
        );
      return [
        row(
          'summary page server render, 50 people × 90 days (~100k interactions), full request',
          'max',
          300,
          median(summary),
          ms,
          `(of ${summary.length}; rows read: see "team page data rows read")`,
        ),
        await dir('by name', '/accounts'),
        await dir(
          'page 40 by name',
          `/accounts?after=${encodeURIComponent(Buffer.from(JSON.stringify(['Initech 3002', 'a003002'])).toString('base64url'))}`,
        ),
        await dir('by last touch', '/accounts?sort=touch-oldest'),
        await dir('by health (computed order)', '/accounts?sort=health'),
        await dir('searched and filtered', '/accounts?q=acme&tier=strategic&band=at-risk'),
        row(
          'account page (~50 interactions, reminders, contacts), full request',
          'max',
          150,
          median(await timed(`/accounts/${BENCH_ACCOUNT}`, 'account-name')),
          ms,
        ),
      ];
    } finally {
      await server.stop();
    }
  } catch (err) {
    log(
      `page bench failed: ${String(err)}${err instanceof Error && err.cause ? ` (${String(err.cause)})` : ''}`,
    );
    return [
      row(
        'summary page server render, ~100k interactions',
        'max',
        300,
        null,
        ms,
        `failed: ${String(err).slice(0, 120)}`,
      ),
    ];
  } finally {
    rmSync(persistTo, { recursive: true, force: true });
  }
};
