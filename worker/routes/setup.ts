import { Hono } from 'hono';
import { SetupRequestSchema } from '../../shared/schemas/index.ts';
import { timingSafeEqual } from '../auth/secrets.ts';
import type { AppEnv } from '../env.ts';
import { ProblemError, problem, unauthorized } from '../http/problem.ts';
import { jsonBody } from '../http/validate.ts';
import { setupOrg } from '../people/setup.ts';

export { SetupRequestSchema };

/** `POST /api/setup`: the operator, holding SETUP_TOKEN, creates an org and its first admin. */
export const setup = new Hono<AppEnv>().post('/', async (c) => {
  const expected = c.env.SETUP_TOKEN;
  const given = /^Bearer\s+(\S+)$/i.exec(c.req.header('authorization') ?? '')?.[1];
  if (!expected)
    throw new ProblemError(
      problem('forbidden', 403, 'Setup is disabled', { detail: 'Set the SETUP_TOKEN secret first.' }),
    );
  if (!given || !(await timingSafeEqual(given, expected)))
    throw unauthorized('Send Authorization: Bearer <SETUP_TOKEN>.');
  const body = await jsonBody(c, SetupRequestSchema);
  return c.json(await setupOrg(c.env.DB, body, new Date()), 201);
});
