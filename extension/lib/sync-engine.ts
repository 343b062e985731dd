import { unwrap } from 'idb';
import {
  MAX_PUSH_BYTES,
  MAX_PUSH_MUTATIONS,
  type Mutation,
  type PullResponse,
  type PushResponse,
} from '../../shared/schemas/index.ts';
import {
  type Credentials,
  type Db,
  getCredentials,
  getMeta,
  getSyncState,
  PLAN_STORES,
  REPLICA_STORES,
  type SyncState,
} from './db.ts';
import { acknowledge, applyLocally, clientId, pendingMutations, restartClient } from './outbox.ts';
import { describePlanMutation, planRowsOf, planStoreOf } from './plan-replica.ts';
import { callServer, ServerError } from './server.ts';

const MAX_BACKOFF_MS = 5 * 60_000;
/** Headroom under the server's body cap for the envelope around the mutations. */
const PUSH_BYTES = MAX_PUSH_BYTES - 4 * 1024;

/** Exponential backoff with full jitter, or the server's Retry-After when it gives one. */
export function backoffMs(attempt: number, retryAfterMs: number | null, random = Math.random): number {
  if (retryAfterMs !== null) return Math.min(retryAfterMs, 60 * 60_000);
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

/** The longest prefix of `mutations` whose push body stays under the server's byte cap (at least one). */
export function fitBatch(mutations: Mutation[], maxBytes = PUSH_BYTES): Mutation[] {
  let bytes = 0;
  const encoder = new TextEncoder();
  for (let i = 0; i < mutations.length; i++) {
    bytes += encoder.encode(JSON.stringify(mutations[i])).length + 1;
    if (bytes > maxBytes) return mutations.slice(0, Math.max(1, i));
  }
  return mutations;
}

/** What a mutation did, in the words the user would recognise. */
export function describeMutation(m: Mutation): string {
  switch (m.name) {
    case 'interaction.put':
      return `The log “${m.args.title}”`;
    case 'account.put':
      return `The account “${m.args.name}”`;
    case 'contact.put':
      return `The contact “${m.args.name}”`;
    case 'interaction.delete':
      return 'Deleting an interaction';
    case 'account.delete':
      return 'Deleting an account';
    case 'contact.delete':
      return 'Deleting a contact';
    default:
      return describePlanMutation(m) ?? 'A reminder change';
  }
}

/** One refused mutation in plain words: what it was and why the server said no. */
export function rejectionText(m: Mutation | undefined, problem: { title: string; detail?: string }): string {
  const what = m ? describeMutation(m) : 'A change';
  return `${what} was not saved: ${problem.detail ?? problem.title}`;
}

type Creds = Credentials;

/** Undoes the optimistic effect of a refused put that the server never had. */
async function dropRefused(db: Db, m: Mutation): Promise<void> {
  const store =
    m.name === 'interaction.put'
      ? 'interactions'
      : m.name === 'account.put'
        ? 'accounts'
        : m.name === 'contact.put'
          ? 'contacts'
          : m.name.endsWith('.put')
            ? planStoreOf(m.name)
            : null;
  if (!store || !('id' in m.args)) return;
  const row = await db.get(store, m.args.id);
  if (row && row.version === 0) await db.delete(store, m.args.id);
  // A refused edit of a row the server has: fetch everything again so the replica matches it.
  else if (row) await db.put('meta', 0, 'cookie');
}

async function pushAll(db: Db, creds: Creds): Promise<SyncState['rejected']> {
  const rejected: SyncState['rejected'] = [];
  for (let restarts = 0; ; ) {
    const batch = fitBatch(await pendingMutations(db, MAX_PUSH_MUTATIONS));
    if (batch.length === 0) return rejected;
    const id = await clientId(db);
    let res: PushResponse;
    try {
      res = await callServer<PushResponse>(creds, 'POST', '/api/sync/push', {
        clientId: id,
        mutations: batch,
      });
    } catch (err) {
      // The server no longer knows what this client acknowledged (a gap), or the id is someone
      // else's: continue as a new client. Every mutation is idempotent, so a replay is harmless.
      const type = err instanceof ServerError ? err.problem?.type : undefined;
      const clientLost =
        type === 'mutation-gap' || (err instanceof ServerError && err.problem?.title === 'Client id in use');
      if (clientLost && restarts++ < 2) {
        await restartClient(db);
        continue;
      }
      throw err;
    }
    for (const r of res.rejected) {
      const m = batch.find((x) => x.id === r.id);
      rejected.push({ id: r.id, title: rejectionText(m, r.problem) });
      if (m) await dropRefused(db, m);
    }
    await acknowledge(db, res.lastMutationId);
    if (res.lastMutationId < batch[batch.length - 1]!.id) return rejected;
  }
}

/**
 * Pulls every page since the stored cookie into the replica, then re-applies pending mutations on
 * top. The next page is requested as soon as a page arrives, while that page is written to
 * IndexedDB: an initial sync of 10k interactions is about twenty pages, and overlapping the
 * server's work with the local writes nearly halves it. Pages are still applied in order, and
 * a failure leaves the cookie at the last page written, so the next round resumes there.
 */
async function pullAll(db: Db, creds: Creds): Promise<void> {
  const userId = creds.user?.id ?? '';
  const id = await clientId(db);
  const fetchPage = (cookie: number) => {
    const request = callServer<PullResponse>(
      creds,
      'GET',
      `/api/sync/pull?clientId=${encodeURIComponent(id)}&cookie=${cookie}`,
    );
    // Awaited below; until then a failure must not count as unhandled.
    request.catch(() => {});
    return request;
  };
  let next = fetchPage((await getMeta<number>(db, 'cookie')) ?? 0);
  for (let pages = 0; pages < 1_000; pages++) {
    const page = await next;
    if (page.hasMore) next = fetchPage(page.cookie);
    await applyPull(db, page, userId);
    if (!page.hasMore) return;
  }
}

/**
 * Applies one pull page in one transaction: the server's rows, the new cookie,
 * the acknowledged outbox entries removed, then the rebase: every mutation
 * still pending is re-applied on top, so the user keeps seeing their writes.
 */
export async function applyPull(db: Db, page: PullResponse, userId: string): Promise<void> {
  const tx = db.transaction(['meta', 'outbox', ...REPLICA_STORES], 'readwrite');
  // Plain requests rather than a promise per row: a page is hundreds of rows, and the wrappers
  // cost about as much as the writes. A failed request aborts the transaction, which `tx.done`
  // (and every later request) reports; requests run in order, so the rebase below sees the rows.
  const putAll = (store: (typeof REPLICA_STORES)[number], rows: readonly object[]) => {
    const raw = unwrap(tx.objectStore(store));
    for (const row of rows) raw.put(row);
  };
  putAll('accounts', page.accounts);
  putAll('contacts', page.contacts);
  putAll('interactions', page.interactions);
  putAll('reminders', page.reminders);
  // The org's relationship plans, so the panel shows and updates them offline (design §14).
  for (const store of PLAN_STORES) putAll(store, planRowsOf(page, store));
  // The org's learned tag-suggestion weights: the panel's classifier reads them offline.
  if (page.teamWeights) unwrap(tx.objectStore('meta')).put(page.teamWeights, 'teamWeights');
  await tx.objectStore('meta').put(page.cookie, 'cookie');
  if (page.lastMutationId > 0)
    await tx.objectStore('outbox').delete(IDBKeyRange.upperBound(page.lastMutationId));
  for (const m of await tx.objectStore('outbox').getAll()) await applyLocally(tx, m, userId);
  await tx.done;
}

/**
 * One sync round: flush the outbox, then pull. Safe to call at any time and
 * from a fresh service worker: all state lives in IndexedDB. A refused token
 * stops syncing until the user connects again; anything else that can pass
 * is retried with backoff.
 */
export async function syncOnce(db: Db, now = Date.now()): Promise<SyncOutcome> {
  const creds = await getCredentials(db);
  if (!creds) return { ok: false, retryAt: null };
  const before = await getSyncState(db);
  if (before.signedOut) return { ok: false, retryAt: null };
  const rejected: SyncState['rejected'] = [];
  try {
    rejected.push(...(await pushAll(db, creds)));
    await pullAll(db, creds);
    const prev = await getSyncState(db);
    await saveState(db, {
      lastSyncAt: new Date(now).toISOString(),
      error: null,
      attempt: 0,
      retryAt: null,
      rejected: [...prev.rejected, ...rejected].slice(-20),
    });
    return { ok: true, retryAt: null };
  } catch (err) {
    const e =
      err instanceof ServerError ? err : new ServerError('Sync failed unexpectedly; retrying.', 0, true);
    const state = await getSyncState(db);
    const retryAt = e.retryable ? now + backoffMs(state.attempt, e.retryAfterMs) : null;
    await saveState(db, {
      error: e.message,
      attempt: state.attempt + 1,
      retryAt,
      signedOut: e.status === 401,
      rejected: [...state.rejected, ...rejected].slice(-20),
    });
    return { ok: false, retryAt };
  }
}
