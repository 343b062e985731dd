import { createExecutionContext, waitOnExecutionContext } from 'cloudflare:test';
import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { app } from '../../worker/app.ts';
import { call, clientAddress, createOrg } from './helpers.ts';

/** AUTH_RATE_LIMITER's limit in wrangler.toml, per address per 60 s window. */
const STRICT = 10;
/**
 * Windows are aligned to the wall clock, so a burst can straddle two of them. Sent
 * 3 × the limit, at most 2 × the limit pass whatever the timing, and at least one is refused.
 */
const BURST = 3 * STRICT;

/** Every spelling a client might use for one secret; each used to open a fresh bucket. */
const spellings = (secret: string) => [
  `Bearer ${secret}`,
  `bearer ${secret}`,
  `BEARER ${secret}`,
  `Bearer  ${secret}`,
  `Bearer ${secret} `,
];

async function burst(send: (i: number) => Promise<{ status: number; headers: Headers }>) {
  const statuses: number[] = [];
  for (let i = 0; i < BURST; i++) {
    const res = await send(i);
    statuses.push(res.status);
    if (res.status === 429) expect(res.headers.get('retry-after')).toBe('60');
  }
  return statuses;
}

const refused = (statuses: number[]) => statuses.filter((s) => s === 429).length;

describe('rate limits cannot be dodged', () => {
  it('holds wrong setup tokens from one address to the strict limit, however the header is spelled', async () => {
    const ip = clientAddress();
    const body = { org: { name: 'Guess' }, admin: { name: 'G', email: 'g@guess.test', timeZone: 'UTC' } };
    const statuses = await burst((i) =>
      call('POST', '/api/setup', {
        body,
        headers: {
          'cf-connecting-ip': ip,
          authorization: spellings(`guess-${i}`)[i % 5]!,
        },
      }),
    );
    expect(statuses.filter((s) => s === 401).length).toBeLessThanOrEqual(2 * STRICT);
    expect(refused(statuses)).toBeGreaterThanOrEqual(BURST - 2 * STRICT);
    expect(statuses.every((s) => s === 401 || s === 429)).toBe(true);
    // Another address is not held back by this one's guesses.
    const other = await call('POST', '/api/setup', { body, token: 'wrong' });
    expect(other.status).toBe(401);
  });

  it('holds invite-code guesses to the strict limit per address', async () => {
    const ip = clientAddress();
    const statuses = await burst((i) =>
      call('POST', '/api/auth/redeem', {
        body: { code: `rinv_guess${i}`, device: 'x' },
        headers: { 'cf-connecting-ip': ip },
      }),
    );
    expect(refused(statuses)).toBeGreaterThanOrEqual(BURST - 2 * STRICT);
  });

  it('limits the page sign-in (/auth/*) too', async () => {
    const ip = clientAddress();
    const statuses = await burst((i) =>
      call('GET', `/auth/link?code=rwl_guess${i}`, { headers: { 'cf-connecting-ip': ip } }),
    );
    expect(refused(statuses)).toBeGreaterThanOrEqual(BURST - 2 * STRICT);
    expect(statuses.filter((s) => s !== 429).every((s) => s === 410)).toBe(true);
  });

  it('caps the /auth/* form body small', async () => {
    const res = await call('POST', '/auth/link', {
      headers: { 'content-type': 'application/x-www-form-urlencoded', origin: 'https://rapport.test' },
      body: `code=${'x'.repeat(64 * 1024)}`,
    });
    expect(res.status).toBe(413);
  });

  it('keys an authenticated caller by its token id, never by the secret or its spelling', async () => {
    const { token } = await createOrg();
    const [row] = (
      await env.DB.prepare("SELECT id FROM tokens WHERE kind = 'api' ORDER BY created_at DESC LIMIT 1").all<{
        id: string;
      }>()
    ).results;
    // The strict binding stands in for the per-token one, so its low limit is reached quickly;
    // the keys it is asked for are recorded on the way through.
    const keys: string[] = [];
    const strict = env.AUTH_RATE_LIMITER!;
    const recording: RateLimit = {
      limit: (o) => {
        keys.push(o.key);
        return strict.limit(o);
      },
    };
    const statuses: number[] = [];
    for (let i = 0; i < BURST; i++) {
      const ctx = createExecutionContext();
      const res = await app.fetch(
        new Request('https://rapport.test/api/me', {
          headers: { authorization: spellings(token)[i % 5]!, 'cf-connecting-ip': clientAddress() },
        }),
        { ...env, RATE_LIMITER: recording },
        ctx,
      );
      await waitOnExecutionContext(ctx);
      statuses.push(res.status);
    }
    expect(refused(statuses)).toBeGreaterThanOrEqual(BURST - 2 * STRICT);
    expect(statuses.every((s) => s === 200 || s === 429)).toBe(true);
    expect(new Set(keys)).toEqual(new Set([`token:${row!.id}`]));
    expect(keys.some((k) => k.includes(token.slice(4, 16)))).toBe(false);
  });

  it('never makes the raw Authorization header a limiter key, before or after authentication', async () => {
    const { token } = await createOrg();
    const keys: string[] = [];
    const record = (real: RateLimit): RateLimit => ({
      limit: (o) => {
        keys.push(o.key);
        return real.limit(o);
      },
    });
    const recorded = {
      ...env,
      RATE_LIMITER: record(env.RATE_LIMITER!),
      ADDRESS_RATE_LIMITER: record(env.ADDRESS_RATE_LIMITER!),
      AUTH_RATE_LIMITER: record(env.AUTH_RATE_LIMITER!),
    };
    for (const [path, auth] of [
      ['/api/me', `Bearer ${token}`],
      ['/api/me', 'Bearer rap_wrong'],
      ['/api/setup', 'Bearer not-the-setup-token'],
    ] as const) {
      const ctx = createExecutionContext();
      await app.fetch(
        new Request(`https://rapport.test${path}`, {
          method: path === '/api/setup' ? 'POST' : 'GET',
          headers: { authorization: auth, 'cf-connecting-ip': '192.0.2.7' },
        }),
        recorded,
        ctx,
      );
      await waitOnExecutionContext(ctx);
    }
    expect(keys.length).toBeGreaterThan(0);
    for (const k of keys) {
      expect(k).toMatch(/^(ip:192\.0\.2\.7|token:[0-9a-f-]{36})$/);
      expect(k).not.toContain('rap_');
    }
  });
});
