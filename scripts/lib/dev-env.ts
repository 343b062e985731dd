import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** Environment for every wrangler child: fully offline, no telemetry, no prompts. */
export function wranglerEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  return {
    ...process.env,
    CLOUDFLARE_CF_FETCH_ENABLED: 'false',
    WRANGLER_SEND_METRICS: 'false',
    WRANGLER_LOG: process.env.WRANGLER_LOG ?? 'warn',
    CI: 'true',
    ...extra,
  };
}

/** Reads `.dev.vars`, creating it with a random SETUP_TOKEN when missing (it is git-ignored). */
export function ensureDevVars(): { SETUP_TOKEN: string } {
  const path = `${ROOT}.dev.vars`;
  if (!existsSync(path)) {
    writeFileSync(
      path,
      `# Local secrets for wrangler dev; never commit.\nSETUP_TOKEN=${randomBytes(24).toString('base64url')}\n`,
      { mode: 0o600 },
    );
  }
  const vars = Object.fromEntries(
    readFileSync(path, 'utf8')
      .split('\n')
      .filter((l) => /^\w+=/.test(l))
      .map((l) => [l.slice(0, l.indexOf('=')), l.slice(l.indexOf('=') + 1).trim()]),
  );
  if (!vars.SETUP_TOKEN) throw new Error('.dev.vars has no SETUP_TOKEN; delete it and run npm start again.');
  return { SETUP_TOKEN: vars.SETUP_TOKEN };
}
