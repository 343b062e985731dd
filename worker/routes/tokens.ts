import { Hono } from 'hono';
import { TokenListQuerySchema } from '../../shared/schemas/index.ts';
import { listTokens, revokeToken } from '../auth/tokens.ts';
import { db } from '../db/client.ts';
import type { AppEnv } from '../env.ts';
import { query } from '../http/validate.ts';

/** `GET /api/tokens`, `DELETE /api/tokens/:id`: list and revoke (worker/auth/tokens.ts). Secrets are never shown again. */
export const tokenRoutes = new Hono<AppEnv>()
  .get('/', async (c) => {
    const q = query(c, TokenListQuerySchema);
    return c.json(await listTokens(db(c.env), c.get('caller'), q, new Date()), 200);
  })
  .delete('/:id', async (c) => {
    await revokeToken(db(c.env), c.get('caller'), c.req.param('id'), new Date());
    return c.body(null, 204);
  });
