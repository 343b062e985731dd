import { useEffect, useRef, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import type { InvitePreview } from '../../shared/schemas/index.ts';
import type { Db } from '../lib/db.ts';
import { ServerError } from '../lib/server.ts';
import { hostAccessFor } from '../lib/sites.ts';
import {
  ConnectProblem,
  checkReachable,
  parseServerAddress,
  previewInvite,
  type ServerAddress,
} from './onboarding.ts';
import { connect } from './session.ts';

interface Props {
  db: Db;
  onConnected: () => void;
  /** Shown when the server refused the stored token: connect again, unsynced changes are kept. */
  reconnect?: { serverUrl: string; pendingCount: number } | null;
  notice?: string | null;
}

/** After the code checked out: who is joining which team, with the name they confirm. */
interface Confirming {
  address: ServerAddress;
  code: string;
  preview: InvitePreview;
}

const ROLE_TEXT = { member: 'a member', manager: 'a manager', admin: 'an admin' } as const;

/**
 * Onboarding: the team's server address (a scheme is optional) and an invite
 * code (or an API token). The address is checked first, so an unreachable
 * host, a wrong address and being offline each say so; then the invite shows
 * which team it joins, and the person confirms their name before the code is spent.
 */
export function Setup(props: Props) {
  const [serverUrl, setServerUrl] = useState(props.reconnect?.serverUrl ?? '');
  const [code, setCode] = useState('');
  const [name, setName] = useState('');
  const [confirming, setConfirming] = useState<Confirming | null>(null);
  const [error, setError] = useState<{ field: 'server' | 'code' | 'name' | null; text: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const nameRef = useRef<HTMLInputElement>(null);
  useEffect(() => nameRef.current?.focus(), [confirming]);

  const join = async (address: ServerAddress, secret: string, confirmedName?: string) => {
    try {
      await connect(props.db, address.url, secret, { name: confirmedName });
    } catch (err) {
      // The host answered the check, so a request that cannot get through now is not Rapport's.
      if (err instanceof ServerError && err.status === 0 && !(err instanceof ConnectProblem))
        throw new ConnectProblem(
          `${address.url.host} answers, but it is not a Rapport server. Check the address and the port.`,
          0,
          false,
        );
      throw err;
    }
    await browser.runtime.sendMessage({ type: 'sync-now' }).catch(() => {});
    props.onConnected();
  };
  const fail = (err: unknown) => {
    const text = err instanceof ServerError ? err.message : 'Could not connect.';
    const field =
      err instanceof ConnectProblem
        ? err.field
        : err instanceof ServerError && [400, 401, 404, 410].includes(err.status)
          ? 'code'
          : null;
    setError({ field, text });
  };

  const submit = async (e: Event) => {
    e.preventDefault();
    const address = parseServerAddress(serverUrl);
    if (typeof address === 'string') return setError({ field: 'server', text: address });
    const secret = code.trim();
    if (!secret) return setError({ field: 'code', text: 'Paste the invite code you were sent.' });
    // Ask for access to just this server (and the sites, if withdrawn), in the click's user
    // gesture and without waiting on the prompt: the API also answers CORS, so joining works
    // whatever the user decides.
    void browser.permissions.request({ origins: hostAccessFor(address.url) }).catch(() => false);
    setBusy(true);
    setError(null);
    try {
      await checkReachable(address);
      const preview = secret.startsWith('rap_') ? null : await previewInvite(address, secret);
      if (!preview) return await join(address, secret);
      setName(preview.name ?? '');
      setConfirming({ address, code: secret, preview });
    } catch (err) {
      fail(err);
    } finally {
      setBusy(false);
    }
  };
  const confirm = async (e: Event) => {
    e.preventDefault();
    if (!confirming) return;
    const existing = confirming.preview.kind === 'device';
    if (!existing && !name.trim())
      return setError({ field: 'name', text: 'Type your name as your team should see it.' });
    setBusy(true);
    setError(null);
    try {
      await join(confirming.address, confirming.code, existing ? undefined : name);
    } catch (err) {
      fail(err);
    } finally {
      setBusy(false);
    }
  };

  const errorFor = (field: 'server' | 'code' | 'name' | null) =>
    error && error.field === field ? (
      <p role="alert" class="error" id={`${field}-error`}>
        {error.text}
      </p>
    ) : null;

  if (confirming) {
    const p = confirming.preview;
    const existing = p.kind === 'device';
    return (
      <main>
        <h1>Join {p.org.name}</h1>
        <form onSubmit={confirm} class="card form" data-testid="confirm-name">
          <p>
            {existing ? 'Sign in as ' : 'You join as '}
            <strong>{p.email}</strong>, {ROLE_TEXT[p.role]} of <strong>{p.org.name}</strong>
            {p.kind === 'rejoin' ? ', welcome back.' : '.'}
          </p>
          {existing ? (
            <p>
              Continuing as <strong>{p.name}</strong> on this browser.
            </p>
          ) : (
            <label>
              Your name
              <input
                type="text"
                name="name"
                value={name}
                maxLength={200}
                autoComplete="name"
                aria-invalid={error?.field === 'name' ? 'true' : undefined}
                aria-describedby={error?.field === 'name' ? 'name-error' : 'name-hint'}
                onInput={(e) => setName(e.currentTarget.value)}
                ref={nameRef}
              />
              <span id="name-hint" class="muted hint">
                As your team sees it on logs and reminders. Correct it if needed.
              </span>
            </label>
          )}
          {errorFor('name')}
          {errorFor('code')}
          {errorFor('server')}
          {errorFor(null)}
          <div class="row start">
            <button type="submit" class="primary" disabled={busy}>
              {busy ? 'Joining…' : existing ? 'Sign in' : 'Join'}
            </button>
            <button type="button" onClick={() => setConfirming(null)} disabled={busy}>
              Back
            </button>
          </div>
        </form>
      </main>
    );
  }

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
      <form onSubmit={submit} class="card form" noValidate>
        <label>
          Server address
          <input
            type="text"
            inputMode="url"
            name="server"
            autoComplete="url"
            spellcheck={false}
            value={serverUrl}
            aria-invalid={error?.field === 'server' ? 'true' : undefined}
            aria-describedby={error?.field === 'server' ? 'server-error' : 'server-hint'}
            onInput={(e) => setServerUrl(e.currentTarget.value)}
            placeholder="rapport.example.com"
          />
          <span id="server-hint" class="muted hint">
            As your admin gave it, such as rapport.example.com or 127.0.0.1:8787.
          </span>
        </label>
        {errorFor('server')}
        <label>
          Invite code
          <input
            type="text"
            name="code"
            class="code"
            autoComplete="off"
            autoCapitalize="off"
            spellcheck={false}
            aria-invalid={error?.field === 'code' ? 'true' : undefined}
            aria-describedby={error?.field === 'code' ? 'code-error' : 'code-hint'}
            value={code}
            onInput={(e) => setCode(e.currentTarget.value)}
          />
          <span id="code-hint" class="muted hint">
            From your invite. An API token (<code>rap_…</code>) works too.
          </span>
        </label>
        {errorFor('code')}
        <button type="submit" class="primary" disabled={busy}>
          {busy ? 'Checking…' : 'Connect'}
        </button>
        {errorFor(null)}
      </form>
    </main>
  );
}
