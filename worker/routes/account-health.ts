import { and, asc, eq, gt, isNull, or, type SQL } from 'drizzle-orm';
import { Hono } from 'hono';
import { HealthListQuerySchema } from '../../shared/schemas/index.ts';
import { db } from '../db/client.ts';
import { accountHealth } from '../db/plans-schema.ts';
import { accounts } from '../db/schema.ts';
import type { AppEnv } from '../env.ts';
import { decodeKey, toPage } from '../http/paging.ts';
import { query } from '../http/validate.ts';

/**
 * `GET /api/health?band=`: every account of the org with a plan or on the strategic tier, worst
 * first (lowest score, then account id), as the cron and each write last computed it (design §15).
 */
export const healthRoutes = new Hono<AppEnv>().get('/', async (c) => {
  const q = query(c, HealthListQuerySchema);
  const { orgId } = c.get('caller');
  const where: (SQL | undefined)[] = [eq(accountHealth.orgId, orgId), isNull(accounts.deletedAt)];
  if (q.band) where.push(eq(accountHealth.band, q.band));
  if (q.cursor) {
    const [score, id] = decodeKey(q.cursor, 2) as [string, string];
    const s = Number(score);
    where.push(
      or(gt(accountHealth.score, s), and(eq(accountHealth.score, s), gt(accountHealth.accountId, id))),
    );
  }
  const rows = await db(c.env)
    .select({
      accountId: accountHealth.accountId,
      name: accounts.name,
      score: accountHealth.score,
      band: accountHealth.band,
      worstPart: accountHealth.worstPart,
      reason: accountHealth.reason,
    })
    .from(accountHealth)
    .innerJoin(accounts, eq(accounts.id, accountHealth.accountId))
    .where(and(...where))
    .orderBy(asc(accountHealth.score), asc(accountHealth.accountId))
    .limit(q.limit + 1);
  return c.json(
    toPage(
      rows,
      q.limit,
      (r) => ({ ...r, worstPart: r.worstPart as never }),
      (r) => [String(r.score), r.accountId],
    ),
    200,
  );
});
