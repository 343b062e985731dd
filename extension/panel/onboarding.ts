import type { InvitePreview } from '../../shared/schemas/index.ts';
import { ServerError } from '../lib/server.ts';

/** Hosts reached over plain http when typed without a scheme: this machine and private networks. */
function isLocalHost(hostname: string): boolean {
  const h = hostname.replace(/^\[|\]$/g, '');
  return (
    h === 'localhost' ||
    h.endsWith('.localhost') ||
    h.endsWith('.local') ||
    h === '::1' ||
    /^127\./.test(h) ||
    /^10\./.test(h) ||
    /^192\.168\./.test(h) ||
    /^172\.(1[6-9]|2\d|3[01])\./.test(h)
  );
}

/** A server address as typed, made into an origin; `typedScheme` says whether the user chose http(s). */
export interface ServerAddress {
  url: URL;
  typedScheme: boolean;
}

/**
 * Normalises what the user typed into an origin, or explains what is wrong.
 * Without a scheme, this machine and private networks get `http://` (a dev
 * server such as `127.0.0.1:8787`), anything else `https://`. Plain http is
 * refused for public hosts: the token would travel in the clear.
 */
export function parseServerAddress(input: string): ServerAddress | string {
  const raw = input.trim();
  if (!raw) return 'Type the address of your team’s Rapport server.';
  const typedScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(raw);
  let url: URL;
  try {
    url = new URL(typedScheme ? raw : `http://${raw}`);
    if (!typedScheme && !isLocalHost(url.hostname)) url = new URL(`https://${raw}`);
  } catch {
    return 'That is not a server address. It looks like rapport.example.com or 127.0.0.1:8787.';
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return 'Use an https:// address.';
  if (url.protocol === 'http:' && !isLocalHost(url.hostname))
    return 'Use https:// for a server on the internet: over http the sign-in would travel unencrypted.';
  return { url: new URL(url.origin), typedScheme };
}

/** What a connection check found, in words the user can act on, and the field it is about. */
export class ConnectProblem extends ServerError {
  readonly field: 'server' | 'code';
  constructor(message: string, status: number, retryable: boolean, field: 'server' | 'code' = 'server') {
    super(message, status, retryable);
    this.field = field;
  }
}

const hostOf = (url: URL) => url.host;

type Fetch = typeof fetch;

/**
 * Tells the ways a connection can fail apart, before anything is spent:
 * offline; nothing answers at that address (a wrong host or port, a stopped
 * server, https where the server speaks http); or something answers that is
 * not a Rapport server. The first request asks for nothing (`no-cors`), so
 * any answer at all proves the host is there.
 */
export async function checkReachable(address: ServerAddress, opts: { fetch?: Fetch; online?: boolean } = {}) {
  const f = opts.fetch ?? fetch;
  const online = opts.online ?? navigator.onLine;
  if (!online) throw new ConnectProblem('You are offline. Connect to the internet, then try again.', 0, true);
  try {
    await f(new URL('/healthz', address.url), { mode: 'no-cors', signal: AbortSignal.timeout(10_000) });
  } catch {
    const hint =
      !address.typedScheme && address.url.protocol === 'https:'
        ? ' If the server runs without https, type http:// in front.'
        : ' Check the address and the port, and that the server is running.';
    throw new ConnectProblem(`Nothing answers at ${hostOf(address.url)}.${hint}`, 0, true);
  }
}

const notRapport = (url: URL) =>
  new ConnectProblem(
    `${hostOf(url)} answers, but it is not a Rapport server. Check the address and the port.`,
    0,
    false,
  );

/** Reads a Rapport API answer: JSON, or problem+json on failure; anything else is not a Rapport server. */
async function rapportJson(url: URL, res: Response): Promise<unknown> {
  const type = res.headers.get('content-type') ?? '';
  if (!/json/i.test(type)) throw notRapport(url);
  try {
    return await res.json();
  } catch {
    throw notRapport(url);
  }
}

/**
 * What an invite code is for (`GET /api/auth/invite`), so the person can
 * confirm their name before the code is spent. Null when the server is a
 * Rapport server without the preview (older); the join then goes ahead
 * without it. Assumes {@link checkReachable} passed: a failing request now
 * means the host answers but is not a Rapport server.
 */
export async function previewInvite(address: ServerAddress, code: string, opts: { fetch?: Fetch } = {}) {
  const f = opts.fetch ?? fetch;
  const url = new URL('/api/auth/invite', address.url);
  url.searchParams.set('code', code);
  let res: Response;
  try {
    res = await f(url, { signal: AbortSignal.timeout(15_000) });
  } catch {
    throw notRapport(address.url);
  }
  const body = (await rapportJson(address.url, res)) as Partial<InvitePreview> & {
    type?: string;
    title?: string;
  };
  if (res.ok) {
    if (typeof body.email !== 'string' || !body.org) throw notRapport(address.url);
    return body as InvitePreview;
  }
  if (res.status === 404 && typeof body.title === 'string') return null;
  if ([400, 401, 404, 410].includes(res.status))
    throw new ConnectProblem(
      'That invite code is not valid, or it was already used. Ask for a new one.',
      res.status,
      false,
      'code',
    );
  if (res.status === 429) throw new ConnectProblem('The server is busy; try again in a minute.', 429, true);
  throw new ConnectProblem(`The server had a problem (${res.status}); try again.`, res.status, true);
}
