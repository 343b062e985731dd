import { useState } from 'preact/hooks';
import type { Credentials, SyncState } from '../lib/db.ts';
import { ServerError } from '../lib/server.ts';
import { openWeb } from './session.ts';
import { formatTime } from './time-format.ts';

/** "3 changes waiting to sync." and friends. */
export function pendingText(n: number): string {
  return n === 0 ? 'Everything is synced.' : `${n} change${n === 1 ? '' : 's'} waiting to sync.`;
}

interface Props {
  sync: SyncState;
  pendingCount: number;
  credentials: Credentials;
  timeZone: string;
  onSyncNow: () => void;
  /** Called when the person asks to sign out, before they confirm (a last sync attempt). */
  onAskSignOut: () => void;
  onSignOut: () => void;
}

/**
 * Sync state in plain words: pending count, last sync, the last error, refused
 * changes; who is signed in where, and the zone every time in the panel is
 * shown in (said once, here). Sign-out asks first and says what it will do.
 */
export function SyncStatus(props: Props) {
  const { sync, pendingCount, credentials, timeZone } = props;
  const [opening, setOpening] = useState(false);
  const [webError, setWebError] = useState<string | null>(null);
  const [confirming, setConfirming] = useState(false);
  const host = new URL(credentials.serverUrl).host;
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
  const retry = sync.error && sync.retryAt ? ` Retrying at ${formatTime(sync.retryAt, timeZone)}.` : '';
  const user = credentials.user;
  return (
    <section aria-labelledby="sync-heading" class="status">
      <h2 id="sync-heading">Sync</h2>
      <p data-testid="sync-status" role="status">
        {pendingText(pendingCount)}{' '}
        {sync.lastSyncAt ? `Last synced ${formatTime(sync.lastSyncAt, timeZone)}.` : 'Not synced yet.'}
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
      <div class="row start">
        <button type="button" onClick={props.onSyncNow}>
          Sync now
        </button>
        <button type="button" onClick={openWorkspace} disabled={opening} data-testid="open-web">
          {opening ? 'Opening…' : 'Open Rapport on the web'}
        </button>
      </div>
      {webError && (
        <p role="alert" class="error" data-testid="open-web-error">
          {webError}
        </p>
      )}
      <p class="muted" data-testid="signed-in">
        Signed in as {user?.name ? `${user.name} ` : ''}
        {user?.email ? `<${user.email}>` : ''} at {host}. Times are in {timeZone}.
      </p>
      {confirming ? (
        <div class="card notice" data-testid="sign-out-confirm">
          <p>
            <strong>Sign out of Rapport in this browser?</strong> This revokes this browser's sign-in on{' '}
            {host} and removes the local copy of your logs, accounts and reminders from this browser. What has
            synced stays on the server.
          </p>
          {pendingCount > 0 && (
            <p class="error">
              {pendingText(pendingCount)} They are not on the server yet and will be lost. Sync first if you
              can.
            </p>
          )}
          <div class="row start">
            <button type="button" class="primary danger" onClick={props.onSignOut}>
              Sign out now
            </button>
            <button type="button" onClick={() => setConfirming(false)}>
              Cancel
            </button>
          </div>
        </div>
      ) : (
        <div class="row start">
          <button
            type="button"
            onClick={() => {
              props.onAskSignOut();
              setConfirming(true);
            }}
          >
            Sign out…
          </button>
        </div>
      )}
    </section>
  );
}
