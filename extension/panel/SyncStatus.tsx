import type { SyncState } from '../lib/db.ts';

/** Sync state in plain words: pending count, last sync, the last error. */
export function SyncStatus(props: { sync: SyncState; pendingCount: number; onSyncNow: () => void }) {
  const { sync, pendingCount } = props;
  return (
    <section aria-labelledby="sync-heading" class="status">
      <h2 id="sync-heading">Sync</h2>
      <p data-testid="sync-status" role="status">
        {pendingCount === 0
          ? 'Everything is synced.'
          : `${pendingCount} change${pendingCount === 1 ? '' : 's'} waiting to sync.`}{' '}
        {sync.lastSyncAt
          ? `Last synced ${new Date(sync.lastSyncAt).toLocaleTimeString()}.`
          : 'Not synced yet.'}
      </p>
      {sync.error && <p class="error">{sync.error}</p>}
      <button type="button" onClick={props.onSyncNow}>
        Sync now
      </button>
    </section>
  );
}
