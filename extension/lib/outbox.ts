import type { IDBPTransaction, StoreNames } from 'idb';
import type { InteractionInput, Mutation, MutationArgs, MutationName } from '../../shared/schemas/index.ts';
import { type Db, getMeta, type LocalInteraction, type RapportDb } from './db.ts';

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
): Promise<number> {
  const tx = db.transaction(['meta', 'outbox', 'interactions', 'reminders'], 'readwrite');
  const meta = tx.objectStore('meta');
  const id = ((await meta.get('nextMutationId')) as number | undefined) ?? 1;
  const mutation = { id, name, args } as Mutation;
  await Promise.all([meta.put(id + 1, 'nextMutationId'), tx.objectStore('outbox').put(mutation)]);
  await applyLocally(tx, mutation, userId);
  await tx.done;
  return id;
}

type Tx = IDBPTransaction<RapportDb, StoreNames<RapportDb>[], 'readwrite'>;

/** The optimistic effect of a mutation on the replica; also used to rebase after a pull. */
export async function applyLocally(tx: Tx, m: Mutation, userId: string): Promise<void> {
  const now = new Date().toISOString();
  switch (m.name) {
    case 'interaction.put': {
      const store = tx.objectStore('interactions');
      const prev = await store.get(m.args.id);
      await store.put(localInteraction(m.args, userId, now, prev));
      return;
    }
    case 'interaction.delete': {
      const store = tx.objectStore('interactions');
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
      const state =
        m.name === 'reminder.done' ? 'done' : m.name === 'reminder.dismiss' ? 'dismissed' : 'snoozed';
      await store.put({ ...prev, state });
      return;
    }
    default:
      return;
  }
}

function localInteraction(
  input: InteractionInput,
  userId: string,
  now: string,
  prev?: LocalInteraction,
): LocalInteraction {
  return {
    ...input,
    userId,
    version: prev?.version ?? 0,
    createdAt: prev?.createdAt ?? now,
    updatedAt: now,
    deletedAt: null,
    pending: true,
  };
}

/** Mutations not yet acknowledged by the server, oldest first. */
export async function pendingMutations(db: Db, limit?: number): Promise<Mutation[]> {
  return db.getAll('outbox', undefined, limit);
}

/** This install's sync client id, created once and kept in IndexedDB. */
export async function clientId(db: Db): Promise<string> {
  const existing = await getMeta<string>(db, 'clientId');
  if (existing) return existing;
  const id = crypto.randomUUID();
  await db.put('meta', id, 'clientId');
  return id;
}
