import { join } from 'node:path';
import { getPlatformProxy } from 'wrangler';
import type { User } from '../../../shared/schemas/index.ts';
import { uuidv7 } from '../../../shared/uuid.ts';
import { hashSecret, newSecret } from '../../../worker/auth/secrets.ts';
import { initialSettings } from '../../../worker/people/setup.ts';
import { ROOT } from '../dev-env.ts';

// The load run's organisation, written straight into the local D1 before the Worker starts,
// as `npm run seed` and the page benchmark do. Going through /api/setup and fifty invite
// redemptions would spend the strict pre-auth limit (10 a minute per address) that the run has
// no business lifting; the tokens are created exactly as the Worker creates them (a random
// `rap_` secret, stored as its SHA-256 only). Each device gets a token of its own, so the
// per-token limit (600 a minute) applies to each device as it would in a real team.

export interface LoadOrg {
  orgId: string;
  users: User[];
  /** One per device: its person (index into `users`) and its own API token. */
  devices: { user: number; token: string }[];
}

/** The local D1 of `persistTo`, through wrangler's platform proxy (the Worker must be stopped). */
export async function withLocalD1<T>(persistTo: string, fn: (db: D1Database) => Promise<T>): Promise<T> {
  const proxy = await getPlatformProxy<{ DB: D1Database }>({
    configPath: join(ROOT, 'wrangler.toml'),
    persist: { path: join(persistTo, 'v3') },
    remoteBindings: false,
  });
  try {
    return await fn(proxy.env.DB);
  } finally {
    await proxy.dispose();
  }
}

/** One org, `people` salespeople, and `devices` devices spread over them round-robin. */
export async function seedLoadOrg(persistTo: string, people: number, devices: number): Promise<LoadOrg> {
  const now = new Date().toISOString();
  const orgId = uuidv7();
  const admin = 'ops@load.example';
  const users: User[] = Array.from({ length: people }, (_, i) => ({
    id: uuidv7(),
    name: `Seller ${i + 1}`,
    email: `seller${i + 1}@load.example`,
    role: 'member',
    timeZone: ['Europe/Berlin', 'Europe/London', 'America/New_York', 'Asia/Kolkata'][i % 4]!,
  }));
  const tokens = await Promise.all(
    Array.from({ length: devices }, async (_, i) => {
      const token = newSecret('api');
      return { user: i % people, token, hash: await hashSecret(token) };
    }),
  );
  await withLocalD1(persistTo, async (db) => {
    await db.batch([
      db
        .prepare(
          'INSERT INTO orgs (id, name, settings, version, created_at, updated_at) VALUES (?1, ?2, ?3, 0, ?4, ?4)',
        )
        .bind(orgId, 'Load Test Org', JSON.stringify(initialSettings(admin)), now),
      db
        .prepare(
          "INSERT INTO users (id, org_id, name, email, role, time_zone, created_at, updated_at) VALUES (?1, ?2, 'Ops', ?3, 'admin', 'UTC', ?4, ?4)",
        )
        .bind(uuidv7(), orgId, admin, now),
      ...users.map((u) =>
        db
          .prepare(
            'INSERT INTO users (id, org_id, name, email, role, time_zone, created_at, updated_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?7)',
          )
          .bind(u.id, orgId, u.name, u.email, u.role, u.timeZone, now),
      ),
      ...tokens.map((t, i) =>
        db
          .prepare(
            "INSERT INTO tokens (id, org_id, user_id, hash, kind, label, created_at) VALUES (?1, ?2, ?3, ?4, 'api', ?5, ?6)",
          )
          .bind(uuidv7(), orgId, users[t.user]!.id, t.hash, `load device ${i + 1}`, now),
      ),
    ]);
  });
  return { orgId, users, devices: tokens.map(({ user, token }) => ({ user, token })) };
}
