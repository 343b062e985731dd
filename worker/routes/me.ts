import { eq } from 'drizzle-orm';
import { Hono } from 'hono';
import { type MeResponse, ProfilePatchSchema } from '../../shared/schemas/index.ts';
import { db } from '../db/client.ts';
import { orgs } from '../db/schema.ts';
import type { AppEnv } from '../env.ts';
import { notFound } from '../http/problem.ts';
import { jsonBody } from '../http/validate.ts';
import { getPerson, updateUser } from '../people/users.ts';
import { parseSettings } from '../reminders/inputs.ts';

/** `GET /api/me`: the caller, their org and its settings (every default filled in); `PATCH`: own profile. */
export const me = new Hono<AppEnv>()
  .get('/', async (c) => {
    const caller = c.get('caller');
    const [user, [org]] = await Promise.all([
      getPerson(c.env.DB, caller, caller.userId),
      db(c.env).select().from(orgs).where(eq(orgs.id, caller.orgId)).limit(1),
    ]);
    if (!org) throw notFound();
    const body: MeResponse = {
      user,
      org: { id: org.id, name: org.name, settings: parseSettings(org.settings) },
    };
    return c.json(body, 200);
  })
  .patch('/', async (c) => {
    const body = await jsonBody(c, ProfilePatchSchema);
    const caller = c.get('caller');
    return c.json(await updateUser(c.env.DB, caller, caller.userId, body, new Date()), 200);
  });
