import { useCallback, useEffect, useState } from 'preact/hooks';
import { CHANGES_CHANNEL } from '../lib/context-key.ts';
import {
  type Credentials,
  type Db,
  getCredentials,
  getSyncState,
  type LocalInteraction,
  openRapportDb,
  type SyncState,
} from '../lib/db.ts';

export interface LocalData {
  db: Db;
  credentials: Credentials | null;
  sync: SyncState;
  pendingCount: number;
  recent: LocalInteraction[];
}

const RECENT = 10;

async function load(): Promise<LocalData> {
  const db = await openRapportDb();
  const [credentials, sync, pendingCount] = await Promise.all([
    getCredentials(db),
    getSyncState(db),
    db.count('outbox'),
  ]);
  // Newest first through the index: reads RECENT rows however many are stored.
  const recent: LocalInteraction[] = [];
  let cursor = await db.transaction('interactions').store.index('byOccurred').openCursor(null, 'prev');
  while (cursor && recent.length < RECENT) {
    if (!cursor.value.deletedAt) recent.push(cursor.value);
    cursor = await cursor.continue();
  }
  return { db, credentials: credentials ?? null, sync, pendingCount, recent };
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
