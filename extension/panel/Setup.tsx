import { useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import type { User } from '../../shared/schemas/index.ts';
import type { Db } from '../lib/db.ts';
import { callServer, ServerError } from '../lib/server.ts';

/** Normalises what the user typed into an origin URL, or explains what is wrong. */
export function parseServerUrl(input: string): URL | string {
  let url: URL;
  try {
    url = new URL(input.trim().includes('://') ? input.trim() : `https://${input.trim()}`);
  } catch {
    return 'That is not a valid address.';
  }
  const local = url.hostname === 'localhost' || url.hostname === '127.0.0.1';
  if (url.protocol !== 'https:' && !(local && url.protocol === 'http:')) return 'Use an https:// address.';
  return new URL(url.origin);
}

/** First-run view: the team's server address and an API token. */
export function Setup(props: { db: Db; onConnected: () => void }) {
  const [serverUrl, setServerUrl] = useState('');
  const [token, setToken] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const connect = async (e: Event) => {
    e.preventDefault();
    const url = parseServerUrl(serverUrl);
    if (typeof url === 'string') return setError(url);
    setBusy(true);
    setError(null);
    try {
      // Ask for access to just this server, without waiting on the prompt: the API also answers
      // CORS, so connecting works whatever the user decides.
      void browser.permissions.request({ origins: [`${url.origin}/*`] }).catch(() => false);
      const me = await callServer<{ user: User }>(
        { serverUrl: url.toString(), token: token.trim() },
        'GET',
        '/api/me',
      );
      await props.db.put(
        'meta',
        { serverUrl: url.toString(), token: token.trim(), user: me.user },
        'credentials',
      );
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
      <h1>Connect Rapport to your team's server</h1>
      <form onSubmit={connect} class="card" style="display:grid;gap:10px">
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
          Token
          <input
            type="password"
            name="token"
            required
            autoComplete="off"
            value={token}
            onInput={(e) => setToken(e.currentTarget.value)}
            placeholder="rap_…"
          />
        </label>
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
