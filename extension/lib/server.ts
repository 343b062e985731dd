import type { Problem } from '../../shared/schemas/index.ts';
import type { Credentials } from './db.ts';

/** A failed server call, with what the user should read and whether retrying can help. */
export class ServerError extends Error {
  readonly status: number;
  readonly retryable: boolean;
  readonly retryAfterMs: number | null;
  readonly problem: Problem | null;
  constructor(
    message: string,
    status: number,
    retryable: boolean,
    retryAfterMs: number | null = null,
    problem: Problem | null = null,
  ) {
    super(message);
    this.status = status;
    this.retryable = retryable;
    this.retryAfterMs = retryAfterMs;
    this.problem = problem;
  }
}

const TIMEOUT_MS = 15_000;

/** `Retry-After` as milliseconds from now: delta-seconds or an HTTP date; null when absent or unusable. */
export function parseRetryAfter(value: string | null, now = Date.now()): number | null {
  if (!value) return null;
  const trimmed = value.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed) * 1000;
  const at = Date.parse(trimmed);
  return Number.isFinite(at) ? Math.max(0, at - now) : null;
}

/** Calls the team's server with the stored token; errors become ServerError in plain words. */
export async function callServer<T>(
  creds: Pick<Credentials, 'serverUrl' | 'token'>,
  method: string,
  path: string,
  body?: unknown,
): Promise<T> {
  let res: Response;
  try {
    res = await fetch(new URL(path, creds.serverUrl), {
      method,
      headers: {
        ...(creds.token ? { authorization: `Bearer ${creds.token}` } : {}),
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
      signal: AbortSignal.timeout(TIMEOUT_MS),
    });
  } catch (err) {
    const timedOut = err instanceof DOMException && err.name === 'TimeoutError';
    const host = new URL(creds.serverUrl).host;
    // Offline and a server that does not answer are different problems with different fixes.
    const offline = typeof navigator !== 'undefined' && navigator.onLine === false;
    throw new ServerError(
      timedOut
        ? `The server at ${host} did not answer in time.`
        : offline
          ? 'You are offline. Changes wait here and sync when you are back online.'
          : `Cannot reach the server at ${host}. Check that it is running; changes wait here meanwhile.`,
      0,
      true,
    );
  }
  if (res.ok) return (res.status === 204 ? null : await res.json()) as T;
  let problem: Problem | null = null;
  try {
    problem = (await res.json()) as Problem;
  } catch {}
  const retryAfterMs = parseRetryAfter(res.headers.get('retry-after'));
  if (res.status === 401)
    throw new ServerError(
      'Your sign-in is no longer valid. Connect again in Settings.',
      401,
      false,
      null,
      problem,
    );
  if (res.status === 429)
    throw new ServerError('The server is busy; retrying shortly.', 429, true, retryAfterMs, problem);
  if (res.status >= 500)
    throw new ServerError(
      `The server had a problem (${res.status}); retrying.`,
      res.status,
      true,
      retryAfterMs,
      problem,
    );
  throw new ServerError(
    problem?.detail ?? problem?.title ?? `Request failed (${res.status}).`,
    res.status,
    res.status === 409,
    retryAfterMs,
    problem,
  );
}
