/** Bindings and secrets the Worker runs with (wrangler.toml, `.dev.vars`, `wrangler secret`). */
export interface Env {
  DB: D1Database;
  /** Operator secret that guards `POST /api/setup`. */
  SETUP_TOKEN?: string;
  /** Per resolved token, after authentication. */
  RATE_LIMITER?: RateLimit;
  /** Per client address, before authentication. */
  ADDRESS_RATE_LIMITER?: RateLimit;
  /** Per client address, strict: the paths where an anonymous caller presents a secret. */
  AUTH_RATE_LIMITER?: RateLimit;
}

/** Who is calling, resolved from the bearer token or the session cookie. */
export interface Caller {
  orgId: string;
  userId: string;
  role: 'member' | 'manager' | 'admin';
  tokenId: string;
}

export type AppEnv = { Bindings: Env; Variables: { caller: Caller } };
