// `npm start`: migrate and seed local D1, start wrangler dev on :8787 (or --port / PORT), build the
// extension, print how to use it. Stops cleanly on SIGINT, SIGTERM and SIGHUP; a Worker that an
// earlier run left behind (it was killed too hard to stop it) is stopped first.
import { type ChildProcess, spawn } from 'node:child_process';
import { ensureDevVars, ROOT } from './lib/dev-env.ts';
import {
  chosenPort,
  clearRecord,
  DEFAULT_PORT,
  portFree,
  startTime,
  takeOver,
  writeRecord,
} from './lib/dev-process.ts';
import type { DemoCredentials } from './lib/seed.ts';
import { type DevServer, startDevServer, stopGroup } from './lib/wrangler-dev.ts';

process.env.CLOUDFLARE_CF_FETCH_ENABLED = 'false';
process.env.WRANGLER_SEND_METRICS = 'false';

const other = (port: number) => (port === DEFAULT_PORT ? DEFAULT_PORT + 1 : port + 1);
const howToPick = (port: number) =>
  `Pick another port with   PORT=${other(port)} npm start   or   npm start -- --port ${other(port)}`;

const PORT = chosenPort(process.argv.slice(2), process.env);
if (PORT === null) {
  console.error(`Not a port: ${process.env.PORT ?? process.argv.join(' ')}. ${howToPick(DEFAULT_PORT)}`);
  process.exit(2);
}

// Everything this run starts, so any way of stopping it stops them too.
const children = new Set<ChildProcess>();
let worker: ChildProcess | null = null;
let server: DevServer | null = null;
let stopping = false;

async function stop(code: number, why?: string): Promise<never> {
  if (!stopping) {
    stopping = true;
    if (why) console.log(`\n${why}`);
    for (const child of children) if (child.exitCode === null) child.kill('SIGTERM');
    if (server) await server.stop();
    else if (worker) await stopGroup(worker);
    clearRecord();
    process.exit(code);
  }
  return new Promise<never>(() => {});
}
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const)
  process.on(signal, () => void stop(0, `${signal}: stopping the Worker…`));
// A crash here must not leave the Worker running unseen either.
process.on('uncaughtException', (err) => {
  console.error(err);
  void stop(1);
});
process.on('unhandledRejection', (err) => {
  console.error(err);
  void stop(1);
});

function run(cmd: string, args: string[], stdout: 'ignore' | 'pipe' = 'ignore'): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { cwd: ROOT, stdio: ['ignore', stdout, 'inherit'] });
    children.add(child);
    let out = '';
    child.stdout?.on('data', (d: Buffer) => {
      out += d.toString();
    });
    child.on('exit', (code, signal) => {
      children.delete(child);
      const failed = () => reject(new Error(`${cmd} ${args.join(' ')} exited with ${code ?? signal}`));
      if (code === 0) resolve(out);
      else if (stopping) return;
      // The same Ctrl-C reaches the builds (they share our terminal's process group): let our handler see it first.
      else if (signal) setTimeout(() => stopping || failed(), 300);
      else failed();
    });
  });
}

const step = (s: string) => console.log(`\n▸ ${s}`);

const earlier = await takeOver();
if (earlier.state === 'running') {
  console.error(
    `npm start is already running from this checkout (pid ${earlier.pid}, Worker on port ${earlier.port}).\n` +
      `Stop it first (Ctrl-C in its terminal, or kill ${earlier.pid}); two Workers would share one local database.`,
  );
  process.exit(1);
}
if (earlier.state === 'cleaned')
  console.log(`Stopped a Worker left over from an earlier npm start (port ${earlier.port}).`);
if (!(await portFree(PORT))) {
  console.error(
    `Port ${PORT} is already in use by another program, so the Worker cannot start there.\n${howToPick(PORT)}`,
  );
  process.exit(1);
}

ensureDevVars();
step('Applying D1 migrations and seeding the demo organisation (local mode)…');
// In a child process: wrangler's local proxy installs signal handlers we do not want in this one.
let creds: DemoCredentials & { created: boolean; reused: number };
try {
  const out = await run(process.execPath, ['scripts/seed.ts', '--json'], 'pipe');
  creds = JSON.parse(out.trim().split('\n').pop() ?? '{}');
} catch (err) {
  console.error(`Seeding failed: ${(err as Error).message}`);
  await stop(1);
}
console.log(creds!.created ? '  Demo organisation created.' : '  Demo data already present; kept it.');

step(`Starting the Worker on http://127.0.0.1:${PORT} and building the extension…`);
try {
  const pidStarted = startTime(process.pid) ?? '';
  [server] = await Promise.all([
    startDevServer({
      port: PORT,
      quiet: true,
      onSpawn: (child) => {
        worker = child;
        if (child.pid) writeRecord({ pid: process.pid, pidStarted, pgid: child.pid, port: PORT });
      },
    }),
    run('wxt', ['build', '-b', 'chrome', '--mv3']).then(() =>
      run('wxt', ['build', '-b', 'firefox', '--mv3']),
    ),
  ]);
} catch (err) {
  const message = (err as Error).message;
  console.error(
    /address already in use|EADDRINUSE/i.test(message)
      ? `Port ${PORT} was taken while the Worker started.\n${howToPick(PORT)}`
      : `Could not start: ${message}`,
  );
  await stop(1);
}
server!.child.on('exit', (code) => {
  if (!stopping) {
    console.error(`wrangler dev exited (${code}).`);
    void stop(1);
  }
});

const url = server!.url;
const manager = creds!.users.find((u) => u.key === 'manager');
const admin = creds!.users.find((u) => u.key === 'admin');
// One run of the reminders cron, so the demo data has its reminders from the start.
await fetch(`${url}/cdn-cgi/local/scheduled`).catch(() => {});

/** A call as a demo user; null when it fails (the printout then says so). */
async function post<T>(token: string | undefined, path: string, body?: unknown): Promise<T | null> {
  if (!token) return null;
  const res = await fetch(`${url}${path}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  }).catch(() => null);
  return res?.ok ? ((await res.json()) as T) : null;
}
const webLink = (await post<{ url: string }>(manager?.token, '/api/auth/web-link'))?.url ?? '';
const adminLink = (await post<{ url: string }>(admin?.token, '/api/auth/web-link'))?.url ?? '';
const invite = await post<{ code: string; expiresAt: string }>(manager?.token, '/api/invites', {
  email: `new.seller.${Date.now()}@northwind.example`,
  role: 'member',
  name: 'New Seller',
});

const tokensNote =
  creds!.reused === creds!.users.length
    ? 'the same as last time, from .dev-credentials.json'
    : 'saved in .dev-credentials.json and reused by the next start while they work';
console.log(`
Rapport is running.

  Worker        ${url}   (health: ${url}/healthz, cron: ${url}/cdn-cgi/local/scheduled)
  Extension     ${ROOT}.output/chrome-mv3    (Chrome: chrome://extensions → Developer mode → Load unpacked)
                ${ROOT}.output/firefox-mv3   (Firefox: about:debugging → Load Temporary Add-on → manifest.json)

  In the panel, enter the server address ${url} and an invite code for a new salesperson:
    ${invite?.code ?? '(could not create an invite)'}
  or sign in as a demo user with one of these API tokens (${tokensNote}):
${creds!.users.map((u) => `    ${u.name.padEnd(16)} ${u.role.padEnd(8)} ${u.token}`).join('\n')}

  Web workspace (one-time links, valid 5 minutes; the panel's "Open Rapport on the web" makes new ones):
    ${manager?.name ?? 'the manager'}: ${webLink || '(could not create a link)'}
    ${admin?.name ?? 'the admin'}: ${adminLink || '(could not create a link)'}

Press Ctrl-C to stop.`);
