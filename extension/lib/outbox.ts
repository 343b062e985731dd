import type { IDBPTransaction, StoreNames } from 'idb';
import type {
  AccountInput,
  ContactInput,
  Mutation,
  MutationArgs,
  MutationName,
} from '../../shared/schemas/index.ts';
import {
  type Db,
  getMeta,
  type LocalAccount,
  type LocalContact,
  type RapportDb,
  REPLICA_STORES,
} from './db.ts';
import { applyPlanLocally } from './plan-replica.ts';

export type Tx = IDBPTransaction<RapportDb, StoreNames<RapportDb>[], 'readwrite'>;

const WRITE_STORES = ['meta', 'outbox', ...REPLICA_STORES] as const;

/**
 * Records a write: the mutation goes into the outbox with the next id and its
 * effect into the local replica, in one IndexedDB transaction, so a crash can
 * never leave one without the other. The UI can show the write at once.
 */
export async function enqueue<N extends MutationName>(
  db: Db,
  name: N,
  args: MutationArgs<N>,
  userId: string,
  now: Date = new Date(),
): Promise<number> {
  const tx = db.transaction([...WRITE_STORES], 'readwrite');
  const id = await enqueueIn(tx, name, args, userId, now);
  await tx.done;
  return id;
}

/** {@link enqueue} inside a caller's transaction, so a check and the write it guards are atomic. */
export async function enqueueIn<N extends MutationName>(
  tx: Tx,
  name: N,
  args: MutationArgs<N>,
  userId: string,
  now: Date = new Date(),
): Promise<number> {
  const meta = tx.objectStore('meta');
  const id = ((await meta.get('nextMutationId')) as number | undefined) ?? 1;
  const mutation = { id, name, args } as Mutation;
  await Promise.all([meta.put(id + 1, 'nextMutationId'), tx.objectStore('outbox').put(mutation)]);
  await applyLocally(tx, mutation, userId, now.toISOString());
  return id;
}

/** The optimistic effect of a mutation on the replica; also used to rebase after a pull. */
export async function applyLocally(
  tx: Tx,
  m: Mutation,
  userId: string,
  now = new Date().toISOString(),
): Promise<void> {
  if (await applyPlanLocally(tx, m, userId, now)) return;
  switch (m.name) {
    case 'interaction.put': {
      const store = tx.objectStore('interactions');
      await store.put(withMeta(m.args, now, await store.get(m.args.id), { userId }));
      return;
    }
    case 'account.put': {
      const store = tx.objectStore('accounts');
      await store.put(withMeta<AccountInput, LocalAccount>(m.args, now, await store.get(m.args.id)));
      return;
    }
    case 'contact.put': {
      const store = tx.objectStore('contacts');
      await store.put(withMeta<ContactInput, LocalContact>(m.args, now, await store.get(m.args.id)));
      return;
    }
    case 'interaction.delete':
    case 'account.delete':
    case 'contact.delete': {
      const name =
        m.name === 'interaction.delete'
          ? 'interactions'
          : m.name === 'account.delete'
            ? 'accounts'
            : 'contacts';
      const store = tx.objectStore(name);
      const prev = await store.get(m.args.id);
      if (prev) await store.put({ ...prev, deletedAt: now, pending: true });
      return;
    }
    case 'reminder.done':
    case 'reminder.dismiss':
    case 'reminder.snooze': {
      const store = tx.objectStore('reminders');
      const prev = await store.get(m.args.id);
      if (!prev) return;
      if (m.name === 'reminder.snooze') {
        const until = 'until' in m.args ? m.args.until : null;
        await store.put({
          ...prev,
          state: 'snoozed',
          snoozedUntil: until ?? prev.snoozedUntil,
          pending: true,
        });
      } else {
        await store.put({ ...prev, state: m.name === 'reminder.done' ? 'done' : 'dismissed', pending: true });
      }
      return;
    }
  }
}

type Meta = { version: number; createdAt: string; updatedAt: string; deletedAt: string | null };

function withMeta<I extends { id: string }, R extends I & Meta>(
  input: I,
  now: string,
  prev: R | undefined,
  extra: Partial<R> = {},
): R {
  return {
    ...input,
    ...extra,
    version: prev?.version ?? 0,
    createdAt: prev?.createdAt ?? now,
    updatedAt: now,
    deletedAt: null,
    pending: true,
  } as unknown as R;
}

/** Mutations not yet acknowledged by the server, oldest first. */
export async function pendingMutations(db: Db, limit?: number): Promise<Mutation[]> {
  return db.getAll('outbox', undefined, limit);
}

/** Deletes outbox entries the server has acknowledged. Only then are they gone. */
export async function acknowledge(db: Db, lastMutationId: number): Promise<void> {
  if (lastMutationId < 1) return;
  await db.delete('outbox', IDBKeyRange.upperBound(lastMutationId));
}

/** This install's sync client id, created once and kept in IndexedDB. */
export async function clientId(db: Db): Promise<string> {
  const existing = await getMeta<string>(db, 'clientId');
  if (existing) return existing;
  const id = crypto.randomUUID();
  await db.put('meta', id, 'clientId');
  return id;
}

/**
 * Starts a fresh sync client: a new client id, with the pending mutations
 * renumbered from 1 in their order. Used when the server no longer knows the
 * ids this client acknowledged (a restored database, a gap): every mutation
 * is an idempotent put or state change, so replaying them under a new id is safe.
 */
export async function restartClient(db: Db): Promise<void> {
  const tx = db.transaction(['meta', 'outbox'], 'readwrite');
  const outbox = tx.objectStore('outbox');
  const pending = await outbox.getAll();
  await outbox.clear();
  let next = 1;
  for (const m of pending) await outbox.put({ ...m, id: next++ } as Mutation);
  await tx.objectStore('meta').put(next, 'nextMutationId');
  await tx.objectStore('meta').put(crypto.randomUUID(), 'clientId');
  await tx.done;
}
