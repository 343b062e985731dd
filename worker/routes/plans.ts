import { and, eq, isNull } from 'drizzle-orm';
import { Hono } from 'hono';
import { PlanInputSchema, PlanPutSchema } from '../../shared/schemas/index.ts';
import { uuidv7 } from '../../shared/uuid.ts';
import { type Db, db } from '../db/client.ts';
import { toPlan } from '../db/plans-records.ts';
import { plans } from '../db/plans-schema.ts';
import { accounts } from '../db/schema.ts';
import type { AppEnv } from '../env.ts';
import { invalid, notFound } from '../http/problem.ts';
import { jsonBody } from '../http/validate.ts';
import { applyOne } from '../sync/apply.ts';

async function livePlan(d: Db, orgId: string, accountId: string) {
  const [row] = await d
    .select()
    .from(plans)
    .where(and(eq(plans.orgId, orgId), eq(plans.accountId, accountId), isNull(plans.deletedAt)))
    .limit(1);
  return row;
}

/**
 * `/api/plans/:accountId`: an account's plan (design §14), one per account. `PUT` creates it
 * (201) or replaces it (200), keeping its id; the account's owner, managers and admins write
 * (the plan.put mutator decides, as for a push).
 */
export const planRoutes = new Hono<AppEnv>()
  .get('/:accountId', async (c) => {
    const row = await livePlan(db(c.env), c.get('caller').orgId, c.req.param('accountId'));
    if (!row) throw notFound('Plan not found');
    return c.json(toPlan(row), 200);
  })
  .put('/:accountId', async (c) => {
    const body = await jsonBody(c, PlanPutSchema);
    const caller = c.get('caller');
    const d = db(c.env);
    const accountId = c.req.param('accountId');
    const [account] = await d
      .select({ id: accounts.id })
      .from(accounts)
      .where(and(eq(accounts.orgId, caller.orgId), eq(accounts.id, accountId), isNull(accounts.deletedAt)))
      .limit(1);
    // Answered here, as the other routes do, so another org's account reads exactly as a missing one.
    if (!account) throw notFound('Account not found');
    const existing = await livePlan(d, caller.orgId, accountId);
    const id = existing?.id ?? body.id ?? uuidv7();
    const input = PlanInputSchema.safeParse({ ...body, id: body.id ?? id, accountId });
    if (!input.success) throw invalid(input.error);
    await applyOne(d, caller, 'plan.put', input.data);
    const after = await livePlan(d, caller.orgId, accountId);
    return c.json(toPlan(after!), existing ? 200 : 201);
  })
  .delete('/:accountId', async (c) => {
    const caller = c.get('caller');
    const d = db(c.env);
    const row = await livePlan(d, caller.orgId, c.req.param('accountId'));
    if (!row) throw notFound('Plan not found');
    await applyOne(d, caller, 'plan.delete', { id: row.id });
    return c.body(null, 204);
  });
