import { and, asc, eq, isNull, type SQL } from 'drizzle-orm';
import { Hono } from 'hono';
import {
  AccountCreateSchema,
  type AccountInput,
  AccountInputSchema,
  AccountListQuerySchema,
  AccountPatchSchema,
} from '../../shared/schemas/index.ts';
import { uuidv7 } from '../../shared/uuid.ts';
import { type Db, db } from '../db/client.ts';
import { toAccount } from '../db/records.ts';
import { accounts } from '../db/schema.ts';
import type { AppEnv } from '../env.ts';
import { decodeKey, toPage } from '../http/paging.ts';
import { invalid, notFound } from '../http/problem.ts';
import { jsonBody, query } from '../http/validate.ts';
import { accountPlan } from '../plans/view.ts';
import { applyOne } from '../sync/apply.ts';
import { afterName, byName, idTaken, namePrefix } from './directory-shared.ts';

async function load(d: Db, orgId: string, id: string, includeDeleted = false) {
  const [row] = await d
    .select()
    .from(accounts)
    .where(
      and(
        eq(accounts.orgId, orgId),
        eq(accounts.id, id),
        includeDeleted ? undefined : isNull(accounts.deletedAt),
      ),
    )
    .limit(1);
  return row;
}

/** The stored record as the input a PATCH merges onto: the wire record without the server's fields. */
const inputOf = (r: typeof accounts.$inferSelect): AccountInput => {
  const { version: _v, createdAt: _c, updatedAt: _u, deletedAt: _d, ...input } = toAccount(r);
  return input;
};

/**
 * The directory's accounts. Everyone reads; the owner, managers and admins
 * write (the account.* mutators decide, as for a push).
 */
export const accountRoutes = new Hono<AppEnv>()
  .get('/', async (c) => {
    const q = query(c, AccountListQuerySchema);
    const { orgId } = c.get('caller');
    const where: (SQL | undefined)[] = [eq(accounts.orgId, orgId), isNull(accounts.deletedAt)];
    if (q.q) where.push(namePrefix(accounts.name, q.q));
    if (q.tier) where.push(eq(accounts.tier, q.tier));
    if (q.stakeholder) where.push(eq(accounts.stakeholder, q.stakeholder));
    if (q.ownerId) where.push(eq(accounts.ownerId, q.ownerId));
    if (q.cursor)
      where.push(afterName(accounts.name, accounts.id, decodeKey(q.cursor, 2) as [string, string]));
    const rows = await db(c.env)
      .select()
      .from(accounts)
      .where(and(...where))
      .orderBy(byName(accounts.name), asc(accounts.id))
      .limit(q.limit + 1);
    return c.json(
      toPage(rows, q.limit, toAccount, (r) => [r.name, r.id]),
      200,
    );
  })
  .get('/:id/plan', async (c) => {
    const view = await accountPlan(db(c.env), c.get('caller').orgId, c.req.param('id'), new Date());
    if (!view) throw notFound('Account not found');
    return c.json(view, 200);
  })
  .get('/:id', async (c) => {
    const row = await load(db(c.env), c.get('caller').orgId, c.req.param('id'));
    if (!row) throw notFound('Account not found');
    return c.json(toAccount(row), 200);
  })
  .post('/', async (c) => {
    const body = await jsonBody(c, AccountCreateSchema);
    const caller = c.get('caller');
    const d = db(c.env);
    const input: AccountInput = { ...body, id: body.id ?? uuidv7() };
    if (await load(d, caller.orgId, input.id, true)) throw idTaken();
    await applyOne(d, caller, 'account.put', input);
    return c.json(toAccount((await load(d, caller.orgId, input.id))!), 201);
  })
  .patch('/:id', async (c) => {
    const patch = await jsonBody(c, AccountPatchSchema);
    const caller = c.get('caller');
    const d = db(c.env);
    const row = await load(d, caller.orgId, c.req.param('id'));
    if (!row) throw notFound('Account not found');
    const merged = AccountInputSchema.safeParse({ ...inputOf(row), ...patch });
    if (!merged.success) throw invalid(merged.error);
    await applyOne(d, caller, 'account.put', merged.data);
    return c.json(toAccount((await load(d, caller.orgId, row.id))!), 200);
  })
  .delete('/:id', async (c) => {
    const caller = c.get('caller');
    const d = db(c.env);
    const row = await load(d, caller.orgId, c.req.param('id'));
    if (!row) throw notFound('Account not found');
    await applyOne(d, caller, 'account.delete', { id: row.id });
    return c.body(null, 204);
  });
