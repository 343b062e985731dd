import { eq } from 'drizzle-orm';
import { Hono } from 'hono';
import { db } from '../db/client.ts';
import { orgs, users } from '../db/schema.ts';
import type { AppEnv } from '../env.ts';
import { notFound } from '../http/problem.ts';

/** `GET /api/me`: the caller, their org and its settings. */
export const me = new Hono<AppEnv>().get('/', async (c) => {
  const caller = c.get('caller');
  const [row] = await db(c.env)
    .select({ user: users, org: orgs })
    .from(users)
    .innerJoin(orgs, eq(orgs.id, users.orgId))
    .where(eq(users.id, caller.userId))
    .limit(1);
  if (!row || row.org.id !== caller.orgId) throw notFound();
  const { id, name, email, role, timeZone } = row.user;
  return c.json(
    {
      user: { id, name, email, role, timeZone },
      org: { id: row.org.id, name: row.org.name, settings: JSON.parse(row.org.settings) },
    },
    200,
  );
});
