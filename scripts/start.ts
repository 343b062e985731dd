// `npm start`: migrate and seed local D1, start wrangler dev on :8787, build the extension, print how to use it.
import { spawn, spawnSync } from 'node:child_process';
import { ensureDevVars, ROOT } from './lib/dev-env.ts';
import type { DemoCredentials } from './lib/seed.ts';
import { startDevServer } from './lib/wrangler-dev.ts';

process.env.CLOUDFLARE_CF_FETCH_ENABLED = 'false';
process.env.WRANGLER_SEND_METRICS = 'false';
const PORT = Number(process.env.PORT ?? 8787);

function run(cmd: string, args: string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'] });
    child.on('exit', (code) =>
      code === 0 ? resolve() : reject(new Error(`${cmd} ${args.join(' ')} exited with ${code}`)),
    );
  });
}

const step = (s: string) => console.log(`\n▸ ${s}`);

ensureDevVars();
step('Applying D1 migrations and seeding the demo organisation (local mode)…');
// In a child process: wrangler's local proxy installs signal handlers we do not want in this one.
const seeded = spawnSync(process.execPath, ['scripts/seed.ts', '--json'], {
  cwd: ROOT,
  encoding: 'utf8',
  stdio: ['ignore', 'pipe', 'inherit'],
});
if (seeded.status !== 0) {
  console.error('Seeding failed.');
  process.exit(1);
}
const creds = JSON.parse(seeded.stdout.trim().split('\n').pop() ?? '{}') as DemoCredentials & {
  created: boolean;
};
console.log(creds.created ? '  Demo organisation created.' : '  Demo data already present; kept it.');

step(`Starting the Worker on http://127.0.0.1:${PORT} and building the extension…`);
const [server] = await Promise.all([
  startDevServer({ port: PORT, quiet: true }),
  run('wxt', ['build', '-b', 'chrome', '--mv3']).then(() => run('wxt', ['build', '-b', 'firefox', '--mv3'])),
]);

let stopping = false;
const stop = async (code = 0) => {
  if (stopping) return;
  stopping = true;
  console.log('\nStopping the Worker…');
  await server.stop();
  process.exit(code);
};
process.on('SIGINT', () => void stop(0));
process.on('SIGTERM', () => void stop(0));
server.child.on('exit', (code) => {
  if (!stopping) {
    console.error(`wrangler dev exited (${code}).`);
    process.exit(1);
  }
});

const manager = creds.users.find((u) => u.key === 'manager');
// One run of the reminders cron, so the demo data has its reminders from the start.
await fetch(`${server.url}/cdn-cgi/local/scheduled`).catch(() => {});

/** A call as the demo manager; null when it fails (the printout then says so). */
async function asManager<T>(path: string, body?: unknown): Promise<T | null> {
  if (!manager) return null;
  const res = await fetch(`${server.url}${path}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${manager.token}`, 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  }).catch(() => null);
  return res?.ok ? ((await res.json()) as T) : null;
}
const webLink = (await asManager<{ url: string }>('/api/auth/web-link'))?.url ?? '';
const invite = await asManager<{ code: string; expiresAt: string }>('/api/invites', {
  email: `new.seller.${Date.now()}@northwind.example`,
  role: 'member',
});

console.log(`
Rapport is running.

  Worker        ${server.url}   (health: ${server.url}/healthz, cron: ${server.url}/cdn-cgi/local/scheduled)
  Extension     ${ROOT}.output/chrome-mv3    (Chrome: chrome://extensions → Developer mode → Load unpacked)
                ${ROOT}.output/firefox-mv3   (Firefox: about:debugging → Load Temporary Add-on → manifest.json)

  In the panel, enter the server address ${server.url} and an invite code for a new salesperson:
    ${invite?.code ?? '(could not create an invite)'}
  or sign in as a demo user with one of these API tokens:
${creds.users.map((u) => `    ${u.name.padEnd(16)} ${u.role.padEnd(8)} ${u.token}`).join('\n')}

  Team summary (one-time link for ${manager?.name ?? 'the manager'}, valid 5 minutes):
    ${webLink || '(could not create a link)'}

Press Ctrl-C to stop.`);
