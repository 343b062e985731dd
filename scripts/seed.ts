// `npm run seed`: seeds the local D1 database with the demo org (idempotent) and prints its tokens.
import { getPlatformProxy } from 'wrangler';
import { readDevCredentials, writeDevCredentials } from './lib/dev-credentials.ts';
import { ROOT } from './lib/dev-env.ts';
import { type DemoCredentials, seedDemo } from './lib/seed.ts';
import { migrateLocal } from './lib/wrangler-dev.ts';

/**
 * Applies migrations and seeds through wrangler's local D1 (the same files `wrangler dev` uses).
 * The demo tokens of the last run (`.dev-credentials.json`) are reused while they still work.
 */
export async function seedLocal(): Promise<DemoCredentials & { created: boolean; reused: number }> {
  migrateLocal();
  const proxy = await getPlatformProxy<{ DB: D1Database }>({
    configPath: `${ROOT}wrangler.toml`,
    persist: true,
    remoteBindings: false,
  });
  try {
    const creds = await seedDemo(proxy.env.DB, new Date(), readDevCredentials());
    writeDevCredentials(creds);
    return creds;
  } finally {
    await proxy.dispose();
  }
}

if (import.meta.main) {
  process.env.CLOUDFLARE_CF_FETCH_ENABLED = 'false';
  process.env.WRANGLER_SEND_METRICS = 'false';
  const creds = await seedLocal();
  if (process.argv.includes('--json')) {
    console.log(JSON.stringify(creds));
    process.exit(0);
  }
  console.log(creds.created ? 'Seeded the demo organisation.' : 'Demo organisation already present.');
  console.log(
    creds.reused === creds.users.length
      ? 'Demo tokens (reused from .dev-credentials.json):'
      : 'Demo tokens (new ones where the saved ones no longer worked; saved in .dev-credentials.json):',
  );
  for (const u of creds.users) console.log(`  ${u.name.padEnd(16)} ${u.role.padEnd(8)} ${u.token}`);
}
