import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { createServer } from 'node:net';
import { ROOT, wranglerEnv } from './dev-env.ts';

/** Applies the D1 migrations to the local database (optionally in another persistence folder). */
export function migrateLocal(persistTo?: string): void {
  const args = [
    'd1',
    'migrations',
    'apply',
    'DB',
    '--local',
    ...(persistTo ? ['--persist-to', persistTo] : []),
  ];
  const res = spawnSync('wrangler', args, {
    cwd: ROOT,
    env: wranglerEnv(),
    stdio: ['ignore', 'pipe', 'pipe'],
    encoding: 'utf8',
  });
  if (res.status !== 0) throw new Error(`wrangler d1 migrations apply failed:\n${res.stdout}\n${res.stderr}`);
}

/** A free TCP port on the loopback interface. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const address = srv.address();
      srv.close(() =>
        typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port')),
      );
    });
  });
}

export interface DevServer {
  url: string;
  child: ChildProcess;
  stop: () => Promise<void>;
}

/**
 * Starts `wrangler dev` in its own process group, so stopping the group also
 * stops workerd (killing only wrangler would orphan it), and waits for /healthz.
 */
export async function startDevServer(opts: {
  port: number;
  persistTo?: string;
  vars?: Record<string, string>;
  quiet?: boolean;
  timeoutMs?: number;
  /** Called as soon as wrangler is spawned, before it is healthy: its pid is its process group's id. */
  onSpawn?: (child: ChildProcess) => void;
}): Promise<DevServer> {
  const args = [
    'dev',
    '--port',
    String(opts.port),
    '--ip',
    '127.0.0.1',
    '--show-interactive-dev-session=false',
  ];
  if (opts.persistTo) args.push('--persist-to', opts.persistTo);
  for (const [k, v] of Object.entries(opts.vars ?? {})) args.push('--var', `${k}:${v}`);
  const child = spawn('wrangler', args, {
    cwd: ROOT,
    env: wranglerEnv(),
    detached: true,
    stdio: ['ignore', opts.quiet ? 'ignore' : 'inherit', opts.quiet ? 'pipe' : 'inherit'],
  });
  opts.onSpawn?.(child);
  let stderr = '';
  child.stderr?.on('data', (d: Buffer) => {
    stderr = (stderr + d.toString()).slice(-4000);
  });
  const url = `http://127.0.0.1:${opts.port}`;
  const stop = () => stopGroup(child);
  const deadline = Date.now() + (opts.timeoutMs ?? 120_000);
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`wrangler dev exited with ${child.exitCode}\n${stderr}`);
    try {
      const res = await fetch(`${url}/healthz`, { signal: AbortSignal.timeout(2000) });
      if (res.ok) return { url, child, stop };
    } catch {}
    await new Promise((r) => setTimeout(r, 300));
  }
  await stop();
  throw new Error(`wrangler dev did not become healthy in time\n${stderr}`);
}

/** Stops a process group we started: SIGTERM, then SIGKILL if it lingers. */
export async function stopGroup(child: ChildProcess): Promise<void> {
  if (child.pid === undefined || child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  try {
    process.kill(-child.pid, 'SIGTERM');
  } catch {
    return;
  }
  const timeout = new Promise<'timeout'>((r) => setTimeout(() => r('timeout'), 5000));
  if ((await Promise.race([exited, timeout])) === 'timeout') {
    try {
      process.kill(-child.pid, 'SIGKILL');
    } catch {}
    await exited;
  }
}
