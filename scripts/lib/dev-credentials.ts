import { chmodSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { ROOT } from './dev-env.ts';
import type { DemoCredentials } from './seed.ts';

/** The demo users' API tokens from the last `npm start` or `npm run seed` (git-ignored, owner-only). */
export const CREDENTIALS_PATH = `${ROOT}.dev-credentials.json`;

/** The saved demo credentials, or null when there are none or the file is not ours to read. */
export function readDevCredentials(): DemoCredentials | null {
  if (!existsSync(CREDENTIALS_PATH)) return null;
  try {
    const parsed = JSON.parse(readFileSync(CREDENTIALS_PATH, 'utf8')) as DemoCredentials;
    return typeof parsed?.orgId === 'string' && Array.isArray(parsed.users) ? parsed : null;
  } catch {
    return null;
  }
}

/** Saves the demo credentials, readable by the owner only: they are live API tokens. */
export function writeDevCredentials(creds: DemoCredentials): void {
  const { orgId, users } = creds;
  writeFileSync(CREDENTIALS_PATH, `${JSON.stringify({ orgId, users }, null, 2)}\n`, { mode: 0o600 });
  chmodSync(CREDENTIALS_PATH, 0o600);
}
