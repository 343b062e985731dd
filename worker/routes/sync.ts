import { Hono } from 'hono';
import { PullQuerySchema, PushRequestSchema } from '../../shared/schemas/index.ts';
import { db } from '../db/client.ts';
import type { AppEnv } from '../env.ts';
import { jsonBody, query } from '../http/validate.ts';
import { pull } from '../sync/pull.ts';
import { push } from '../sync/push.ts';

/** The sync protocol of design §5. */
export const sync = new Hono<AppEnv>()
  .post('/push', async (c) => {
    const body = await jsonBody(c, PushRequestSchema);
    const { accountIds: _touched, ...result } = await push(db(c.env), c.get('caller'), body);
    return c.json(result, 200);
  })
  .get('/pull', async (c) => {
    const q = query(c, PullQuerySchema);
    return c.json(await pull(db(c.env), c.get('caller'), q.clientId, q.cookie), 200);
  });
