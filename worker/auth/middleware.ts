import { and, eq, gt, isNull, or } from 'drizzle-orm';
import type { Context } from 'hono';
import { getCookie } from 'hono/cookie';
import { createMiddleware } from 'hono/factory';
import { db } from '../db/client.ts';
import { tokens, users } from '../db/schema.ts';
import type { AppEnv, Caller } from '../env.ts';
import { forbidden, unauthorized } from '../http/problem.ts';
import { limitByToken } from '../http/rate-limit.ts';
import { hashSecret } from './secrets.ts';

export const SESSION_COOKIE = '__Host-rapport_session';
/** Recording every use would turn each read into a write; once a minute is enough to audit. */
const LAST_USED_GRANULARITY_MS = 60_000;

async function resolve(
  env: AppEnv['Bindings'],
  secret: string,
  kind: 'api' | 'session',
  waitUntil: (p: Promise<unknown>) => void,
): Promise<Caller | null> {
  const hash = await hashSecret(secret);
  const now = new Date();
  const [row] = await db(env)
    .select({
      tokenId: tokens.id,
      orgId: tokens.orgId,
      userId: users.id,
      role: users.role,
      lastUsedAt: tokens.lastUsedAt,
    })
    .from(tokens)
    .innerJoin(users, and(eq(users.id, tokens.userId), eq(users.orgId, tokens.orgId)))
    .where(
      and(
        eq(tokens.hash, hash),
        eq(tokens.kind, kind),
        isNull(tokens.revokedAt),
        isNull(users.deletedAt),
        or(isNull(tokens.expiresAt), gt(tokens.expiresAt, now.toISOString())),
      ),
    )
    .limit(1);
  if (!row) return null;
  await limitByToken(env, row.tokenId);
  if (!row.lastUsedAt || now.getTime() - Date.parse(row.lastUsedAt) > LAST_USED_GRANULARITY_MS) {
    waitUntil(
      db(env).update(tokens).set({ lastUsedAt: now.toISOString() }).where(eq(tokens.id, row.tokenId)).run(),
    );
  }
  return { tokenId: row.tokenId, orgId: row.orgId, userId: row.userId, role: row.role };
}

function waitUntilOf(c: Context<AppEnv>): (p: Promise<unknown>) => void {
  try {
    const ctx = c.executionCtx;
    return (p) => ctx.waitUntil(p);
  } catch {
    return (p) => void p.catch(() => {});
  }
}

/** Requires `Authorization: Bearer rap_…`; sets `caller`. */
export const requireToken = createMiddleware<AppEnv>(async (c, next) => {
  const header = c.req.header('authorization') ?? '';
  const match = /^Bearer\s+(\S+)$/i.exec(header);
  if (!match?.[1]) throw unauthorized('Send Authorization: Bearer <token>.');
  const caller = await resolve(c.env, match[1], 'api', waitUntilOf(c));
  if (!caller) throw unauthorized('The token is unknown, expired or revoked.');
  c.set('caller', caller);
  await next();
});

/** Resolves the summary page's session cookie; sets `caller` or leaves it unset. */
export async function sessionCaller(c: Context<AppEnv>): Promise<Caller | null> {
  const secret = getCookie(c, SESSION_COOKIE);
  if (!secret) return null;
  return resolve(c.env, secret, 'session', waitUntilOf(c));
}

/** Allows only the given roles. */
export function requireRole(...roles: Caller['role'][]) {
  return createMiddleware<AppEnv>(async (c, next) => {
    if (!roles.includes(c.get('caller').role)) throw forbidden(`Requires role: ${roles.join(' or ')}.`);
    await next();
  });
}
