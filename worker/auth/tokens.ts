// Signed-in devices and tokens (design §7, §13): list them and revoke one. Plain functions of
// (db, caller, input, now) that throw ProblemError, shared by `GET/DELETE /api/tokens` and the
// web page's /me. Secrets are never shown again; only their hashes are stored.

import { and, desc, eq, gt, inArray, isNull, lt, or, type SQL } from 'drizzle-orm';
import type { TokenInfo } from '../../shared/schemas/index.ts';
import type { Db } from '../db/client.ts';
import { tokens } from '../db/schema.ts';
import type { Caller } from '../env.ts';
import { decodeKey, toPage } from '../http/paging.ts';
import { notFound } from '../http/problem.ts';
import { audit } from '../sync/write.ts';

const LISTED = ['api', 'session', 'invite'] as const;
type Row = typeof tokens.$inferSelect;

/** Members see their own tokens (and invites they issued); admins see the whole org's. */
const scope = (caller: Caller): SQL | undefined =>
  caller.role === 'admin' ? undefined : eq(tokens.userId, caller.userId);

const toInfo = (r: Row, caller: Caller): TokenInfo => ({
  id: r.id,
  kind: r.kind as TokenInfo['kind'],
  userId: r.userId,
  label: r.label,
  role: r.role,
  email: r.email,
  createdAt: r.createdAt,
  lastUsedAt: r.lastUsedAt,
  expiresAt: r.expiresAt,
  revokedAt: r.revokedAt,
  current: r.id === caller.tokenId,
});

export interface TokenListQuery {
  kind?: TokenInfo['kind'] | undefined;
  /** Only this person's (within what the caller may see). */
  userId?: string | undefined;
  includeInactive?: 'true' | 'false' | undefined;
  limit: number;
  cursor?: string | undefined;
}

/** `GET /api/tokens`: newest first, active ones unless `includeInactive`. */
export async function listTokens(
  d: Db,
  caller: Caller,
  q: TokenListQuery,
  now: Date,
): Promise<{ items: TokenInfo[]; nextCursor: string | null }> {
  const at = now.toISOString();
  const where: (SQL | undefined)[] = [
    eq(tokens.orgId, caller.orgId),
    scope(caller),
    q.userId ? eq(tokens.userId, q.userId) : undefined,
    q.kind ? eq(tokens.kind, q.kind) : inArray(tokens.kind, [...LISTED]),
  ];
  if (q.includeInactive !== 'true')
    where.push(isNull(tokens.revokedAt), or(isNull(tokens.expiresAt), gt(tokens.expiresAt, at)));
  if (q.cursor) {
    const [createdAt, id] = decodeKey(q.cursor, 2) as [string, string];
    where.push(or(lt(tokens.createdAt, createdAt), and(eq(tokens.createdAt, createdAt), lt(tokens.id, id))));
  }
  const rows = await d
    .select()
    .from(tokens)
    .where(and(...where))
    .orderBy(desc(tokens.createdAt), desc(tokens.id))
    .limit(q.limit + 1);
  return toPage(
    rows,
    q.limit,
    (r) => toInfo(r, caller),
    (r) => [r.createdAt, r.id],
  );
}

/**
 * `DELETE /api/tokens/:id`: the token, session or invite stops working at once.
 * 404 for one the caller may not see; revoking one already revoked changes nothing.
 */
export async function revokeToken(d: Db, caller: Caller, id: string, now: Date): Promise<void> {
  const [row] = await d
    .select({ id: tokens.id, revokedAt: tokens.revokedAt })
    .from(tokens)
    .where(
      and(
        eq(tokens.orgId, caller.orgId),
        eq(tokens.id, id),
        inArray(tokens.kind, [...LISTED]),
        scope(caller),
      ),
    )
    .limit(1);
  if (!row) throw notFound('Token not found');
  if (row.revokedAt) return;
  const at = now.toISOString();
  const ctx = { orgId: caller.orgId, userId: caller.userId, role: caller.role, now: at };
  await d.batch([
    d
      .update(tokens)
      .set({ revokedAt: at })
      .where(and(eq(tokens.id, row.id), eq(tokens.orgId, caller.orgId))),
    audit(d, ctx, 'token.revoke', row.id),
  ]);
}
