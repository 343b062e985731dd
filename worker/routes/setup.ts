import { Hono } from 'hono';
import { z } from 'zod';
import { EmailSchema, TimeZoneSchema } from '../../shared/schemas/index.ts';
import { uuidv7 } from '../../shared/uuid.ts';
import { hashSecret, newSecret, timingSafeEqual } from '../auth/secrets.ts';
import { db } from '../db/client.ts';
import { orgs, tokens, users } from '../db/schema.ts';
import type { AppEnv } from '../env.ts';
import { ProblemError, problem, unauthorized } from '../http/problem.ts';
import { jsonBody } from '../http/validate.ts';

export const SetupRequestSchema = z.strictObject({
  org: z.strictObject({ name: z.string().trim().min(1).max(200) }),
  admin: z.strictObject({
    name: z.string().trim().min(1).max(200),
    email: EmailSchema,
    timeZone: TimeZoneSchema,
  }),
});

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
  const d = db(c.env);
  const now = new Date().toISOString();
  const org = { id: uuidv7(), name: body.org.name };
  const user = {
    id: uuidv7(),
    name: body.admin.name,
    email: body.admin.email.toLowerCase(),
    role: 'admin' as const,
    timeZone: body.admin.timeZone,
  };
  const token = newSecret('api');
  try {
    await d.batch([
      d.insert(orgs).values({ ...org, settings: '{}', version: 0, createdAt: now, updatedAt: now }),
      d.insert(users).values({ ...user, orgId: org.id, createdAt: now, updatedAt: now }),
      d.insert(tokens).values({
        id: uuidv7(),
        orgId: org.id,
        userId: user.id,
        hash: await hashSecret(token),
        kind: 'api',
        label: 'setup',
        createdAt: now,
      }),
    ]);
  } catch (err) {
    if (/UNIQUE/i.test(String(err)))
      throw new ProblemError(
        problem('conflict', 409, 'Organisation name taken', {
          detail: `An organisation named "${org.name}" already exists.`,
        }),
      );
    throw err;
  }
  return c.json({ token, user, org }, 201);
});
