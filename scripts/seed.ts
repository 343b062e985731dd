// `npm run seed`: seeds the local D1 database with the demo org (idempotent) and prints its tokens.
import { getPlatformProxy } from 'wrangler';
import { ROOT } from './lib/dev-env.ts';
import { type DemoCredentials, seedDemo } from './lib/seed.ts';
import { migrateLocal } from './lib/wrangler-dev.ts';

/** Applies migrations and seeds through wrangler's local D1 (the same files `wrangler dev` uses). */
export async function seedLocal(): Promise<DemoCredentials & { created: boolean }> {
  migrateLocal();
  const proxy = await getPlatformProxy<{ DB: D1Database }>({
    configPath: `${ROOT}wrangler.toml`,
    persist: true,
    remoteBindings: false,
  });
  try {
    return await seedDemo(proxy.env.DB);
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
  console.log(
    creds.created
      ? 'Seeded the demo organisation.'
      : 'Demo organisation already present; minted fresh tokens.',
  );
  for (const u of creds.users) console.log(`  ${u.name.padEnd(16)} ${u.role.padEnd(8)} ${u.token}`);
}
