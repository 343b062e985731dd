import { type DBSchema, type IDBPDatabase, openDB } from 'idb';
import type {
  Account,
  Contact,
  Interaction,
  Mutation,
  Reminder,
  TeamWeightsRecord,
  User,
} from '../../shared/schemas/index.ts';
import type { PlanStores } from './plan-replica.ts';

/** The connection to the team's server. Kept in IndexedDB, which content scripts cannot reach. */
export interface Credentials {
  serverUrl: string;
  token: string;
  user: User | null;
  org?: { id: string; name: string } | null;
}

export interface SyncState {
  lastSyncAt: string | null;
  /** A plain-words description of the last failure, cleared on success. */
  error: string | null;
  attempt: number;
  /** When the next automatic retry is due (epoch ms), if one is scheduled. */
  retryAt?: number | null;
  /** The server refused the token: sync stops until the user connects again. */
  signedOut?: boolean;
  /** Mutations the server refused for good, in plain words; newest last. */
  rejected: { id: number; title: string }[];
}

/** A locally stored interaction; `pending` until the server has acknowledged it. */
export type LocalInteraction = Interaction & { pending?: boolean };
export type LocalAccount = Account & { pending?: boolean };
export type LocalContact = Contact & { pending?: boolean };
export type LocalReminder = Reminder & { pending?: boolean };

/** The local replica; the relationship plans' stores (design §14) are in plan-replica.ts. */
export interface RapportDb extends DBSchema, PlanStores {
  meta: {
    key: string;
    value: unknown;
  };
  outbox: { key: number; value: Mutation };
  interactions: {
    key: string;
    value: LocalInteraction;
    indexes: {
      byAccount: string;
      byOccurred: string;
      byAccountOccurred: [string, string];
      bySource: [string, string];
    };
  };
  accounts: { key: string; value: LocalAccount; indexes: { byDomain: string } };
  contacts: { key: string; value: LocalContact; indexes: { byEmail: string; byAccount: string } };
  reminders: { key: string; value: LocalReminder; indexes: { byAccount: string } };
}

export type Db = IDBPDatabase<RapportDb>;

/** The stores of the org's relationship plans, each indexed by account (measurements also by objective). */
export const PLAN_STORES = [
  'plans',
  'objectives',
  'measurements',
  'reviews',
  'milestones',
  'responsibilities',
  'commitments',
  'conflicts',
] as const;
export type PlanStore = (typeof PLAN_STORES)[number];

/** Every store that holds replica data (all but `meta` and `outbox`). */
export const REPLICA_STORES = ['interactions', 'accounts', 'contacts', 'reminders', ...PLAN_STORES] as const;

const DB_NAME = 'rapport';
const DB_VERSION = 4;

let opening: Promise<Db> | null = null;

/** Opens (once per context) the local replica and outbox. */
export function openRapportDb(name = DB_NAME): Promise<Db> {
  if (name !== DB_NAME) return openDb(name);
  opening ??= openDb(name);
  return opening;
}

function openDb(name: string): Promise<Db> {
  return openDB<RapportDb>(name, DB_VERSION, {
    upgrade(db, oldVersion, _newVersion, tx) {
      if (oldVersion < 1) {
        db.createObjectStore('meta');
        db.createObjectStore('outbox', { keyPath: 'id' });
        const interactions = db.createObjectStore('interactions', { keyPath: 'id' });
        interactions.createIndex('byAccount', 'accountId');
        interactions.createIndex('byOccurred', 'occurredAt');
        db.createObjectStore('accounts', { keyPath: 'id' });
        db.createObjectStore('contacts', { keyPath: 'id' });
        db.createObjectStore('reminders', { keyPath: 'id' });
      }
      if (oldVersion < 2) {
        // Indexes for the panel's hot paths: matching an address, and one account's timeline.
        tx.objectStore('interactions').createIndex('byAccountOccurred', ['accountId', 'occurredAt']);
        tx.objectStore('accounts').createIndex('byDomain', 'domains', { multiEntry: true });
        tx.objectStore('contacts').createIndex('byEmail', 'emails', { multiEntry: true });
        tx.objectStore('contacts').createIndex('byAccount', 'accountId');
        tx.objectStore('reminders').createIndex('byAccount', 'accountId');
      }
      if (oldVersion < 3) {
        // "Already logged": the thread or event a log came from. Manual logs (no ref) are not indexed.
        tx.objectStore('interactions').createIndex('bySource', ['source.site', 'source.ref']);
      }
      if (oldVersion < 4) {
        // Relationship plans: the panel reads one account's records at a time.
        for (const name of PLAN_STORES) {
          const store = db.createObjectStore(name, { keyPath: 'id' });
          store.createIndex('byAccount', 'accountId');
        }
        tx.objectStore('measurements').createIndex('byObjective', 'objectiveId');
        // The replica was pulled by servers that had no plans: pull again from the start, so the
        // plans written before this upgrade arrive too (puts are idempotent).
        if (oldVersion > 0) tx.objectStore('meta').delete('cookie');
      }
    },
    blocking() {
      // Another context needs a newer schema: step aside rather than block it.
      opening = null;
    },
  }).then((db) => {
    db.addEventListener('versionchange', () => db.close());
    return db;
  });
}

export async function getMeta<T>(db: Db, key: string): Promise<T | undefined> {
  return (await db.get('meta', key)) as T | undefined;
}

export const getCredentials = (db: Db) => getMeta<Credentials>(db, 'credentials');
/** The org's learned tag-suggestion weights, as last pulled (null before the first lesson). */
export const getTeamWeights = async (db: Db) => (await getMeta<TeamWeightsRecord>(db, 'teamWeights')) ?? null;
export const getSyncState = async (db: Db): Promise<SyncState> =>
  (await getMeta<SyncState>(db, 'sync')) ?? { lastSyncAt: null, error: null, attempt: 0, rejected: [] };

/** Removes everything this install knows: credentials, outbox, replica and sync state. */
export async function clearAll(db: Db): Promise<void> {
  const tx = db.transaction(['meta', 'outbox', ...REPLICA_STORES], 'readwrite');
  await Promise.all([
    tx.objectStore('meta').clear(),
    tx.objectStore('outbox').clear(),
    ...REPLICA_STORES.map((s) => tx.objectStore(s).clear()),
  ]);
  await tx.done;
}
