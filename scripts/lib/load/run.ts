import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { type DevServer, freePort, migrateLocal, startDevServer } from '../wrangler-dev.ts';
import { Device } from './device.ts';
import {
  DEFAULT_FAULTS,
  type FaultKind,
  type FaultProxy,
  type FaultRates,
  startFaultProxy,
} from './fault-proxy.ts';
import {
  acknowledgedBy,
  isServerError,
  type Latency,
  latency,
  overlaps,
  type RestartWindow,
  statusCounts,
} from './measure.ts';
import { type LoadOrg, seedLoadOrg, withLocalD1 } from './org.ts';
import { paceFetch } from './pace.ts';
import { readServerState, serverViews } from './server-state.ts';
import {
  checkAudit,
  checkModel,
  checkReplicas,
  checkRollups,
  type DeviceFacts,
  emptyFindings,
  type Findings,
} from './verify.ts';
import { seeded } from './workload.ts';

// The load-and-fault run (`npm run load`, a short one in `npm test`): simulated devices push and
// pull through the fault proxy into a real `wrangler dev`, which is stopped and started again
// halfway on the same local D1. Then the faults stop, every device drains its outbox and pulls,
// and scripts/lib/load/verify.ts checks that nothing was lost or applied twice.

export interface LoadOptions {
  clients: number;
  seconds: number;
  seed?: number;
  /** People the devices belong to (each device is one person's laptop or browser profile). */
  people?: number;
  restart?: boolean;
  faults?: FaultRates;
  /** A device stops writing after this many mutations (it keeps syncing): a bound on the run. */
  maxMutationsPerDevice?: number;
  /** A device's pause between two batches (ms, uniform). */
  thinkMs?: [number, number];
  log?: (message: string) => void;
}

export interface LoadReport {
  clients: number;
  people: number;
  seconds: number;
  /** How long the load ran: `seconds`, or longer when the restart outlasted the second half. */
  loadSeconds: number;
  /** Mutations the server acknowledged within the load window (faults and the restart included). */
  acknowledged: number;
  /** Acknowledged per second while the Worker was up: from the start until it was stopped. */
  mutationsPerSecond: number;
  /** Acknowledged per second over the whole load, the restart and the engines' backoff after it included. */
  mutationsPerSecondOverall: number;
  /** Successful answers during the load, requests caught in the restart left out. */
  push: Latency;
  pull: Latency;
  faults: Record<FaultKind, number>;
  requests: number;
  statuses: Record<string, number>;
  /** 5xx answers (or an unreachable Worker) overlapping the restart, and any other. */
  serverErrorsDuringRestart: number;
  serverErrorsOutsideRestart: number;
  restartMs: number | null;
  drainMs: number;
  loadAverage: number;
  findings: Findings;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Whether a run met every invariant: nothing lost, nothing twice, replicas equal, no stray 5xx. */
export function invariantsHeld(r: LoadReport): boolean {
  const f = r.findings;
  return (
    f.lost === 0 &&
    f.duplicated === 0 &&
    f.rejected === 0 &&
    f.divergedReplicas === 0 &&
    f.rollupsOff === 0 &&
    r.serverErrorsOutsideRestart === 0
  );
}

/** Each device at an address of its own (2001:db8::/32 is the documentation range). */
const deviceAddress = (i: number) => `2001:db8:10ad::${(i + 1).toString(16)}`;

export async function runLoad(opts: LoadOptions): Promise<LoadReport> {
  const log = opts.log ?? (() => {});
  const seed = opts.seed ?? 1;
  const people = opts.people ?? Math.max(1, Math.ceil(opts.clients / 2));
  const [thinkLo, thinkHi] = opts.thinkMs ?? [200, 800];
  const maxMutations = opts.maxMutationsPerDevice ?? 10_000;
  if (!(opts.clients >= 1 && opts.clients <= 200 && opts.seconds >= 1 && opts.seconds <= 600))
    throw new Error('a load run takes 1–200 clients for 1–600 seconds');
  const rng = seeded(seed);
  const persistTo = mkdtempSync(join(tmpdir(), 'rapport-load-'));
  const unpace = paceFetch();
  let server: DevServer | null = null;
  let proxy: FaultProxy | null = null;
  try {
    migrateLocal(persistTo);
    log('local D1 migrated');
    const org = await seedLoadOrg(persistTo, people, opts.clients);
    log('org seeded');
    const first = await startWorker(persistTo, await freePort());
    server = first;
    let port = Number(new URL(first.url).port);
    log(`wrangler dev on ${first.url}; ${opts.clients} devices of ${people} people`);
    const addresses = new Map(org.devices.map((d, i) => [`Bearer ${d.token}`, deviceAddress(i)]));
    proxy = await startFaultProxy({
      upstreamPort: port,
      rng: seeded(seed ^ 0x5eed),
      rates: opts.faults ?? DEFAULT_FAULTS,
      addressOf: (auth) => addresses.get(auth ?? '') ?? deviceAddress(0xfffe),
    });
    const url = proxy.url;
    const devices = await Promise.all(
      org.devices.map((d, i) =>
        Device.open(i + 1, org.users[d.user]!, d.token, url, seeded(seed * 1000 + i)),
      ),
    );

    // Load: each device writes a batch, syncs when the engine's backoff allows, pauses, again.
    // It writes the next batch only once its outbox holds less than one push (100): the load is
    // what the Worker holds, not an outbox growing without end while the machine thrashes.
    // If the restart outlasts the second half (a busy machine), the load goes on until a quarter
    // of the run has passed since the Worker came back, so that it also meets the new Worker.
    const started = Date.now();
    let end = started + opts.seconds * 1000;
    let restart: RestartWindow | null = null;
    let restarted = opts.restart === false;
    const restarting = (async () => {
      if (restarted) return;
      await sleep(opts.seconds * 500);
      const stoppedAt = Date.now();
      log('stopping the Worker…');
      await server?.stop();
      server = await startWorker(persistTo, port);
      const newPort = Number(new URL(server.url).port);
      if (newPort !== port) proxy?.setUpstream(newPort);
      port = newPort;
      restart = { stoppedAt, healthyAt: Date.now() };
      end = Math.max(end, restart.healthyAt + opts.seconds * 250);
      log(`Worker back after ${((restart.healthyAt - stoppedAt) / 1000).toFixed(1)} s`);
    })().finally(() => {
      restarted = true; // a failed restart must not keep the devices going: it is thrown below
    });
    restarting.catch(() => {}); // awaited below; until then its failure is not unhandled
    await Promise.all(
      devices.map(async (dev) => {
        while (Date.now() < end || !restarted) {
          if (dev.enqueued < maxMutations && (await dev.pending()) < 100) await dev.write();
          if (!dev.waiting()) await dev.sync();
          await sleep(thinkLo + rng() * (thinkHi - thinkLo));
        }
      }),
    );
    const loadEnded = Date.now();
    await restarting;
    const loadSeconds = (end - started) / 1000;
    const acknowledged = acknowledgedBy(
      devices.map((d) => d.acked),
      end,
    );
    const upUntil = (restart as RestartWindow | null)?.stoppedAt ?? end;
    const held =
      acknowledgedBy(
        devices.map((d) => d.acked),
        upUntil,
      ) /
      ((upUntil - started) / 1000);
    const loadAverage = loadavg()[0]!;
    log(`load: ${acknowledged} mutations acknowledged in ${loadSeconds.toFixed(0)} s`);

    const drainStarted = Date.now();
    proxy.setFaulty(false);
    await proxy.settle();
    await drain(devices);
    const drainMs = Date.now() - drainStarted;
    log(`drained in ${(drainMs / 1000).toFixed(1)} s; checking…`);

    const findings = await check(devices, org, server!, persistTo, log, async () => {
      await proxy?.close();
      await server?.stop();
      server = null;
    });

    const ex = proxy.exchanges;
    const window = restart as RestartWindow | null;
    const bad = ex.filter(isServerError);
    return {
      clients: opts.clients,
      people,
      seconds: opts.seconds,
      acknowledged,
      loadSeconds,
      mutationsPerSecond: held,
      mutationsPerSecondOverall: acknowledged / loadSeconds,
      push: latency(ex, '/api/sync/push', loadEnded, window),
      pull: latency(ex, '/api/sync/pull', loadEnded, window),
      faults: { ...proxy.faults },
      requests: ex.length,
      statuses: statusCounts(ex),
      serverErrorsDuringRestart: bad.filter((e) => overlaps(e, window)).length,
      serverErrorsOutsideRestart: bad.filter((e) => !overlaps(e, window)).length,
      restartMs: window ? window.healthyAt - window.stoppedAt : null,
      drainMs,
      loadAverage,
      findings,
    };
  } finally {
    unpace();
    await proxy?.close().catch(() => {});
    await (server as DevServer | null)?.stop();
    rmSync(persistTo, { recursive: true, force: true });
  }
}

/**
 * `wrangler dev` on `port`, or on another free one if something else took that port meanwhile
 * (other test runs on the machine pick free ports too).
 */
async function startWorker(persistTo: string, port: number): Promise<DevServer> {
  for (let attempt = 1; ; attempt++) {
    try {
      // Generous: on a shared 2-core machine under load, workerd can take minutes to come up.
      return await startDevServer({ port, persistTo, quiet: true, timeoutMs: 300_000 });
    } catch (err) {
      if (attempt >= 3 || !/already in use/i.test(String(err))) throw err;
      port = await freePort();
    }
  }
}

/** With the faults off, every device pushes all it holds; then every device pulls once more. */
async function drain(devices: Device[]): Promise<void> {
  await Promise.all(
    devices.map(async (dev) => {
      for (const deadline = Date.now() + 120_000; ; ) {
        const outcome = await dev.sync();
        if (outcome.ok && (await dev.pending()) === 0) return;
        if (Date.now() > deadline)
          throw new Error(`device ${dev.index} cannot drain: ${await dev.lastError()}`);
        if (!outcome.ok) await sleep(1000);
      }
    }),
  );
  // Sequentially, after every push: each device's last pull sees every other device's writes.
  for (const dev of devices) {
    const outcome = await dev.sync();
    if (!outcome.ok) throw new Error(`device ${dev.index}: final pull failed: ${await dev.lastError()}`);
  }
}

/** Reads the server through the API and then (Worker stopped) its local D1, and compares. */
async function check(
  devices: Device[],
  org: LoadOrg,
  server: DevServer,
  persistTo: string,
  log: (message: string) => void,
  stop: () => Promise<void>,
): Promise<Findings> {
  const facts: DeviceFacts[] = await Promise.all(
    devices.map(async (dev) => ({
      index: dev.index,
      userId: dev.user.id,
      clientIds: [...dev.clientIds],
      enqueued: dev.enqueued,
      expected: dev.workload.expected,
      replica: await dev.replica(),
    })),
  );
  const views = await serverViews(
    server.url,
    org.users.map((u) => {
      const i = org.devices.findIndex((d) => org.users[d.user]!.id === u.id);
      return { userId: u.id, token: org.devices[i]!.token, address: deviceAddress(i) };
    }),
  );
  for (const dev of devices) dev.close();
  await stop();
  const state = await withLocalD1(persistTo, (db) => readServerState(db, org.orgId));
  log('local D1 read');
  const findings = emptyFindings();
  checkAudit(findings, facts, state.audit);
  checkModel(findings, facts, views);
  checkReplicas(findings, facts, views);
  checkRollups(findings, state.rollups, state.recount, state.touches);
  return findings;
}
