import { fileURLToPath } from 'node:url';
import { cloudflareTest, readD1Migrations } from '@cloudflare/vitest-plugin';
import { defineConfig } from 'vitest/config';

const root = (path: string) => fileURLToPath(new URL(path, import.meta.url));

export default defineConfig(async () => {
  const migrations = await readD1Migrations(root('./worker/migrations'));
  // Workerd projects share one setup; MIGRATION_DB is an empty D1 for test/worker/migrations.test.ts.
  const workerd = () =>
    cloudflareTest({
      wrangler: { configPath: root('./wrangler.toml') },
      miniflare: {
        bindings: {
          TEST_MIGRATIONS: migrations,
          SETUP_TOKEN: 'test-setup-token',
          // Lets a slow bench run only when its own provider asks for it (scripts/lib/bench-reminders.ts).
          RAPPORT_BENCH_ONLY: process.env.RAPPORT_BENCH_ONLY ?? '',
        },
        d1Databases: ['MIGRATION_DB'],
      },
    });
  // Benchmarks (test/worker/bench) run only through `npm run bench`, which sets RAPPORT_BENCH.
  const bench = process.env.RAPPORT_BENCH
    ? [
        {
          plugins: [workerd()],
          test: {
            name: 'bench',
            root: root('.'),
            include: ['test/worker/bench/**/*.bench.ts'],
            setupFiles: ['test/worker/apply-migrations.ts'],
            testTimeout: 240_000,
            fileParallelism: false,
          },
        },
      ]
    : [];
  return {
    test: {
      projects: [
        {
          test: {
            name: 'unit',
            root: root('.'),
            include: ['test/unit/**/*.test.{ts,tsx}'],
            environment: 'node',
          },
        },
        {
          plugins: [workerd()],
          test: {
            name: 'worker',
            root: root('.'),
            include: ['test/worker/**/*.test.ts'],
            setupFiles: ['test/worker/apply-migrations.ts'],
          },
        },
        {
          test: {
            name: 'e2e',
            root: root('.'),
            include: ['test/e2e/**/*.test.ts'],
            environment: 'node',
            globalSetup: ['test/e2e/global-setup.ts'],
            testTimeout: 60_000,
            hookTimeout: 120_000,
            fileParallelism: false,
          },
        },
        {
          // The shortened load-and-fault run (scripts/lib/load): its own `wrangler dev`, restarted.
          test: {
            name: 'load',
            root: root('.'),
            include: ['test/load/**/*.test.ts'],
            environment: 'node',
            testTimeout: 600_000,
          },
        },
        ...bench,
      ],
    },
  };
});
