// The org's people (design §13): list them, change a profile or a role. Like every module in
// worker/people and worker/settings, these are plain functions of (db, caller, input, now) that
// throw ProblemError, so the REST routes and the web page's forms run one implementation.
// Deactivation lives in deactivate.ts, invites in invites.ts.

import { and, asc, eq, isNull, type SQL, sql } from 'drizzle-orm';
import type { Person, UserListQuery, UserPatch } from '../../shared/schemas/index.ts';
import { WorkingHoursSchema } from '../../shared/schemas/index.ts';
import type { Statement } from '../db/client.ts';
import { db as drizzleOf } from '../db/client.ts';
import { guard, isGuardFailure } from '../db/guard.ts';
import { users } from '../db/schema.ts';
import type { Caller } from '../env.ts';
import { decodeKey, toPage } from '../http/paging.ts';
import { forbidden, notFound, ProblemError, problem } from '../http/problem.ts';
import { afterName, byName } from '../routes/directory-shared.ts';
import { audit } from '../sync/write.ts';

export type UserRow = typeof users.$inferSelect;

/** A stored user as the people endpoints show them. */
export function toPerson(r: UserRow): Person {
  const hours = r.workingHours === null ? null : WorkingHoursSchema.safeParse(safeJson(r.workingHours));
  return {
    id: r.id,
    name: r.name,
    email: r.email,
    role: r.role,
    timeZone: r.timeZone,
    workingHours: hours?.success ? hours.data : null,
    active: r.deletedAt === null,
    deactivatedAt: r.deletedAt,
    createdAt: r.createdAt,
  };
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

/** One person of the caller's org, active or former; 404 for anyone else's. */
export async function loadUser(db: D1Database, orgId: string, id: string): Promise<UserRow | undefined> {
  const [row] = await drizzleOf({ DB: db })
    .select()
    .from(users)
    .where(and(eq(users.orgId, orgId), eq(users.id, id)))
    .limit(1);
  return row;
}

/** {@link loadUser} as a Person, or 404. */
export async function getPerson(db: D1Database, caller: Caller, id: string): Promise<Person> {
  const row = await loadUser(db, caller.orgId, id);
  if (!row) throw notFound('Person not found');
  return toPerson(row);
}

/** `GET /api/users`: active people by name, former ones too with `includeFormer`. */
export async function listUsers(
  db: D1Database,
  caller: Caller,
  q: UserListQuery,
): Promise<{ items: Person[]; nextCursor: string | null }> {
  const where: (SQL | undefined)[] = [eq(users.orgId, caller.orgId)];
  if (q.includeFormer !== 'true') where.push(isNull(users.deletedAt));
  if (q.cursor) where.push(afterName(users.name, users.id, decodeKey(q.cursor, 2) as [string, string]));
  const rows = await drizzleOf({ DB: db })
    .select()
    .from(users)
    .where(and(...where))
    .orderBy(byName(users.name), asc(users.id))
    .limit(q.limit + 1);
  return toPage(rows, q.limit, toPerson, (r) => [r.name, r.id]);
}

/** True while someone other than `userId` is an active admin of the org; for guards. */
export const otherActiveAdmin = (orgId: string, userId: string): SQL =>
  sql`EXISTS (SELECT 1 FROM users WHERE org_id = ${orgId} AND role = 'admin' AND deleted_at IS NULL AND id != ${userId})`;

export const lastAdmin = (detail: string) =>
  new ProblemError(problem('conflict', 409, 'The last admin', { detail }));

export const former = () =>
  new ProblemError(
    problem('conflict', 409, 'Former member', {
      detail: 'This person was deactivated. Invite them again to bring them back.',
    }),
  );

/**
 * `PATCH /api/users/:id`. The person themself or an admin changes the
 * profile; only an admin changes a role, and never so that the org is left
 * without an active admin (409). A manager changes neither another person's
 * profile nor anyone's role.
 */
export async function updateUser(
  db: D1Database,
  caller: Caller,
  id: string,
  patch: UserPatch,
  now: Date,
): Promise<Person> {
  const target = await loadUser(db, caller.orgId, id);
  if (!target) throw notFound('Person not found');
  const self = target.id === caller.userId;
  const profile =
    patch.name !== undefined || patch.timeZone !== undefined || patch.workingHours !== undefined;
  const roleChange = patch.role !== undefined && patch.role !== target.role;
  if (profile && !self && caller.role !== 'admin')
    throw forbidden('Only the person themself or an admin changes a profile.');
  if (roleChange && caller.role !== 'admin') throw forbidden('Only an admin changes roles.');
  if (target.deletedAt !== null) throw former();
  if (!profile && !roleChange) return toPerson(target);

  const demotesAdmin = roleChange && target.role === 'admin';
  const set: Partial<typeof users.$inferInsert> = { updatedAt: now.toISOString() };
  if (patch.name !== undefined) set.name = patch.name;
  if (patch.timeZone !== undefined) set.timeZone = patch.timeZone;
  if (patch.workingHours !== undefined)
    set.workingHours = patch.workingHours === null ? null : JSON.stringify(patch.workingHours);
  if (roleChange) set.role = patch.role;

  const d = drizzleOf({ DB: db });
  const ctx = { orgId: caller.orgId, userId: caller.userId, role: caller.role, now: now.toISOString() };
  const statements: Statement[] = [
    // The person may have been deactivated since we read them; a former member stays as they left.
    guard(d, caller.orgId, sql`EXISTS (SELECT 1 FROM users WHERE id = ${id} AND deleted_at IS NULL)`),
    ...(demotesAdmin ? [guard(d, caller.orgId, otherActiveAdmin(caller.orgId, id))] : []),
    d
      .update(users)
      .set(set)
      .where(and(eq(users.orgId, caller.orgId), eq(users.id, id))),
    audit(d, ctx, roleChange ? 'user.role' : 'user.update', id, {
      fields: Object.keys(patch).filter((k) => patch[k as keyof UserPatch] !== undefined),
      ...(roleChange ? { from: target.role, to: patch.role } : {}),
    }),
  ];
  try {
    await d.batch(statements as [Statement, ...Statement[]]);
  } catch (err) {
    if (!isGuardFailure(err)) throw err;
    const current = await loadUser(db, caller.orgId, id);
    if (current?.deletedAt) throw former();
    throw lastAdmin('The organisation needs an active admin. Make someone else an admin first.');
  }
  return toPerson((await loadUser(db, caller.orgId, id))!);
}
