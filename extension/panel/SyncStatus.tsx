import { useState } from 'preact/hooks';
import type { Credentials, SyncState } from '../lib/db.ts';
import { ServerError } from '../lib/server.ts';
import { openWeb } from './session.ts';

/** "3 changes waiting to sync." and friends. */
export function pendingText(n: number): string {
  return n === 0 ? 'Everything is synced.' : `${n} change${n === 1 ? '' : 's'} waiting to sync.`;
}

/** Sync state in plain words: pending count, last sync, the last error, refused changes; and the account. */
export function SyncStatus(props: {
  sync: SyncState;
  pendingCount: number;
  credentials: Credentials;
  onSyncNow: () => void;
  onSignOut: () => void;
}) {
  const { sync, pendingCount, credentials } = props;
  const [opening, setOpening] = useState(false);
  const [webError, setWebError] = useState<string | null>(null);
  const openWorkspace = async () => {
    setOpening(true);
    setWebError(null);
    try {
      await openWeb(credentials);
    } catch (err) {
      setWebError(err instanceof ServerError ? err.message : 'Could not open the web workspace; try again.');
    } finally {
      setOpening(false);
    }
  };
  const retry =
    sync.error && sync.retryAt ? ` Retrying at ${new Date(sync.retryAt).toLocaleTimeString()}.` : '';
  return (
    <section aria-labelledby="sync-heading" class="status">
      <h2 id="sync-heading">Sync</h2>
      <p data-testid="sync-status" role="status">
        {pendingText(pendingCount)}{' '}
        {sync.lastSyncAt
          ? `Last synced ${new Date(sync.lastSyncAt).toLocaleTimeString()}.`
          : 'Not synced yet.'}
      </p>
      {sync.error && (
        <p class="error" data-testid="sync-error">
          {sync.error}
          {retry}
        </p>
      )}
      {sync.rejected.length > 0 && (
        <ul class="error" aria-label="Changes the server refused" data-testid="sync-rejected">
          {sync.rejected.slice(-5).map((r) => (
            <li key={r.id}>{r.title}</li>
          ))}
        </ul>
      )}
      <div class="row">
        <button type="button" onClick={openWorkspace} disabled={opening} data-testid="open-web">
          {opening ? 'Opening…' : 'Open Rapport on the web'}
        </button>
        {webError && (
          <span role="alert" class="error" data-testid="open-web-error">
            {webError}
          </span>
        )}
      </div>
      <div class="row">
        <button type="button" onClick={props.onSyncNow}>
          Sync now
        </button>
        <span class="muted">
          {credentials.user?.email ?? ''} · {new URL(credentials.serverUrl).host}
        </span>
        <button type="button" onClick={props.onSignOut}>
          Sign out
        </button>
      </div>
    </section>
  );
}
