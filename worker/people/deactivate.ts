// Deactivating a person who left (design §13): one batch revokes everything that signs them in,
// hands their accounts to someone active and closes their reminders; their interactions stay
// and keep counting, under their name marked as former. A plain function of
// (db, caller, id, input, now) that throws ProblemError, shared by the REST route and the page.

import { and, count, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { DeactivateRequest, DeactivateResponse } from '../../shared/schemas/index.ts';
import type { Statement } from '../db/client.ts';
import { db as drizzleOf } from '../db/client.ts';
import { guard, isGuardFailure } from '../db/guard.ts';
import { accounts, reminders, tokens, users } from '../db/schema.ts';
import type { Caller } from '../env.ts';
import { forbidden, notFound, ProblemError, problem } from '../http/problem.ts';
import { loadOrgInputs } from '../reminders/inputs.ts';
import { recompute } from '../reminders/recompute.ts';
import { audit, bumpVersion } from '../sync/write.ts';
import { former, lastAdmin, loadUser, otherActiveAdmin, toPerson } from './users.ts';

/**
 * Synced rows written per org version. A pull page never splits a version, so
 * a version must stay well under a page (500 rows) however many accounts move.
 */
const ROWS_PER_VERSION = 100;
/** Accounts recomputed per round trip after the write, and the time spent on it before the cron takes over. */
const RECOMPUTE_CHUNK = 200;
const RECOMPUTE_BUDGET_MS = 2_000;
const ATTEMPTS = 3;

const heirInvalid = () =>
  new ProblemError(
    problem('validation', 400, 'Choose who takes over', {
      detail: 'reassignTo must be another active person of your organisation.',
      issues: [{ path: ['reassignTo'], message: 'Choose another active person of your organisation' }],
    }),
  );

/**
 * `POST /api/users/:id/deactivate` (admin). In one D1 batch: the person is
 * marked former, every API token, session and web link of theirs is revoked
 * (their token answers 401 from then on), every pending invite for their
 * email or issued by them is revoked, each account they own moves to
 * `reassignTo`, and their active reminders close. Then the moved accounts'
 * reminders are recomputed, so the new owner has them at once (what does not
 * fit the time budget, the cron's full pass finishes: the people changed).
 * The last active admin cannot be deactivated (409).
 */
export async function deactivateUser(
  db: D1Database,
  caller: Caller,
  id: string,
  input: DeactivateRequest,
  now: Date,
): Promise<DeactivateResponse> {
  if (caller.role !== 'admin') throw forbidden('Only an admin deactivates a person.');
  const target = await loadUser(db, caller.orgId, id);
  if (!target) throw notFound('Person not found');
  if (target.deletedAt !== null) throw former();
  if (input.reassignTo === id) throw heirInvalid();
  const heir = await loadUser(db, caller.orgId, input.reassignTo);
  if (!heir || heir.deletedAt !== null) throw heirInvalid();

  for (let attempt = 1; ; attempt++) {
    try {
      const result = await writeOnce(db, caller, target, heir.id, now);
      await recomputeMoved(db, caller.orgId, result.accountIds, now);
      return {
        user: toPerson((await loadUser(db, caller.orgId, id))!),
        reassignedAccounts: result.reassigned,
        revokedTokens: result.revokedTokens,
        revokedInvites: result.revokedInvites,
        closedReminders: result.closedReminders,
      };
    } catch (err) {
      if (!isGuardFailure(err)) throw err;
      // Who failed which check, read fresh: the last admin, or someone left meanwhile.
      const [t, h] = await Promise.all([
        loadUser(db, caller.orgId, id),
        loadUser(db, caller.orgId, input.reassignTo),
      ]);
      if (!t || t.deletedAt !== null) throw former();
      if (!h || h.deletedAt !== null) throw heirInvalid();
      if (t.role === 'admin' && !(await hasOtherAdmin(db, caller.orgId, id)))
        throw lastAdmin('The organisation needs an active admin. Make someone else an admin first.');
      // Otherwise an account or reminder of theirs appeared during the write: go again.
      if (attempt >= ATTEMPTS)
        throw new ProblemError(
          problem('conflict', 409, 'Concurrent write', { detail: 'Retry the request.' }),
        );
    }
  }
}

async function hasOtherAdmin(db: D1Database, orgId: string, userId: string): Promise<boolean> {
  const row = await db
    .prepare(
      "SELECT 1 AS ok FROM users WHERE org_id = ?1 AND role = 'admin' AND deleted_at IS NULL AND id != ?2 LIMIT 1",
    )
    .bind(orgId, userId)
    .first();
  return row !== null;
}

interface Written {
  accountIds: string[];
  reassigned: number;
  revokedTokens: number;
  revokedInvites: number;
  closedReminders: number;
}

async function writeOnce(
  db: D1Database,
  caller: Caller,
  target: { id: string; email: string; role: string },
  heirId: string,
  now: Date,
): Promise<Written> {
  const d = drizzleOf({ DB: db });
  const { orgId } = caller;
  const at = now.toISOString();
  const ctx = { orgId, userId: caller.userId, role: caller.role, now: at };
  const owned = and(eq(accounts.orgId, orgId), eq(accounts.ownerId, target.id));
  const open = and(
    eq(reminders.orgId, orgId),
    eq(reminders.userId, target.id),
    inArray(reminders.state, ['open', 'snoozed']),
    isNull(reminders.deletedAt),
  );
  const [[ownedCount], [openCount]] = await d.batch([
    d.select({ n: count() }).from(accounts).where(owned),
    d.select({ n: count() }).from(reminders).where(open),
  ]);
  const version = sql<number>`(SELECT version FROM orgs WHERE id = ${orgId})`;

  // Each slice behind its own version bump; `reassign` and `close` keep the updates, whose rows we count.
  const sliced: Statement[] = [];
  const reassign: Statement[] = [];
  for (let i = 0; i < (ownedCount?.n ?? 0); i += ROWS_PER_VERSION) {
    const update = d
      .update(accounts)
      .set({ ownerId: heirId, version, updatedAt: at })
      .where(
        inArray(
          accounts.id,
          d.select({ id: accounts.id }).from(accounts).where(owned).limit(ROWS_PER_VERSION),
        ),
      )
      .returning({ id: accounts.id });
    reassign.push(update);
    sliced.push(bumpVersion(d, orgId), update);
  }
  const close: Statement[] = [];
  for (let i = 0; i < (openCount?.n ?? 0); i += ROWS_PER_VERSION) {
    // Closed as the engine closes a reminder whose condition ended: a recompute may reopen it
    // for whoever receives it now (the keep-in-touch of a moved account goes to its new owner).
    const update = d
      .update(reminders)
      .set({ state: 'done', closedBy: 'auto', version, updatedAt: at })
      .where(
        inArray(
          reminders.id,
          d.select({ id: reminders.id }).from(reminders).where(open).limit(ROWS_PER_VERSION),
        ),
      )
      .returning({ id: reminders.id, accountId: reminders.accountId });
    close.push(update);
    sliced.push(bumpVersion(d, orgId), update);
  }
  const revoke: Statement[] = [
    d
      .update(tokens)
      .set({ revokedAt: at })
      .where(and(eq(tokens.orgId, orgId), eq(tokens.userId, target.id), isNull(tokens.revokedAt)))
      .returning({ kind: tokens.kind }),
    // Codes that would sign in as them (a device code), or bring them back unseen.
    d
      .update(tokens)
      .set({ revokedAt: at })
      .where(
        and(
          eq(tokens.orgId, orgId),
          eq(tokens.kind, 'invite'),
          eq(tokens.email, target.email.toLowerCase()),
          isNull(tokens.revokedAt),
        ),
      )
      .returning({ kind: tokens.kind }),
  ];
  const statements: Statement[] = [
    guard(d, orgId, sql`EXISTS (SELECT 1 FROM users WHERE id = ${target.id} AND deleted_at IS NULL)`),
    guard(d, orgId, sql`EXISTS (SELECT 1 FROM users WHERE id = ${heirId} AND deleted_at IS NULL)`),
    ...(target.role === 'admin' ? [guard(d, orgId, otherActiveAdmin(orgId, target.id))] : []),
    d
      .update(users)
      .set({ deletedAt: at, updatedAt: at })
      .where(and(eq(users.orgId, orgId), eq(users.id, target.id))),
    ...revoke,
    ...sliced,
    // Nothing of theirs may have slipped in between the counts above and this batch.
    guard(
      d,
      orgId,
      sql`NOT EXISTS (SELECT 1 FROM accounts WHERE org_id = ${orgId} AND owner_id = ${target.id})`,
    ),
    guard(
      d,
      orgId,
      sql`NOT EXISTS (SELECT 1 FROM reminders WHERE org_id = ${orgId} AND user_id = ${target.id}
        AND state IN ('open', 'snoozed') AND deleted_at IS NULL)`,
    ),
    audit(d, ctx, 'user.deactivate', target.id, { reassignTo: heirId, accounts: ownedCount?.n ?? 0 }),
  ];
  const results = (await d.batch(statements as [Statement, ...Statement[]])) as unknown[];
  const rowsAt = <T>(s: Statement) => (results[statements.indexOf(s)] ?? []) as T[];
  const revoked = revoke.flatMap((s) => rowsAt<{ kind: string }>(s));
  const accountIds = reassign.flatMap((s) => rowsAt<{ id: string }>(s).map((r) => r.id));
  const closed = close.flatMap((s) => rowsAt<{ id: string; accountId: string | null }>(s));
  for (const r of closed) if (r.accountId) accountIds.push(r.accountId);
  return {
    accountIds: [...new Set(accountIds)],
    reassigned: reassign.reduce((n, s) => n + rowsAt(s).length, 0),
    revokedTokens: revoked.filter((r) => r.kind !== 'invite').length,
    revokedInvites: revoked.filter((r) => r.kind === 'invite').length,
    closedReminders: closed.length,
  };
}

/** The moved accounts' reminders, for their new recipients, within a time budget; the cron finishes the rest. */
async function recomputeMoved(db: D1Database, orgId: string, accountIds: string[], now: Date): Promise<void> {
  if (accountIds.length === 0) return;
  const started = Date.now();
  try {
    const inputs = await loadOrgInputs(db, orgId);
    for (let i = 0; i < accountIds.length; i += RECOMPUTE_CHUNK) {
      if (Date.now() - started > RECOMPUTE_BUDGET_MS) return;
      await recompute(db, inputs, { accountIds: accountIds.slice(i, i + RECOMPUTE_CHUNK) }, now);
    }
  } catch (err) {
    console.error('reminder recompute after deactivation failed; the cron job will catch up', err);
  }
}
