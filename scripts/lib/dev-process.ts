import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readlinkSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { dirname, resolve } from 'node:path';
import { ROOT } from './dev-env.ts';

// `npm start`'s bookkeeping: which port to use, whether it is free, and the Worker it started.
// The Worker (wrangler and workerd) runs in a process group of its own; its id is recorded in
// a git-ignored file, so that a run killed too hard to stop it (SIGKILL, a crash) does not leave
// the next start blocked. A leftover is stopped only when it is provably ours: every process in
// the group runs from this checkout. Nothing else is ever killed.

export const DEFAULT_PORT = 8787;
/** Under `.wrangler/`, which is git-ignored with the rest of wrangler's local state. */
export const RECORD_PATH = `${ROOT}.wrangler/npm-start.json`;

/** The port from `--port N` / `--port=N`, else `PORT`, else 8787; null when it is not a port. */
export function chosenPort(argv: readonly string[], env: NodeJS.ProcessEnv): number | null {
  let raw: string | undefined = env.PORT;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--port') raw = argv[i + 1];
    else if (arg.startsWith('--port=')) raw = arg.slice('--port='.length);
  }
  if (raw === undefined || raw === '') return DEFAULT_PORT;
  const port = Number(raw);
  return Number.isInteger(port) && port >= 1 && port <= 65535 ? port : null;
}

/** Whether nothing listens on `port` of the loopback interface (the Worker binds 127.0.0.1). */
export function portFree(port: number, host = '127.0.0.1'): Promise<boolean> {
  return new Promise((done) => {
    const srv = createServer();
    srv.once('error', () => done(false));
    srv.listen({ port, host, exclusive: true }, () => srv.close(() => done(true)));
  });
}

/** What the last `npm start` of this checkout recorded. */
export interface StartRecord {
  /** The `npm start` process itself. */
  pid: number;
  /** Its start time as `ps` reports it, so a reused pid is not taken for it. */
  pidStarted: string;
  /** The Worker's process group (wrangler's pid; workerd is in the same group). */
  pgid: number;
  port: number;
}

export function readRecord(path = RECORD_PATH): StartRecord | null {
  try {
    const r = JSON.parse(readFileSync(path, 'utf8')) as StartRecord;
    return Number.isInteger(r.pid) && Number.isInteger(r.pgid) && r.pgid > 1 ? r : null;
  } catch {
    return null;
  }
}

export function writeRecord(r: StartRecord, path = RECORD_PATH): void {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, `${JSON.stringify(r)}\n`);
}

/** Removes the record if `pid` wrote it (another start may have taken over since) or it is unreadable. */
export function clearRecord(pid = process.pid, path = RECORD_PATH): void {
  if (!existsSync(path)) return;
  const r = readRecord(path);
  if (r === null || r.pid === pid) rmSync(path, { force: true });
}

/** When a process started, as `ps` prints it; null when it does not exist. */
export function startTime(pid: number): string | null {
  try {
    return execFileSync('ps', ['-o', 'lstart=', '-p', String(pid)], { encoding: 'utf8' }).trim() || null;
  } catch {
    return null;
  }
}

/** The processes in a process group, with their command lines. */
function groupMembers(pgid: number): { pid: number; command: string }[] {
  let out = '';
  try {
    out = execFileSync('ps', ['-A', '-o', 'pid=,pgid=,command='], { encoding: 'utf8' });
  } catch {
    return [];
  }
  const members: { pid: number; command: string }[] = [];
  for (const line of out.split('\n')) {
    const m = /^\s*(\d+)\s+(\d+)\s+(.*)$/.exec(line);
    if (m && Number(m[2]) === pgid) members.push({ pid: Number(m[1]), command: m[3]! });
  }
  return members;
}

/** A process's working directory: from /proc on Linux, from lsof elsewhere; null when unknown. */
function cwdOf(pid: number): string | null {
  try {
    return readlinkSync(`/proc/${pid}/cwd`);
  } catch {}
  try {
    const out = execFileSync('lsof', ['-a', '-p', String(pid), '-d', 'cwd', '-Fn'], { encoding: 'utf8' });
    const line = out.split('\n').find((l) => l.startsWith('n'));
    return line ? line.slice(1) : null;
  } catch {
    return null;
  }
}

const sameDir = (a: string, b: string) => resolve(a) === resolve(b);
const WORKER_PROCESS = /wrangler|workerd|esbuild|node/;

/** A group is ours when it has members and every one runs wrangler, workerd or node from this checkout. */
function ours(members: { pid: number; command: string }[], root: string): boolean {
  return (
    members.length > 0 &&
    members.every((m) => WORKER_PROCESS.test(m.command) && sameDir(cwdOf(m.pid) ?? '/nonexistent', root))
  );
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** SIGTERM to the group, then SIGKILL after `graceMs` if any of it is still there. */
export async function stopGroupById(pgid: number, graceMs = 5000): Promise<void> {
  try {
    process.kill(-pgid, 'SIGTERM');
  } catch {
    return;
  }
  const deadline = Date.now() + graceMs;
  while (Date.now() < deadline) {
    if (groupMembers(pgid).length === 0) return;
    await sleep(100);
  }
  try {
    process.kill(-pgid, 'SIGKILL');
  } catch {}
}

export type Takeover =
  | { state: 'clear' }
  | { state: 'cleaned'; pgid: number; port: number }
  | { state: 'running'; pid: number; port: number }
  | { state: 'foreign-leftover'; pgid: number };

/**
 * Deals with what an earlier `npm start` of this checkout left, before a new
 * one starts: nothing; a start that is still running (left alone: two Workers
 * would share one local database); or a Worker whose `npm start` died without
 * stopping it, which is stopped when it is provably ours.
 */
export async function takeOver(path = RECORD_PATH, root = ROOT): Promise<Takeover> {
  const r = readRecord(path);
  if (!r) {
    clearRecord(process.pid, path);
    return { state: 'clear' };
  }
  if (r.pid !== process.pid && startTime(r.pid) === r.pidStarted)
    return { state: 'running', pid: r.pid, port: r.port };
  const members = groupMembers(r.pgid);
  clearRecord(r.pid, path);
  if (members.length === 0) return { state: 'clear' };
  // The group id was reused by someone else's processes, or we cannot tell: never touch them.
  if (!ours(members, root)) return { state: 'foreign-leftover', pgid: r.pgid };
  await stopGroupById(r.pgid);
  return { state: 'cleaned', pgid: r.pgid, port: r.port };
}
