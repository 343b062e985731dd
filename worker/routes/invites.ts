import { and, eq, sql } from 'drizzle-orm';
import { Hono } from 'hono';
import { InviteRequestSchema } from '../../shared/schemas/index.ts';
import { uuidv7 } from '../../shared/uuid.ts';
import { requireRole } from '../auth/middleware.ts';
import { hashSecret, newSecret } from '../auth/secrets.ts';
import { db } from '../db/client.ts';
import { tokens, users } from '../db/schema.ts';
import type { AppEnv } from '../env.ts';
import { forbidden, ProblemError, problem } from '../http/problem.ts';
import { jsonBody } from '../http/validate.ts';
import { audit } from '../sync/write.ts';

export const INVITE_TTL_MS = 7 * 86_400_000;

/**
 * `POST /api/invites`: a single-use code, valid 7 days, that makes its holder
 * a user of the caller's org with the given role.
 */
export const invites = new Hono<AppEnv>().post('/', requireRole('manager', 'admin'), async (c) => {
  const body = await jsonBody(c, InviteRequestSchema);
  const caller = c.get('caller');
  if (body.role === 'admin' && caller.role !== 'admin') throw forbidden('Only an admin may invite an admin.');
  const d = db(c.env);
  const email = body.email.toLowerCase();
  // A code for an existing user signs its holder in as that user, so only an admin may issue one.
  const [existing] = await d
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.orgId, caller.orgId), sql`${users.email} = ${email} COLLATE NOCASE`))
    .limit(1);
  if (existing && caller.role !== 'admin')
    throw new ProblemError(
      problem('conflict', 409, 'Already a member', {
        detail: 'This person already has an account; ask an admin to invite their new device.',
      }),
    );
  const code = newSecret('invite');
  const now = new Date();
  const expiresAt = new Date(now.getTime() + INVITE_TTL_MS).toISOString();
  const id = uuidv7();
  const ctx = { orgId: caller.orgId, userId: caller.userId, role: caller.role, now: now.toISOString() };
  await d.batch([
    d.insert(tokens).values({
      id,
      orgId: caller.orgId,
      // The issuer: they see and may revoke their pending invites in GET /api/tokens.
      userId: caller.userId,
      hash: await hashSecret(code),
      kind: 'invite',
      label: body.name ?? null,
      role: body.role,
      email,
      createdAt: ctx.now,
      expiresAt,
    }),
    audit(d, ctx, 'invite.create', id, { role: body.role }),
  ]);
  return c.json({ code, expiresAt }, 201);
});
