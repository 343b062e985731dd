import { and, desc, eq, gt, inArray, isNull, lt, or, type SQL } from 'drizzle-orm';
import { Hono } from 'hono';
import { type TokenInfo, TokenListQuerySchema } from '../../shared/schemas/index.ts';
import { db } from '../db/client.ts';
import { tokens } from '../db/schema.ts';
import type { AppEnv, Caller } from '../env.ts';
import { decodeKey, toPage } from '../http/paging.ts';
import { notFound } from '../http/problem.ts';
import { query } from '../http/validate.ts';
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

/** `GET /api/tokens`, `DELETE /api/tokens/:id`: list and revoke. Secrets are never shown again. */
export const tokenRoutes = new Hono<AppEnv>()
  .get('/', async (c) => {
    const q = query(c, TokenListQuerySchema);
    const caller = c.get('caller');
    const now = new Date().toISOString();
    const where: (SQL | undefined)[] = [
      eq(tokens.orgId, caller.orgId),
      scope(caller),
      q.kind ? eq(tokens.kind, q.kind) : inArray(tokens.kind, [...LISTED]),
    ];
    if (q.includeInactive !== 'true')
      where.push(isNull(tokens.revokedAt), or(isNull(tokens.expiresAt), gt(tokens.expiresAt, now)));
    if (q.cursor) {
      const [at, id] = decodeKey(q.cursor, 2) as [string, string];
      where.push(or(lt(tokens.createdAt, at), and(eq(tokens.createdAt, at), lt(tokens.id, id))));
    }
    const rows = await db(c.env)
      .select()
      .from(tokens)
      .where(and(...where))
      .orderBy(desc(tokens.createdAt), desc(tokens.id))
      .limit(q.limit + 1);
    return c.json(
      toPage(
        rows,
        q.limit,
        (r) => toInfo(r, caller),
        (r) => [r.createdAt, r.id],
      ),
      200,
    );
  })
  .delete('/:id', async (c) => {
    const caller = c.get('caller');
    const d = db(c.env);
    const id = c.req.param('id');
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
    if (!row.revokedAt) {
      const now = new Date().toISOString();
      const ctx = { orgId: caller.orgId, userId: caller.userId, role: caller.role, now };
      await d.batch([
        d
          .update(tokens)
          .set({ revokedAt: now })
          .where(and(eq(tokens.id, row.id), eq(tokens.orgId, caller.orgId))),
        audit(d, ctx, 'token.revoke', row.id),
      ]);
    }
    return c.body(null, 204);
  });
