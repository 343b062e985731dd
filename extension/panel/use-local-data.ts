import { useCallback, useEffect, useState } from 'preact/hooks';
import type { Mutation } from '../../shared/schemas/index.ts';
import { CHANGES_CHANNEL } from '../lib/context-key.ts';
import {
  type Credentials,
  type Db,
  getCredentials,
  getMeta,
  getSyncState,
  type LocalInteraction,
  type LocalReminder,
  openRapportDb,
  type SyncState,
} from '../lib/db.ts';
import { FOCUS_KEY, type Focus } from '../lib/focus.ts';
import { getOrgCache, type OrgCache } from '../lib/org-cache.ts';

export interface LocalData {
  db: Db;
  credentials: Credentials | null;
  sync: SyncState;
  pendingCount: number;
  /** The outbox: changes not yet acknowledged by the server, oldest first. */
  pending: Mutation[];
  /** The user's latest interactions, newest first. */
  recent: LocalInteraction[];
  reminders: LocalReminder[];
  /** The account a clicked reminder notification asked the panel to show. */
  focusAccountId: string | null;
  /** The org's settings and people as last fetched, if ever. */
  org: OrgCache | null;
}

const RECENT = 10;
/** A notification click older than this no longer steers the panel. */
const FOCUS_TTL_MS = 10 * 60_000;

/** Newest interactions first, through an index: reads `limit` rows however many are stored. */
export async function latestInteractions(
  db: Db,
  limit: number,
  accountId?: string,
  /** Without an account: only this user's own logs (others' are cached per account). */
  userId?: string,
): Promise<LocalInteraction[]> {
  const out: LocalInteraction[] = [];
  const tx = db.transaction('interactions');
  let cursor =
    accountId === undefined
      ? await tx.store.index('byOccurred').openCursor(null, 'prev')
      : await tx.store
          .index('byAccountOccurred')
          .openCursor(IDBKeyRange.bound([accountId, ''], [accountId, '\uffff']), 'prev');
  while (cursor && out.length < limit) {
    const v = cursor.value;
    if (!v.deletedAt && (accountId !== undefined || userId === undefined || v.userId === userId)) out.push(v);
    cursor = await cursor.continue();
  }
  return out;
}

async function load(): Promise<LocalData> {
  const db = await openRapportDb();
  const credentials = await getCredentials(db);
  const [sync, pending, recent, reminders, focus, org] = await Promise.all([
    getSyncState(db),
    db.getAll('outbox'),
    latestInteractions(db, RECENT, undefined, credentials?.user?.id),
    db.getAll('reminders'),
    getMeta<Focus>(db, FOCUS_KEY),
    getOrgCache(db),
  ]);
  const focusAccountId = focus && Date.now() - focus.at < FOCUS_TTL_MS ? focus.accountId : null;
  return {
    db,
    credentials: credentials ?? null,
    sync,
    pendingCount: pending.length,
    pending,
    recent,
    reminders,
    focusAccountId,
    org: org ?? null,
  };
}

/** Local replica state for the panel, reloaded after each save and each sync the background announces. */
export function useLocalData(): { data: LocalData | null; reload: () => Promise<void> } {
  const [data, setData] = useState<LocalData | null>(null);
  const reload = useCallback(async () => setData(await load()), []);
  useEffect(() => {
    void reload();
    const channel = new BroadcastChannel(CHANGES_CHANNEL);
    channel.onmessage = () => void reload();
    return () => channel.close();
  }, [reload]);
  return { data, reload };
}
