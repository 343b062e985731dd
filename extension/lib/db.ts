import { type DBSchema, type IDBPDatabase, openDB } from 'idb';
import type { Account, Contact, Interaction, Mutation, Reminder, User } from '../../shared/schemas/index.ts';

/** The connection to the team's server. Kept in IndexedDB, which content scripts cannot reach. */
export interface Credentials {
  serverUrl: string;
  token: string;
  user: User | null;
}

export interface SyncState {
  lastSyncAt: string | null;
  /** A plain-words description of the last failure, cleared on success. */
  error: string | null;
  attempt: number;
  rejected: { id: number; title: string }[];
}

/** A locally stored interaction; `pending` until the server has acknowledged it. */
export type LocalInteraction = Interaction & { pending?: boolean };

export interface RapportDb extends DBSchema {
  meta: {
    key: string;
    value: unknown;
  };
  outbox: { key: number; value: Mutation };
  interactions: { key: string; value: LocalInteraction; indexes: { byAccount: string; byOccurred: string } };
  accounts: { key: string; value: Account };
  contacts: { key: string; value: Contact };
  reminders: { key: string; value: Reminder };
}

export type Db = IDBPDatabase<RapportDb>;

let opening: Promise<Db> | null = null;

/** Opens (once per context) the local replica and outbox. */
export function openRapportDb(): Promise<Db> {
  opening ??= openDB<RapportDb>('rapport', 1, {
    upgrade(db) {
      db.createObjectStore('meta');
      db.createObjectStore('outbox', { keyPath: 'id' });
      const interactions = db.createObjectStore('interactions', { keyPath: 'id' });
      interactions.createIndex('byAccount', 'accountId');
      interactions.createIndex('byOccurred', 'occurredAt');
      db.createObjectStore('accounts', { keyPath: 'id' });
      db.createObjectStore('contacts', { keyPath: 'id' });
      db.createObjectStore('reminders', { keyPath: 'id' });
    },
  });
  return opening;
}

export async function getMeta<T>(db: Db, key: string): Promise<T | undefined> {
  return (await db.get('meta', key)) as T | undefined;
}

export const getCredentials = (db: Db) => getMeta<Credentials>(db, 'credentials');
export const getSyncState = async (db: Db): Promise<SyncState> =>
  (await getMeta<SyncState>(db, 'sync')) ?? { lastSyncAt: null, error: null, attempt: 0, rejected: [] };
