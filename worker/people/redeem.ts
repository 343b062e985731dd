// Spending an invite code (design §7, §13): preview what it is for, then redeem it for an API
// token. Plain functions of (db, input, now) that throw ProblemError; nobody is signed in yet.
// What a code does for a new, an active or a former person is described in invites.ts.

import { and, eq, sql } from 'drizzle-orm';
import type {
  InviteKind,
  InvitePreview,
  RedeemRequest,
  SessionResponse,
} from '../../shared/schemas/index.ts';
import { uuidv7 } from '../../shared/uuid.ts';
import { hashSecret, newSecret } from '../auth/secrets.ts';
import type { Statement } from '../db/client.ts';
import { db as drizzleOf } from '../db/client.ts';
import { guard, isGuardFailure } from '../db/guard.ts';
import { orgs, tokens, users } from '../db/schema.ts';
import { ProblemError, problem } from '../http/problem.ts';
import { audit } from '../sync/write.ts';
import { personByEmail } from './invites.ts';

const gone = () =>
  new ProblemError(
    problem('gone', 410, 'Invite no longer valid', {
      detail: 'This invite code was already used, revoked or has expired. Ask for a new one.',
    }),
  );

const unknownCode = () =>
  new ProblemError(
    problem('validation', 400, 'Unknown invite code', { detail: 'Check the code and try again.' }),
  );

/** Roles that may grant `role` (a manager invites members and managers; device codes are an admin's). */
function issuerMayGrant(issuer: { role: string } | undefined, role: string, kind: InviteKind): boolean {
  if (!issuer) return false;
  if (issuer.role === 'admin') return true;
  return issuer.role === 'manager' && role !== 'admin' && kind !== 'device';
}

/**
 * The invite behind a live code, with its org, the person its email belongs
 * to and what it does. 400 for an unknown code; 410 once it is spent,
 * revoked or expired, or when whoever issued it may no longer grant it (they
 * left, or lost the role).
 */
async function liveInvite(db: D1Database, code: string, now: Date) {
  const d = drizzleOf({ DB: db });
  const [invite] = await d
    .select()
    .from(tokens)
    .where(and(eq(tokens.hash, await hashSecret(code)), eq(tokens.kind, 'invite')))
    .limit(1);
  if (!invite?.email || !invite.role) throw unknownCode();
  if (invite.revokedAt || (invite.expiresAt && invite.expiresAt <= now.toISOString())) throw gone();
  const [[org], existing, [issuer]] = await Promise.all([
    d.select().from(orgs).where(eq(orgs.id, invite.orgId)).limit(1),
    personByEmail(db, invite.orgId, invite.email),
    invite.userId
      ? d
          .select({ role: users.role, deletedAt: users.deletedAt })
          .from(users)
          .where(and(eq(users.id, invite.userId), eq(users.orgId, invite.orgId)))
          .limit(1)
      : Promise.resolve([]),
  ]);
  if (!org) throw gone();
  const kind: InviteKind = !existing ? 'join' : existing.deletedAt === null ? 'device' : 'rejoin';
  const activeIssuer = issuer && issuer.deletedAt === null ? issuer : undefined;
  if (!issuerMayGrant(activeIssuer, invite.role, kind)) throw gone();
  return { invite: { ...invite, email: invite.email, role: invite.role }, org, existing, kind };
}

/**
 * `GET /api/auth/invite?code=`: whom a code invites, to which org and role,
 * without spending it, so the panel can greet the person and prefill their
 * name. For a device code, the name and role are the person's own.
 */
export async function previewInvite(db: D1Database, code: string, now: Date): Promise<InvitePreview> {
  const { invite, org, existing, kind } = await liveInvite(db, code, now);
  return {
    email: invite.email,
    name: kind === 'device' ? existing!.name : invite.label,
    role: kind === 'device' ? existing!.role : invite.role,
    kind,
    org: { id: org.id, name: org.name },
    expiresAt: invite.expiresAt ?? now.toISOString(),
  };
}

/**
 * `POST /api/auth/redeem`: spends the code for an API token. A new person is
 * created with the name they confirm (else the invite's, else the email's
 * local part); a former person comes back with the invite's role; an active
 * person (a device code) signs in as they are, their role untouched. Spending
 * is guarded inside the batch that writes, so two redeems of one code can
 * never both succeed.
 */
export async function redeemInvite(
  db: D1Database,
  input: RedeemRequest,
  now: Date,
): Promise<SessionResponse> {
  const { invite, org, existing, kind } = await liveInvite(db, input.code, now);
  const d = drizzleOf({ DB: db });
  const at = now.toISOString();
  const name = input.name ?? invite.label ?? existing?.name ?? invite.email.split('@')[0]!;
  const user =
    existing && kind === 'device'
      ? {
          id: existing.id,
          name: existing.name,
          email: existing.email,
          role: existing.role,
          timeZone: existing.timeZone,
        }
      : {
          id: existing?.id ?? uuidv7(),
          name,
          email: invite.email,
          role: invite.role,
          timeZone: input.timeZone ?? existing?.timeZone ?? 'UTC',
        };
  const token = newSecret('api');
  const ctx = { orgId: org.id, userId: user.id, role: user.role, now: at };
  const statements: Statement[] = [
    guard(d, org.id, sql`EXISTS (SELECT 1 FROM tokens WHERE id = ${invite.id} AND revoked_at IS NULL)`),
    d.update(tokens).set({ revokedAt: at, lastUsedAt: at }).where(eq(tokens.id, invite.id)),
  ];
  if (kind === 'join') {
    statements.push(d.insert(users).values({ ...user, orgId: org.id, createdAt: at, updatedAt: at }));
  } else if (kind === 'rejoin') {
    statements.push(
      // Still former when the batch runs: an admin may have brought them back another way.
      guard(d, org.id, sql`EXISTS (SELECT 1 FROM users WHERE id = ${user.id} AND deleted_at IS NOT NULL)`),
      d
        .update(users)
        .set({ deletedAt: null, role: user.role, name: user.name, timeZone: user.timeZone, updatedAt: at })
        .where(and(eq(users.id, user.id), eq(users.orgId, org.id))),
    );
  } else {
    statements.push(
      guard(d, org.id, sql`EXISTS (SELECT 1 FROM users WHERE id = ${user.id} AND deleted_at IS NULL)`),
    );
  }
  statements.push(
    d.insert(tokens).values({
      id: uuidv7(),
      orgId: org.id,
      userId: user.id,
      hash: await hashSecret(token),
      kind: 'api',
      label: input.device,
      createdAt: at,
    }),
    audit(d, ctx, 'invite.redeem', invite.id, { kind }),
  );
  try {
    await d.batch(statements as [Statement, ...Statement[]]);
  } catch (err) {
    if (isGuardFailure(err)) throw gone();
    if (/UNIQUE/i.test(String(err)))
      throw new ProblemError(
        problem('conflict', 409, 'Already a member', { detail: 'Someone joined with this email first.' }),
      );
    throw err;
  }
  return { token, user, org: { id: org.id, name: org.name } };
}
