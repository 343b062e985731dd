import { browser } from 'wxt/browser';
import type { SessionResponse, TokenInfo, User } from '../../shared/schemas/index.ts';
import { type Credentials, clearAll, type Db, getCredentials, getSyncState } from '../lib/db.ts';
import { callServer, ServerError } from '../lib/server.ts';
import { parseServerAddress } from './onboarding.ts';

/** Normalises what the user typed into an origin URL, or explains what is wrong (see {@link parseServerAddress}). */
export function parseServerUrl(input: string): URL | string {
  const parsed = parseServerAddress(input);
  return typeof parsed === 'string' ? parsed : parsed.url;
}

/** A label for the token this install receives, so the user can tell it apart in the token list. */
export function deviceLabel(ua = navigator.userAgent): string {
  const browser = /Firefox\//.test(ua) ? 'Firefox' : /Edg\//.test(ua) ? 'Edge' : 'Chrome';
  const os = /Windows/.test(ua)
    ? 'Windows'
    : /Mac OS X/.test(ua)
      ? 'macOS'
      : /Linux/.test(ua)
        ? 'Linux'
        : 'a computer';
  return `Rapport extension, ${browser} on ${os}`;
}

/**
 * Joins the team's server: redeems an invite code for a token (an existing
 * API token, `rap_…`, is accepted too). The token is kept in the extension's
 * IndexedDB, which content scripts cannot reach. Reconnecting as the same
 * person keeps unsynced changes; anyone else starts from a clean replica.
 */
export async function connect(
  db: Db,
  server: URL,
  code: string,
  /** The name the person confirmed for themself (a new person; ignored for an existing one). */
  opts: { name?: string } = {},
): Promise<Credentials> {
  const serverUrl = server.toString();
  const secret = code.trim();
  let session: { token: string; user: User; org: { id: string; name: string } | null } | null = null;
  if (secret.startsWith('rap_')) {
    try {
      const me = await callServer<{ user: User; org: { id: string; name: string } }>(
        { serverUrl, token: secret },
        'GET',
        '/api/me',
      );
      session = { token: secret, user: me.user, org: { id: me.org.id, name: me.org.name } };
    } catch (err) {
      if (!(err instanceof ServerError) || err.status !== 401) throw err;
    }
  }
  if (!session) {
    try {
      const res = await callServer<SessionResponse>({ serverUrl, token: '' }, 'POST', '/api/auth/redeem', {
        code: secret,
        device: deviceLabel(),
        ...(opts.name?.trim() ? { name: opts.name.trim().slice(0, 200) } : {}),
        timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone,
      });
      session = { token: res.token, user: res.user, org: res.org };
    } catch (err) {
      if (err instanceof ServerError && [400, 401, 404, 410].includes(err.status))
        throw new ServerError('That invite code is not valid, or it was already used.', err.status, false);
      throw err;
    }
  }
  const previous = await getCredentials(db);
  // Only a reconnect as the same person on the same server keeps local data (and its unsynced
  // changes); anything else, including rows a sync wrote after a sign-out, is cleared.
  if (!previous || previous.serverUrl !== serverUrl || previous.user?.id !== session.user.id)
    await clearAll(db);
  const creds: Credentials = { serverUrl, token: session.token, user: session.user, org: session.org };
  await db.put('meta', creds, 'credentials');
  const sync = await getSyncState(db);
  await db.put('meta', { ...sync, signedOut: false, error: null, attempt: 0 }, 'sync');
  return creds;
}

/**
 * Signs out: revokes this install's token on the server (when it can be
 * reached), then forgets everything local. Returns a warning in plain words
 * when the token could not be revoked.
 */
export async function signOut(db: Db): Promise<string | null> {
  const creds = await getCredentials(db);
  let warning: string | null = null;
  if (creds) {
    try {
      const list = await callServer<{ items: TokenInfo[] }>(creds, 'GET', '/api/tokens?kind=api&limit=200');
      const current = list.items.find((t) => t.current);
      if (current) await callServer(creds, 'DELETE', `/api/tokens/${encodeURIComponent(current.id)}`);
    } catch (err) {
      // A token the server already refuses needs no revoking.
      if (!(err instanceof ServerError && err.status === 401))
        warning =
          'Signed out here, but the server could not be reached to revoke the token. Ask an admin to revoke it.';
    }
  }
  await clearAll(db);
  return warning;
}

/**
 * Mints a one-time sign-in link for the web workspace (`POST /api/auth/web-link`)
 * and opens it in a new tab. The link works once and for 5 minutes, so it is
 * minted at the click, never kept.
 */
export async function openWeb(creds: Pick<Credentials, 'serverUrl' | 'token'>): Promise<void> {
  const link = await callServer<{ url: string }>(creds, 'POST', '/api/auth/web-link');
  // Only ever open a page of the server this install is connected to, whatever host the server
  // believes it has (a proxy may present it under another name): keep the link's path and code.
  const { pathname, search } = new URL(link.url);
  const url = new URL(`${pathname}${search}`, creds.serverUrl);
  await browser.tabs.create({ url: url.toString() });
}

/**
 * Stores the browser's time zone as the user's (`PATCH /api/me`), so
 * reminders land in the hours the person actually works, and updates the
 * local copy of the profile. Needs the server: the profile is not synced
 * through the outbox.
 */
export async function updateTimeZone(db: Db, timeZone: string): Promise<void> {
  const creds = await getCredentials(db);
  if (!creds?.user) throw new ServerError('Not signed in.', 401, false);
  const person = await callServer<User>(creds, 'PATCH', '/api/me', { timeZone });
  const now = await getCredentials(db);
  if (now?.token === creds.token && now.user)
    await db.put('meta', { ...now, user: { ...now.user, timeZone: person.timeZone } }, 'credentials');
}

/** Where a declined time-zone offer is remembered, for that pair of zones only. */
export const ZONE_OFFER_KEY = 'zoneOfferDeclined';
