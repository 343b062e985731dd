import type { Context } from 'hono';
import { createMiddleware } from 'hono/factory';
import type { AppEnv, Env } from '../env.ts';
import { ProblemError, problem } from './problem.ts';

// Rate limits through the Workers Rate Limiting bindings (wrangler.toml). Keys are chosen by
// the server, never taken from what the client sends: before authentication the client's
// address as Cloudflare reports it, after authentication the resolved token's id. The raw
// Authorization header is never a key: spelling it differently (`bearer`, an extra space)
// must not open a fresh bucket, and a secret must not sit in the limiter's memory.

/** Paths that accept a secret from an anonymous caller: each guess is held to the strict limit. */
const GUESSABLE = /^\/(?:api\/setup|api\/auth\/(?:redeem|invite)|auth|setup|join)(?:\/|$)/;

const tooMany = () =>
  new ProblemError(
    problem('rate-limited', 429, 'Too many requests', { detail: 'Slow down and retry after the delay.' }),
    { 'retry-after': '60' },
  );

async function spend(limiter: RateLimit | undefined, key: string) {
  if (limiter && !(await limiter.limit({ key })).success) throw tooMany();
}

/**
 * The client's address. Cloudflare sets `cf-connecting-ip` on every request that reaches
 * a Worker (and `wrangler dev` sets it locally); without one, every such caller shares a
 * single bucket rather than escaping the limit.
 */
const address = (c: Context<AppEnv>) => `ip:${c.req.header('cf-connecting-ip') ?? 'unknown'}`;

/** Before authentication: every request counts against its address, and a guessable path also against the strict limit. */
export const limitByAddress = createMiddleware<AppEnv>(async (c, next) => {
  const key = address(c);
  if (GUESSABLE.test(c.req.path)) await spend(c.env.AUTH_RATE_LIMITER, key);
  await spend(c.env.ADDRESS_RATE_LIMITER, key);
  await next();
});

/** After authentication: the resolved token's own bucket, however its secret was spelled. */
export const limitByToken = (env: Env, tokenId: string) => spend(env.RATE_LIMITER, `token:${tokenId}`);
