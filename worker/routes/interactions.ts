import { and, desc, eq, gte, isNull, lt, ne, or, type SQL } from 'drizzle-orm';
import { Hono } from 'hono';
import { z } from 'zod';
import { IdSchema, InstantSchema, InteractionInputSchema, TagSchema } from '../../shared/schemas/index.ts';
import { db } from '../db/client.ts';
import { toInteraction } from '../db/records.ts';
import { interactions } from '../db/schema.ts';
import type { AppEnv, Caller } from '../env.ts';
import { decodeCursor, encodeCursor, PageQuerySchema } from '../http/cursor.ts';
import { notFound } from '../http/problem.ts';
import { jsonBody, query } from '../http/validate.ts';
import { applyOne } from '../sync/apply.ts';

const ListQuerySchema = z.strictObject({
  ...PageQuerySchema.shape,
  accountId: IdSchema.optional(),
  userId: IdSchema.optional(),
  tag: TagSchema.optional(),
  from: InstantSchema.optional(),
  to: InstantSchema.optional(),
  includeDeleted: z.enum(['true', 'false']).optional(),
});

/** Who may read which interactions: managers and admins the team; members their own and, per account, the team-visible ones. */
function readable(caller: Caller, accountId: string | undefined): SQL | undefined {
  if (caller.role !== 'member') return undefined;
  if (accountId) return or(eq(interactions.userId, caller.userId), ne(interactions.visibility, 'private'));
  return eq(interactions.userId, caller.userId);
}

export const interactionRoutes = new Hono<AppEnv>()
  .get('/', async (c) => {
    const q = query(c, ListQuerySchema);
    const caller = c.get('caller');
    const where: (SQL | undefined)[] = [eq(interactions.orgId, caller.orgId), readable(caller, q.accountId)];
    if (q.accountId) where.push(eq(interactions.accountId, q.accountId));
    if (q.userId) where.push(eq(interactions.userId, q.userId));
    if (q.tag) where.push(eq(interactions.tag, q.tag));
    if (q.from) where.push(gte(interactions.occurredAt, q.from));
    if (q.to) where.push(lt(interactions.occurredAt, q.to));
    if (q.includeDeleted !== 'true') where.push(isNull(interactions.deletedAt));
    if (q.cursor) {
      const [at, id] = decodeCursor(q.cursor).map(String);
      where.push(
        or(lt(interactions.occurredAt, at!), and(eq(interactions.occurredAt, at!), lt(interactions.id, id!))),
      );
    }
    const rows = await db(c.env)
      .select()
      .from(interactions)
      .where(and(...where))
      .orderBy(desc(interactions.occurredAt), desc(interactions.id))
      .limit(q.limit + 1);
    const page = rows.slice(0, q.limit);
    const last = page[page.length - 1];
    return c.json(
      {
        items: page.map((r) => toInteraction(r, caller.userId)),
        nextCursor: rows.length > q.limit && last ? encodeCursor([last.occurredAt, last.id]) : null,
      },
      200,
    );
  })
  .get('/:id', async (c) => {
    const caller = c.get('caller');
    const id = c.req.param('id');
    const [row] = await db(c.env)
      .select()
      .from(interactions)
      .where(
        and(eq(interactions.orgId, caller.orgId), eq(interactions.id, id), isNull(interactions.deletedAt)),
      )
      .limit(1);
    if (!row) throw notFound('Interaction not found');
    if (caller.role === 'member' && row.userId !== caller.userId && row.visibility === 'private')
      throw notFound('Interaction not found');
    return c.json(toInteraction(row, caller.userId), 200);
  })
  .post('/', async (c) => {
    const input = await jsonBody(c, InteractionInputSchema);
    const caller = c.get('caller');
    await applyOne(db(c.env), caller, 'interaction.put', input);
    const [row] = await db(c.env)
      .select()
      .from(interactions)
      .where(and(eq(interactions.orgId, caller.orgId), eq(interactions.id, input.id)));
    return c.json(toInteraction(row!, caller.userId), 201);
  })
  .delete('/:id', async (c) => {
    await applyOne(db(c.env), c.get('caller'), 'interaction.delete', { id: c.req.param('id') });
    return c.body(null, 204);
  });
