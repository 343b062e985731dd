import 'fake-indexeddb/auto';
import { type Db, getMeta, getSyncState, openRapportDb, REPLICA_STORES } from '../../../extension/lib/db.ts';
import { enqueue, pendingMutations } from '../../../extension/lib/outbox.ts';
import { type SyncOutcome, syncOnce } from '../../../extension/lib/sync-engine.ts';
import type { User } from '../../../shared/schemas/index.ts';
import { DeviceWorkload, type Rng } from './workload.ts';

// One simulated device: the extension's own outbox and sync engine (extension/lib), running in
// Node on fake-indexeddb exactly as the unit tests run them. Nothing of the protocol is
// re-implemented here: enqueue writes the replica and the outbox in one transaction, syncOnce
// pushes (at most 100 a request, deleting outbox entries only once lastMutationId covers them),
// pulls and rebases. The device adds only what a person adds: writes, and when to sync.

let opened = 0;

/** Rows of each replica store, as the device holds them. */
export type Replica = Record<(typeof REPLICA_STORES)[number], Record<string, unknown>[]>;

export class Device {
  readonly workload: DeviceWorkload;
  /** Mutations this device has written; their ids are 1..enqueued. */
  enqueued = 0;
  /** Mutations the server has acknowledged (no longer in the outbox), sampled after each sync. */
  acked: { at: number; count: number }[] = [];
  /** Every sync client id this device has used (a second one means it had to start over). */
  readonly clientIds = new Set<string>();
  outcomes = { ok: 0, failed: 0 };
  private retryAt = 0;

  readonly index: number;
  readonly user: User;
  private readonly db: Db;

  private constructor(index: number, user: User, db: Db, rng: Rng) {
    this.index = index;
    this.user = user;
    this.db = db;
    this.workload = new DeviceWorkload(rng, user.id, `d${index}`);
  }

  static async open(index: number, user: User, token: string, serverUrl: string, rng: Rng): Promise<Device> {
    const db = await openRapportDb(`rapport-load-${process.pid}-${++opened}`);
    await db.put('meta', { serverUrl, token, user }, 'credentials');
    return new Device(index, user, db, rng);
  }

  /** The person logs a batch of 1–100 changes (each one an outbox entry plus its replica effect). */
  async write(): Promise<void> {
    const directory = (await this.db.getAllKeys('accounts')) as string[];
    for (const w of this.workload.next(directory)) {
      await enqueue(this.db, w.name, w.args as never, this.user.id);
      this.enqueued++;
    }
  }

  /** Whether the engine's backoff (or a Retry-After) still holds the next sync back. */
  waiting(now = Date.now()): boolean {
    return now < this.retryAt;
  }

  /** One sync round of the real engine: push everything, pull, rebase. */
  async sync(): Promise<SyncOutcome> {
    const outcome = await syncOnce(this.db);
    this.retryAt = outcome.retryAt ?? 0;
    if (outcome.ok) this.outcomes.ok++;
    else this.outcomes.failed++;
    const id = await getMeta<string>(this.db, 'clientId');
    if (id) this.clientIds.add(id);
    this.acked.push({ at: Date.now(), count: this.enqueued - (await this.pending()) });
    return outcome;
  }

  async pending(): Promise<number> {
    return (await pendingMutations(this.db)).length;
  }

  async clientId(): Promise<string | undefined> {
    return getMeta<string>(this.db, 'clientId');
  }

  async lastError(): Promise<string | null> {
    return (await getSyncState(this.db)).error;
  }

  /** Everything the replica holds, per store. */
  async replica(): Promise<Replica> {
    const out = {} as Replica;
    for (const store of REPLICA_STORES)
      out[store] = (await this.db.getAll(store)) as unknown as Record<string, unknown>[];
    return out;
  }

  close(): void {
    this.db.close();
  }
}
