import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { ROOT } from '../../scripts/lib/dev-env.ts';
import { freePort, migrateLocal, startDevServer } from '../../scripts/lib/wrangler-dev.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    serverUrl: string;
    setupToken: string;
    persistTo: string;
    port: number;
  }
}

/** Builds the extension (Chrome and Firefox) if needed and starts a real `wrangler dev` on a fresh local D1 for the e2e tests. */
export default async function setup(project: TestProject) {
  for (const browser of ['chrome', 'firefox']) {
    if (existsSync(join(ROOT, `.output/${browser}-mv3/manifest.json`))) continue;
    const build = spawnSync('wxt', ['build', '-b', browser, '--mv3'], { cwd: ROOT, stdio: 'inherit' });
    if (build.status !== 0) throw new Error(`extension build for ${browser} failed`);
  }
  const persistTo = mkdtempSync(join(tmpdir(), 'rapport-e2e-d1-'));
  migrateLocal(persistTo);
  const setupToken = randomBytes(18).toString('base64url');
  const port = await freePort();
  const server = await startDevServer({ port, persistTo, vars: { SETUP_TOKEN: setupToken }, quiet: true });
  project.provide('serverUrl', server.url);
  project.provide('setupToken', setupToken);
  project.provide('persistTo', persistTo);
  project.provide('port', port);
  return async () => {
    await server.stop();
    rmSync(persistTo, { recursive: true, force: true });
  };
}
