import { Hono } from 'hono';
import { DeactivateRequestSchema, UserListQuerySchema, UserPatchSchema } from '../../shared/schemas/index.ts';
import { requireRole } from '../auth/middleware.ts';
import type { AppEnv } from '../env.ts';
import { jsonBody, query } from '../http/validate.ts';
import { deactivateUser } from '../people/deactivate.ts';
import { listUsers, updateUser } from '../people/users.ts';

/** `/api/users`: the org's people (design §13); the rules live in worker/people. */
export const userRoutes = new Hono<AppEnv>()
  .get('/', async (c) =>
    c.json(await listUsers(c.env.DB, c.get('caller'), query(c, UserListQuerySchema)), 200),
  )
  .patch('/:id', async (c) => {
    const body = await jsonBody(c, UserPatchSchema);
    return c.json(await updateUser(c.env.DB, c.get('caller'), c.req.param('id'), body, new Date()), 200);
  })
  .post('/:id/deactivate', requireRole('admin'), async (c) => {
    const body = await jsonBody(c, DeactivateRequestSchema);
    return c.json(await deactivateUser(c.env.DB, c.get('caller'), c.req.param('id'), body, new Date()), 200);
  });
