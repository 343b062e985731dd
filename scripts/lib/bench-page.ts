// The summary page's server render time at ~100k interactions (design §11, issue 7): a real
// `wrangler dev` on a throwaway local D1 seeded with the bench org, timed from outside, so
// the render (CPU that workerd's in-process clock does not count) is included.

import { createHash, randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { getPlatformProxy } from 'wrangler';
import { seedStatements } from '../../test/worker/bench/seed-100k.ts';
import { type BenchProvider, median, ms, row } from './bench-table.ts';
import { freePort, migrateLocal, startDevServer } from './wrangler-dev.ts';

const ORG = 'bench-org';
const VIEWER = 'bench-manager';

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
    for (const sql of seedStatements()) await db.prepare(sql).bind(ORG).run();
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
      const url = `${server.url}/?from=2026-09-02&to=2026-11-30`;
      const get = async () => {
        const t0 = performance.now();
        const res = await fetch(url, { headers: { cookie: `__Host-rapport_session=${session}` } });
        const body = await res.text();
        if (res.status !== 200 || !body.includes('person-row'))
          throw new Error(`page answered ${res.status}`);
        return performance.now() - t0;
      };
      for (let i = 0; i < 3; i++) await get();
      const samples: number[] = [];
      for (let i = 0; i < 12; i++) samples.push(await get());
      return [
        row(
          'summary page server render, 50 people × 90 days (~100k interactions), full request',
          'max',
          300,
          median(samples),
          ms,
          `(of ${samples.length}; rows read: see "team page data rows read")`,
        ),
      ];
    } finally {
      await server.stop();
    }
  } catch (err) {
    log(`page bench failed: ${String(err)}`);
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
