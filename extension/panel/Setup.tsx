import { useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import type { Db } from '../lib/db.ts';
import { ServerError } from '../lib/server.ts';
import { hostAccessFor } from '../lib/sites.ts';
import { connect, parseServerUrl } from './session.ts';

interface Props {
  db: Db;
  onConnected: () => void;
  /** Shown when the server refused the stored token: connect again, unsynced changes are kept. */
  reconnect?: { serverUrl: string; pendingCount: number } | null;
  notice?: string | null;
}

/** Onboarding: the team's server address and an invite code (or an API token). */
export function Setup(props: Props) {
  const [serverUrl, setServerUrl] = useState(props.reconnect?.serverUrl ?? '');
  const [code, setCode] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (e: Event) => {
    e.preventDefault();
    const url = parseServerUrl(serverUrl);
    if (typeof url === 'string') return setError(url);
    // Ask for access to just this server (and the sites, if withdrawn), in the click's user
    // gesture and without waiting on the prompt: the API also answers CORS, so joining works
    // whatever the user decides.
    void browser.permissions.request({ origins: hostAccessFor(url) }).catch(() => false);
    setBusy(true);
    setError(null);
    try {
      await connect(props.db, url, code);
      await browser.runtime.sendMessage({ type: 'sync-now' }).catch(() => {});
      props.onConnected();
    } catch (err) {
      setError(err instanceof ServerError ? err.message : 'Could not connect.');
    } finally {
      setBusy(false);
    }
  };

  return (
    <main>
      <h1>{props.reconnect ? 'Connect again' : "Join your team's Rapport"}</h1>
      {props.notice && <p role="status">{props.notice}</p>}
      {props.reconnect && (
        <p role="alert" class="error">
          Your sign-in is no longer valid.
          {props.reconnect.pendingCount > 0
            ? ` Your ${props.reconnect.pendingCount} unsynced change${props.reconnect.pendingCount === 1 ? ' is' : 's are'} kept and will sync once you connect again.`
            : ''}
        </p>
      )}
      <form onSubmit={submit} class="card form">
        <label>
          Server address
          <input
            type="url"
            name="server"
            required
            value={serverUrl}
            onInput={(e) => setServerUrl(e.currentTarget.value)}
            placeholder="https://rapport.example.com"
          />
        </label>
        <label>
          Invite code
          <input
            type="password"
            name="code"
            required
            autoComplete="off"
            aria-describedby="code-hint"
            value={code}
            onInput={(e) => setCode(e.currentTarget.value)}
          />
        </label>
        <p id="code-hint" class="muted">
          From your invite. An API token (<code>rap_…</code>) works too.
        </p>
        <button type="submit" class="primary" disabled={busy}>
          {busy ? 'Connecting…' : 'Connect'}
        </button>
        {error && (
          <p role="alert" class="error">
            {error}
          </p>
        )}
      </form>
    </main>
  );
}
