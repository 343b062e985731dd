import { Hono } from 'hono';
import { InviteRequestSchema, PageQuerySchema } from '../../shared/schemas/index.ts';
import { requireRole } from '../auth/middleware.ts';
import type { AppEnv } from '../env.ts';
import { jsonBody, query } from '../http/validate.ts';
import { createInvite, listInvites, revokeInvite } from '../people/invites.ts';

export { INVITE_TTL_MS } from '../people/invites.ts';

/** `/api/invites` (manager, admin): issue, list the pending ones, revoke; the rules live in worker/people. */
export const invites = new Hono<AppEnv>()
  .use('*', requireRole('manager', 'admin'))
  .post('/', async (c) => {
    const body = await jsonBody(c, InviteRequestSchema);
    const { id, code, expiresAt } = await createInvite(c.env.DB, c.get('caller'), body, new Date());
    return c.json({ id, code, expiresAt }, 201);
  })
  .get('/', async (c) =>
    c.json(await listInvites(c.env.DB, c.get('caller'), query(c, PageQuerySchema), new Date()), 200),
  )
  .delete('/:id', async (c) => {
    await revokeInvite(c.env.DB, c.get('caller'), c.req.param('id'), new Date());
    return c.body(null, 204);
  });
