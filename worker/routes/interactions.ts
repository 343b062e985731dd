import { and, desc, eq, gte, isNull, lt, ne, or, type SQL } from 'drizzle-orm';
import { Hono } from 'hono';
import type { z } from 'zod';
import {
  type InteractionFilterSchema,
  type InteractionInput,
  InteractionInputSchema,
  InteractionListQuerySchema,
  InteractionPatchSchema,
} from '../../shared/schemas/index.ts';
import { type Db, db } from '../db/client.ts';
import { toInteraction } from '../db/records.ts';
import { interactions } from '../db/schema.ts';
import type { AppEnv, Caller } from '../env.ts';
import { decodeKey, toPage } from '../http/paging.ts';
import { forbidden, invalid, notFound } from '../http/problem.ts';
import { jsonBody, query } from '../http/validate.ts';
import { applyOne } from '../sync/apply.ts';

/** Who may read which interactions: managers and admins the team; members their own and, per account, the team-visible ones. */
export function readable(caller: Caller, accountId: string | undefined): SQL | undefined {
  if (caller.role !== 'member') return undefined;
  if (accountId) return or(eq(interactions.userId, caller.userId), ne(interactions.visibility, 'private'));
  return eq(interactions.userId, caller.userId);
}

/** The list's filters, shared with the CSV export: always the caller's org and what they may read. */
export function filters(caller: Caller, q: z.infer<typeof InteractionFilterSchema>): (SQL | undefined)[] {
  const where: (SQL | undefined)[] = [eq(interactions.orgId, caller.orgId), readable(caller, q.accountId)];
  if (q.accountId) where.push(eq(interactions.accountId, q.accountId));
  if (q.userId) where.push(eq(interactions.userId, q.userId));
  if (q.tag) where.push(eq(interactions.tag, q.tag));
  // Stored instants are UTC; compare like with like whatever offset the query used.
  if (q.from) where.push(gte(interactions.occurredAt, new Date(q.from).toISOString()));
  if (q.to) where.push(lt(interactions.occurredAt, new Date(q.to).toISOString()));
  return where;
}

const inputOf = (r: typeof interactions.$inferSelect): InteractionInput => ({
  id: r.id,
  accountId: r.accountId,
  contactIds: r.contactIds,
  kind: r.kind,
  tag: r.tag,
  title: r.title,
  notes: r.notes,
  occurredAt: r.occurredAt,
  source: { site: r.sourceSite, ref: r.sourceRef, url: r.sourceUrl },
  followUpAt: r.followUpAt,
  awaitingReply: r.awaitingReply,
  visibility: r.visibility,
});

/** A live interaction the caller may read; anything else answers exactly as a missing id does. */
async function loadReadable(d: Db, caller: Caller, id: string) {
  const [row] = await d
    .select()
    .from(interactions)
    .where(and(eq(interactions.orgId, caller.orgId), eq(interactions.id, id), isNull(interactions.deletedAt)))
    .limit(1);
  if (!row || (caller.role === 'member' && row.userId !== caller.userId && row.visibility === 'private'))
    throw notFound('Interaction not found');
  return row;
}

export const interactionRoutes = new Hono<AppEnv>()
  .get('/', async (c) => {
    const q = query(c, InteractionListQuerySchema);
    const caller = c.get('caller');
    const where = filters(caller, q);
    if (q.includeDeleted !== 'true') where.push(isNull(interactions.deletedAt));
    if (q.cursor) {
      const [at, id] = decodeKey(q.cursor, 2) as [string, string];
      where.push(
        or(lt(interactions.occurredAt, at), and(eq(interactions.occurredAt, at), lt(interactions.id, id))),
      );
    }
    const rows = await db(c.env)
      .select()
      .from(interactions)
      .where(and(...where))
      .orderBy(desc(interactions.occurredAt), desc(interactions.id))
      .limit(q.limit + 1);
    return c.json(
      toPage(
        rows,
        q.limit,
        (r) => toInteraction(r, caller.userId),
        (r) => [r.occurredAt, r.id],
      ),
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
  .patch('/:id', async (c) => {
    const patch = await jsonBody(c, InteractionPatchSchema);
    const caller = c.get('caller');
    const d = db(c.env);
    const row = await loadReadable(d, caller, c.req.param('id'));
    if (row.userId !== caller.userId) throw forbidden('Only the author may edit an interaction.');
    const merged = InteractionInputSchema.safeParse({ ...inputOf(row), ...patch });
    if (!merged.success) throw invalid(merged.error);
    await applyOne(d, caller, 'interaction.put', merged.data);
    const [after] = await d
      .select()
      .from(interactions)
      .where(and(eq(interactions.orgId, caller.orgId), eq(interactions.id, row.id)));
    return c.json(toInteraction(after!, caller.userId), 200);
  })
  .delete('/:id', async (c) => {
    const caller = c.get('caller');
    const d = db(c.env);
    const row = await loadReadable(d, caller, c.req.param('id'));
    await applyOne(d, caller, 'interaction.delete', { id: row.id });
    return c.body(null, 204);
  });
