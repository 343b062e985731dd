import type { PullResponse, PushResponse } from '../../shared/schemas/index.ts';
import { type Db, getCredentials, getMeta, getSyncState, type SyncState } from './db.ts';
import { applyLocally, clientId, pendingMutations } from './outbox.ts';
import { callServer, ServerError } from './server.ts';

const PUSH_BATCH = 100;
const MAX_BACKOFF_MS = 5 * 60_000;

/** Exponential backoff with full jitter, or the server's Retry-After when it gives one. */
export function backoffMs(attempt: number, retryAfterMs: number | null, random = Math.random): number {
  if (retryAfterMs !== null) return retryAfterMs;
  const cap = Math.min(MAX_BACKOFF_MS, 1000 * 2 ** Math.min(attempt, 16));
  return Math.round(cap / 2 + random() * (cap / 2));
}

export interface SyncOutcome {
  ok: boolean;
  /** When set, the caller should try again at this time. */
  retryAt: number | null;
}

async function saveState(db: Db, patch: Partial<SyncState>): Promise<SyncState> {
  const next = { ...(await getSyncState(db)), ...patch };
  await db.put('meta', next, 'sync');
  return next;
}

/** Deletes outbox entries the server has acknowledged. Only then are they gone. */
async function acknowledge(db: Db, lastMutationId: number): Promise<void> {
  if (lastMutationId < 1) return;
  await db.delete('outbox', IDBKeyRange.upperBound(lastMutationId));
}

async function pushAll(
  db: Db,
  creds: NonNullable<Awaited<ReturnType<typeof getCredentials>>>,
  id: string,
): Promise<PushResponse['rejected']> {
  const rejected: PushResponse['rejected'] = [];
  for (;;) {
    const mutations = await pendingMutations(db, PUSH_BATCH);
    if (mutations.length === 0) return rejected;
    const res = await callServer<PushResponse>(creds, 'POST', '/api/sync/push', { clientId: id, mutations });
    rejected.push(...res.rejected);
    await acknowledge(db, res.lastMutationId);
    if (res.lastMutationId < mutations[mutations.length - 1]!.id) return rejected;
  }
}

/** Pulls every page since the stored cookie into the replica, then re-applies pending mutations on top. */
async function pullAll(
  db: Db,
  creds: NonNullable<Awaited<ReturnType<typeof getCredentials>>>,
  id: string,
): Promise<void> {
  const userId = creds.user?.id ?? '';
  for (;;) {
    const cookie = (await getMeta<number>(db, 'cookie')) ?? 0;
    const page = await callServer<PullResponse>(
      creds,
      'GET',
      `/api/sync/pull?clientId=${id}&cookie=${cookie}`,
    );
    const tx = db.transaction(
      ['meta', 'outbox', 'interactions', 'accounts', 'contacts', 'reminders'],
      'readwrite',
    );
    const writes: Promise<unknown>[] = [];
    for (const a of page.accounts) writes.push(tx.objectStore('accounts').put(a));
    for (const c of page.contacts) writes.push(tx.objectStore('contacts').put(c));
    for (const i of page.interactions) writes.push(tx.objectStore('interactions').put(i));
    for (const r of page.reminders) writes.push(tx.objectStore('reminders').put(r));
    writes.push(tx.objectStore('meta').put(page.cookie, 'cookie'));
    if (page.lastMutationId > 0)
      writes.push(tx.objectStore('outbox').delete(IDBKeyRange.upperBound(page.lastMutationId)));
    await Promise.all(writes);
    for (const m of await tx.objectStore('outbox').getAll()) await applyLocally(tx, m, userId);
    await tx.done;
    if (!page.hasMore) return;
  }
}

/**
 * One sync round: flush the outbox, then pull. Safe to call at any time and
 * from a fresh service worker: all state lives in IndexedDB.
 */
export async function syncOnce(db: Db, now = Date.now()): Promise<SyncOutcome> {
  const creds = await getCredentials(db);
  if (!creds) return { ok: false, retryAt: null };
  const id = await clientId(db);
  try {
    const rejected = await pushAll(db, creds, id);
    await pullAll(db, creds, id);
    const prev = await getSyncState(db);
    await saveState(db, {
      lastSyncAt: new Date(now).toISOString(),
      error: null,
      attempt: 0,
      rejected: [...prev.rejected, ...rejected.map((r) => ({ id: r.id, title: r.problem.title }))].slice(-20),
    });
    return { ok: true, retryAt: null };
  } catch (err) {
    const e =
      err instanceof ServerError ? err : new ServerError('Sync failed unexpectedly; retrying.', 0, true);
    const state = await getSyncState(db);
    await saveState(db, { error: e.message, attempt: state.attempt + 1 });
    return { ok: false, retryAt: e.retryable ? now + backoffMs(state.attempt, e.retryAfterMs) : null };
  }
}
