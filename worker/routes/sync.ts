import { Hono } from 'hono';
import { PullQuerySchema, PushRequestSchema } from '../../shared/schemas/index.ts';
import { db } from '../db/client.ts';
import type { AppEnv } from '../env.ts';
import { jsonBody, query } from '../http/validate.ts';
import { recomputeForWrite } from '../reminders/on-write.ts';
import { resolveSnoozes } from '../reminders/snooze.ts';
import { pull } from '../sync/pull.ts';
import { push } from '../sync/push.ts';

/** The sync protocol of design §5. */
export const sync = new Hono<AppEnv>()
  .post('/push', async (c) => {
    const body = await jsonBody(c, PushRequestSchema);
    const caller = c.get('caller');
    const now = new Date();
    const mutations = await resolveSnoozes(c.env.DB, caller, body.mutations, now);
    const { accountIds, ...result } = await push(db(c.env), caller, { ...body, mutations }, now);
    const interactions = mutations.some((m) => m.name.startsWith('interaction.'));
    await recomputeForWrite(c.env.DB, caller, { accountIds, interactions }, now);
    return c.json(result, 200);
  })
  .get('/pull', async (c) => {
    const q = query(c, PullQuerySchema);
    return c.json(await pull(db(c.env), c.get('caller'), q.clientId, q.cookie), 200);
  });
