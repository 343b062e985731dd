// Invites (design §7, §13): issue one, list and revoke the pending ones. Redeeming a code lives
// in redeem.ts. Plain functions of (db, caller, input, now) that throw ProblemError, shared by
// the REST routes and the web page's forms.
//
// What an invite for an email does depends on who has that email in the org:
// - nobody: `join` makes a new person with the invite's role;
// - an active person: refused (409: change their role instead), except an admin may issue a
//   `device` code with the person's current role, to sign them in on another device;
// - a former (deactivated) person: `rejoin` brings them back with the invite's role.
// A new invite for an email revokes any pending one for it, so only the latest code works.

import { and, desc, eq, gt, isNull, lt, or, type SQL, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/sqlite-core';
import type { Invite, InviteKind, InviteRequest } from '../../shared/schemas/index.ts';
import { uuidv7 } from '../../shared/uuid.ts';
import { hashSecret, newSecret } from '../auth/secrets.ts';
import type { Statement } from '../db/client.ts';
import { db as drizzleOf } from '../db/client.ts';
import { tokens, users } from '../db/schema.ts';
import type { Caller } from '../env.ts';
import { decodeKey, toPage } from '../http/paging.ts';
import { forbidden, notFound, ProblemError, problem } from '../http/problem.ts';
import { audit } from '../sync/write.ts';

export const INVITE_TTL_MS = 7 * 86_400_000;

const requireManager = (caller: Caller) => {
  if (caller.role !== 'manager' && caller.role !== 'admin')
    throw forbidden('Requires role: manager or admin.');
};

const alreadyMember = (detail: string) =>
  new ProblemError(
    problem('conflict', 409, 'Already a member', {
      detail,
      issues: [{ path: ['email'], message: detail }],
    }),
  );

/** Who holds `email` in the org, active or former; emails are stored lower-case. */
export async function personByEmail(db: D1Database, orgId: string, email: string) {
  const [row] = await drizzleOf({ DB: db })
    .select()
    .from(users)
    .where(and(eq(users.orgId, orgId), sql`${users.email} = ${email} COLLATE NOCASE`))
    .limit(1);
  return row;
}

/**
 * `POST /api/invites` (manager, admin): a single-use code valid 7 days. Only
 * an admin invites an admin or issues a device code; see the module note for
 * what an existing email means.
 */
export async function createInvite(
  db: D1Database,
  caller: Caller,
  input: InviteRequest,
  now: Date,
): Promise<{ id: string; code: string; expiresAt: string; kind: InviteKind }> {
  requireManager(caller);
  if (input.role === 'admin' && caller.role !== 'admin')
    throw forbidden('Only an admin may invite an admin.');
  const email = input.email.toLowerCase();
  const existing = await personByEmail(db, caller.orgId, email);
  let kind: InviteKind = 'join';
  if (existing && existing.deletedAt === null) {
    if (caller.role !== 'admin')
      throw alreadyMember(
        `${existing.name} is already a member of the team. An admin can change their role, or issue a code for their new device.`,
      );
    if (input.role !== existing.role)
      throw alreadyMember(
        `${existing.name} is already a ${existing.role} of the team. Change their role on the team page (PATCH /api/users/${existing.id}) instead of inviting them.`,
      );
    kind = 'device';
  } else if (existing) {
    kind = 'rejoin';
  }

  const d = drizzleOf({ DB: db });
  const code = newSecret('invite');
  const at = now.toISOString();
  const expiresAt = new Date(now.getTime() + INVITE_TTL_MS).toISOString();
  const id = uuidv7();
  const ctx = { orgId: caller.orgId, userId: caller.userId, role: caller.role, now: at };
  await d.batch([
    // Only the latest code for an email works: an earlier one may carry another role.
    d
      .update(tokens)
      .set({ revokedAt: at })
      .where(and(pendingInvites(caller.orgId, at), eq(tokens.email, email))),
    d.insert(tokens).values({
      id,
      orgId: caller.orgId,
      // The issuer: they see and may revoke their pending invites in GET /api/tokens too.
      userId: caller.userId,
      hash: await hashSecret(code),
      kind: 'invite',
      label: input.name ?? (kind === 'join' ? null : existing!.name),
      role: kind === 'device' ? existing!.role : input.role,
      email,
      createdAt: at,
      expiresAt,
    }),
    audit(d, ctx, 'invite.create', id, { role: input.role, kind }),
  ]);
  return { id, code, expiresAt, kind };
}

/** Invites of the org neither spent, revoked nor expired at `at`. */
const pendingInvites = (orgId: string, at: string): SQL =>
  and(
    eq(tokens.orgId, orgId),
    eq(tokens.kind, 'invite'),
    isNull(tokens.revokedAt),
    gt(tokens.expiresAt, at),
  ) as SQL;

/** `GET /api/invites` (manager, admin): the org's pending invites, newest first. */
export async function listInvites(
  db: D1Database,
  caller: Caller,
  q: { limit: number; cursor?: string | undefined },
  now: Date,
): Promise<{ items: Invite[]; nextCursor: string | null }> {
  requireManager(caller);
  const issuer = alias(users, 'issuer');
  const where: (SQL | undefined)[] = [pendingInvites(caller.orgId, now.toISOString())];
  if (q.cursor) {
    const [at, id] = decodeKey(q.cursor, 2) as [string, string];
    where.push(or(lt(tokens.createdAt, at), and(eq(tokens.createdAt, at), lt(tokens.id, id))));
  }
  // 1: the email is an active person's (a device code), 0: a former person's, null: nobody's.
  const holder = sql<number | null>`(SELECT u.deleted_at IS NULL FROM users u
    WHERE u.org_id = ${tokens.orgId} AND u.email = ${tokens.email} COLLATE NOCASE)`;
  const rows = await drizzleOf({ DB: db })
    .select({ t: tokens, issuerName: issuer.name, holder })
    .from(tokens)
    .leftJoin(issuer, and(eq(issuer.id, tokens.userId), eq(issuer.orgId, tokens.orgId)))
    .where(and(...where))
    .orderBy(desc(tokens.createdAt), desc(tokens.id))
    .limit(q.limit + 1);
  return toPage(
    rows,
    q.limit,
    (r): Invite => ({
      id: r.t.id,
      email: r.t.email ?? '',
      name: r.t.label,
      role: r.t.role ?? 'member',
      kind: r.holder === null ? 'join' : r.holder ? 'device' : 'rejoin',
      invitedBy: r.t.userId,
      invitedByName: r.issuerName,
      createdAt: r.t.createdAt,
      expiresAt: r.t.expiresAt ?? r.t.createdAt,
    }),
    (r) => [r.t.createdAt, r.t.id],
  );
}

/**
 * `DELETE /api/invites/:id` (manager, admin): the code stops working at once.
 * Revoking one already spent, revoked or expired changes nothing.
 */
export async function revokeInvite(db: D1Database, caller: Caller, id: string, now: Date): Promise<void> {
  requireManager(caller);
  const d = drizzleOf({ DB: db });
  const [row] = await d
    .select({ id: tokens.id, revokedAt: tokens.revokedAt })
    .from(tokens)
    .where(and(eq(tokens.orgId, caller.orgId), eq(tokens.id, id), eq(tokens.kind, 'invite')))
    .limit(1);
  if (!row) throw notFound('Invite not found');
  if (row.revokedAt) return;
  const at = now.toISOString();
  const ctx = { orgId: caller.orgId, userId: caller.userId, role: caller.role, now: at };
  await d.batch([
    d
      .update(tokens)
      .set({ revokedAt: at })
      .where(and(eq(tokens.orgId, caller.orgId), eq(tokens.id, id), isNull(tokens.revokedAt))),
    audit(d, ctx, 'invite.revoke', id),
  ] as [Statement, Statement]);
}
