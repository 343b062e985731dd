import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, realpathSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  chosenPort,
  portFree,
  readRecord,
  startTime,
  takeOver,
  writeRecord,
} from '../../../scripts/lib/dev-process.ts';

// npm start's bookkeeping against real processes: a detached process group stands in for a
// leftover Worker, once started from "our checkout" (a temp dir) and once from elsewhere.

const dirs: string[] = [];
const groups: ChildProcess[] = [];
const tempDir = () => {
  const d = realpathSync(mkdtempSync(join(tmpdir(), 'rapport-start-')));
  dirs.push(d);
  return d;
};

/** A process group of two node processes running from `cwd`, like wrangler and workerd. */
function fakeWorker(cwd: string): ChildProcess {
  const child = spawn(
    process.execPath,
    [
      '-e',
      "require('child_process').spawn(process.execPath, ['-e', 'setInterval(() => {}, 1000)'], { stdio: 'ignore' }); setInterval(() => {}, 1000)",
    ],
    { cwd, detached: true, stdio: 'ignore' },
  );
  groups.push(child);
  return child;
}

const alive = (pgid: number) => {
  try {
    process.kill(-pgid, 0);
    return true;
  } catch {
    return false;
  }
};

afterEach(() => {
  for (const g of groups.splice(0)) {
    try {
      process.kill(-g.pid!, 'SIGKILL');
    } catch {}
  }
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

describe('npm start bookkeeping', () => {
  it('takes the port from --port, then PORT, else 8787, and refuses what is not a port', () => {
    expect(chosenPort([], {})).toBe(8787);
    expect(chosenPort([], { PORT: '8788' })).toBe(8788);
    expect(chosenPort(['--port', '8790'], { PORT: '8788' })).toBe(8790);
    expect(chosenPort(['--port=8791'], {})).toBe(8791);
    for (const bad of ['abc', '0', '70000', '87.5']) expect(chosenPort([], { PORT: bad })).toBeNull();
    expect(chosenPort(['--port'], {})).toBe(8787);
  });

  it('tells a taken port from a free one', async () => {
    const srv: Server = createServer();
    await new Promise<void>((r) => srv.listen(0, '127.0.0.1', r));
    const port = (srv.address() as { port: number }).port;
    expect(await portFree(port)).toBe(false);
    await new Promise<void>((r) => srv.close(() => r()));
    expect(await portFree(port)).toBe(true);
  });

  it('stops a leftover Worker of this checkout whose npm start is gone, and forgets it', async () => {
    const root = tempDir();
    const record = join(root, '.wrangler', 'npm-start.json');
    const worker = fakeWorker(root);
    await new Promise((r) => setTimeout(r, 300));
    // The npm start that wrote this record is gone (no such start time).
    writeRecord({ pid: worker.pid!, pidStarted: 'long ago', pgid: worker.pid!, port: 8795 }, record);
    const result = await takeOver(record, root);
    expect(result).toEqual({ state: 'cleaned', pgid: worker.pid, port: 8795 });
    expect(alive(worker.pid!)).toBe(false);
    expect(readRecord(record)).toBeNull();
  });

  it('never touches a group that runs from somewhere else, and leaves a running start alone', async () => {
    const root = tempDir();
    const elsewhere = tempDir();
    const record = join(root, '.wrangler', 'npm-start.json');
    const foreign = fakeWorker(elsewhere);
    await new Promise((r) => setTimeout(r, 300));
    writeRecord({ pid: foreign.pid!, pidStarted: 'long ago', pgid: foreign.pid!, port: 8795 }, record);
    expect(await takeOver(record, root)).toEqual({ state: 'foreign-leftover', pgid: foreign.pid });
    expect(alive(foreign.pid!)).toBe(true);

    // A record whose npm start is still alive (here: a process with its recorded start time).
    const running = fakeWorker(root);
    await new Promise((r) => setTimeout(r, 300));
    writeRecord(
      { pid: running.pid!, pidStarted: startTime(running.pid!)!, pgid: running.pid!, port: 8796 },
      record,
    );
    expect(await takeOver(record, root)).toEqual({ state: 'running', pid: running.pid, port: 8796 });
    expect(alive(running.pid!)).toBe(true);
    expect(readRecord(record)).not.toBeNull();
  });
});
