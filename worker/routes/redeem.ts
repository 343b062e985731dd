import { and, eq, sql } from 'drizzle-orm';
import { Hono } from 'hono';
import { RedeemRequestSchema, type SessionResponse } from '../../shared/schemas/index.ts';
import { uuidv7 } from '../../shared/uuid.ts';
import { hashSecret, newSecret } from '../auth/secrets.ts';
import { db, type Statement } from '../db/client.ts';
import { orgs, tokens, users } from '../db/schema.ts';
import type { AppEnv } from '../env.ts';
import { ProblemError, problem } from '../http/problem.ts';
import { jsonBody } from '../http/validate.ts';
import { audit } from '../sync/write.ts';

const gone = () =>
  new ProblemError(
    problem('gone', 410, 'Invite no longer valid', {
      detail: 'This invite code was already used, revoked or has expired. Ask for a new one.',
    }),
  );

/**
 * `POST /api/auth/redeem`: spends an invite code for an API token, creating
 * the user when new. Spending is guarded inside the same batch as the
 * inserts, so two redeems of one code can never both succeed.
 */
export const redeem = new Hono<AppEnv>().post('/', async (c) => {
  const body = await jsonBody(c, RedeemRequestSchema);
  const d = db(c.env);
  const [invite] = await d
    .select()
    .from(tokens)
    .where(and(eq(tokens.hash, await hashSecret(body.code)), eq(tokens.kind, 'invite')))
    .limit(1);
  if (!invite?.email || !invite.role)
    throw new ProblemError(
      problem('validation', 400, 'Unknown invite code', { detail: 'Check the code and try again.' }),
    );
  const now = new Date().toISOString();
  if (invite.revokedAt || (invite.expiresAt && invite.expiresAt <= now)) throw gone();

  const [[org], [existing], [issuer]] = await Promise.all([
    d.select().from(orgs).where(eq(orgs.id, invite.orgId)).limit(1),
    d
      .select()
      .from(users)
      .where(and(eq(users.orgId, invite.orgId), sql`${users.email} = ${invite.email} COLLATE NOCASE`))
      .limit(1),
    invite.userId
      ? d.select({ role: users.role }).from(users).where(eq(users.id, invite.userId)).limit(1)
      : Promise.resolve([]),
  ]);
  if (!org) throw gone();
  if (existing && issuer?.role !== 'admin')
    throw new ProblemError(
      problem('conflict', 409, 'Already a member', {
        detail: 'This person already has an account; ask an admin for an invite.',
      }),
    );

  const user = existing
    ? {
        id: existing.id,
        name: existing.name,
        email: existing.email,
        role: existing.deletedAt ? invite.role : existing.role,
        timeZone: existing.timeZone,
      }
    : {
        id: uuidv7(),
        name: body.name ?? invite.label ?? invite.email.split('@')[0]!,
        email: invite.email,
        role: invite.role,
        timeZone: body.timeZone ?? 'UTC',
      };
  const token = newSecret('api');
  const ctx = { orgId: org.id, userId: user.id, role: user.role, now };
  const guard = sql`CASE WHEN EXISTS (SELECT 1 FROM tokens WHERE id = ${invite.id} AND revoked_at IS NULL) THEN 1 ELSE json('') END`;
  const statements: Statement[] = [
    d.select({ ok: guard }).from(orgs).where(eq(orgs.id, org.id)),
    d.update(tokens).set({ revokedAt: now, lastUsedAt: now }).where(eq(tokens.id, invite.id)),
    existing
      ? d.update(users).set({ deletedAt: null, role: user.role, updatedAt: now }).where(eq(users.id, user.id))
      : d.insert(users).values({ ...user, orgId: org.id, createdAt: now, updatedAt: now }),
    d.insert(tokens).values({
      id: uuidv7(),
      orgId: org.id,
      userId: user.id,
      hash: await hashSecret(token),
      kind: 'api',
      label: body.device,
      createdAt: now,
    }),
    audit(d, ctx, 'invite.redeem', invite.id),
  ];
  try {
    await d.batch(statements as [Statement, ...Statement[]]);
  } catch (err) {
    if (String(err).includes('malformed JSON')) throw gone();
    if (/UNIQUE/i.test(String(err)))
      throw new ProblemError(
        problem('conflict', 409, 'Already a member', { detail: 'Someone joined with this email first.' }),
      );
    throw err;
  }
  const response: SessionResponse = { token, user, org: { id: org.id, name: org.name } };
  return c.json(response, 201);
});
