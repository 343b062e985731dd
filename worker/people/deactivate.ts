// Deactivating a person who left (design §13): one batch revokes everything that signs them in,
// hands their accounts to someone active and closes their reminders; their interactions stay
// and keep counting, under their name marked as former. A plain function of
// (db, caller, id, input, now) that throws ProblemError, shared by the REST route and the page.

import { and, eq, isNull, sql } from 'drizzle-orm';
import type { DeactivateRequest, DeactivateResponse } from '../../shared/schemas/index.ts';
import type { Statement } from '../db/client.ts';
import { db as drizzleOf } from '../db/client.ts';
import { guard, isGuardFailure } from '../db/guard.ts';
import { tokens, users } from '../db/schema.ts';
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

/** A synced record type whose rows a person owns (snake_case names: the SQL is raw). */
interface OwnedRecords {
  table: string;
  owner: string;
}

/**
 * What a person owns and hands over when deactivated, so nothing is left
 * without an owner. A record type with an owner (a plan's objectives,
 * commitments, conflicts) joins this list; its table needs an
 * `(org_id, <owner>)` index, `id`, `version` and `updated_at`.
 */
export const OWNED_RECORDS: readonly OwnedRecords[] = [{ table: 'accounts', owner: 'owner_id' }];

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
  // One raw D1 batch: the owned record types are named by table, which drizzle's builders cannot
  // take, so the drizzle-built statements go in as their SQL.
  const raw = (q: Statement): D1PreparedStatement => {
    const { sql: text, params } = (q as unknown as { toSQL(): { sql: string; params: unknown[] } }).toSQL();
    return db.prepare(text).bind(...params);
  };
  const openWhere = `org_id = ?1 AND user_id = ?2 AND state IN ('open', 'snoozed') AND deleted_at IS NULL`;
  const ownedWhere = (t: OwnedRecords) => `org_id = ?1 AND "${t.owner}" = ?2`;
  const counted = await db.batch<{ n: number }>([
    db.prepare(`SELECT count(*) AS n FROM reminders WHERE ${openWhere}`).bind(orgId, target.id),
    ...OWNED_RECORDS.map((t) =>
      db.prepare(`SELECT count(*) AS n FROM "${t.table}" WHERE ${ownedWhere(t)}`).bind(orgId, target.id),
    ),
  ]);
  const [openCount, ...ownedCounts] = counted.map((r) => r.results[0]?.n ?? 0);
  const version = '(SELECT version FROM orgs WHERE id = ?1)';

  // Each slice behind its own version bump; `handover` and `close` keep the updates, whose rows we count.
  const sliced: D1PreparedStatement[] = [];
  const handover = OWNED_RECORDS.map((t, k) => {
    const updates: D1PreparedStatement[] = [];
    for (let i = 0; i < ownedCounts[k]!; i += ROWS_PER_VERSION) {
      const update = db
        .prepare(
          `UPDATE "${t.table}" SET "${t.owner}" = ?3, version = ${version}, updated_at = ?4
           WHERE id IN (SELECT id FROM "${t.table}" WHERE ${ownedWhere(t)} LIMIT ${ROWS_PER_VERSION}) RETURNING id`,
        )
        .bind(orgId, target.id, heirId, at);
      updates.push(update);
      sliced.push(raw(bumpVersion(d, orgId)), update);
    }
    return { ...t, updates };
  });
  const close: D1PreparedStatement[] = [];
  for (let i = 0; i < (openCount ?? 0); i += ROWS_PER_VERSION) {
    // Closed as the engine closes a reminder whose condition ended: a recompute may reopen it
    // for whoever receives it now (the keep-in-touch of a moved account goes to its new owner).
    const update = db
      .prepare(
        `UPDATE reminders SET state = 'done', closed_by = 'auto', version = ${version}, updated_at = ?3
         WHERE id IN (SELECT id FROM reminders WHERE ${openWhere} LIMIT ${ROWS_PER_VERSION})
         RETURNING id, account_id`,
      )
      .bind(orgId, target.id, at);
    close.push(update);
    sliced.push(raw(bumpVersion(d, orgId)), update);
  }
  const revoke = [
    raw(
      d
        .update(tokens)
        .set({ revokedAt: at })
        .where(and(eq(tokens.orgId, orgId), eq(tokens.userId, target.id), isNull(tokens.revokedAt)))
        .returning({ kind: tokens.kind }),
    ),
    // Codes that would sign in as them (a device code), or bring them back unseen.
    raw(
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
    ),
  ];
  const statements: D1PreparedStatement[] = [
    raw(guard(d, orgId, sql`EXISTS (SELECT 1 FROM users WHERE id = ${target.id} AND deleted_at IS NULL)`)),
    raw(guard(d, orgId, sql`EXISTS (SELECT 1 FROM users WHERE id = ${heirId} AND deleted_at IS NULL)`)),
    ...(target.role === 'admin' ? [raw(guard(d, orgId, otherActiveAdmin(orgId, target.id)))] : []),
    raw(
      d
        .update(users)
        .set({ deletedAt: at, updatedAt: at })
        .where(and(eq(users.orgId, orgId), eq(users.id, target.id))),
    ),
    ...revoke,
    ...sliced,
    // Nothing of theirs may have slipped in between the counts above and this batch.
    ...OWNED_RECORDS.map((t) =>
      raw(
        guard(
          d,
          orgId,
          sql`NOT EXISTS (SELECT 1 FROM ${sql.identifier(t.table)} WHERE org_id = ${orgId}
            AND ${sql.identifier(t.owner)} = ${target.id})`,
        ),
      ),
    ),
    raw(
      guard(
        d,
        orgId,
        sql`NOT EXISTS (SELECT 1 FROM reminders WHERE org_id = ${orgId} AND user_id = ${target.id}
          AND state IN ('open', 'snoozed') AND deleted_at IS NULL)`,
      ),
    ),
    raw(
      audit(d, ctx, 'user.deactivate', target.id, {
        reassignTo: heirId,
        ...Object.fromEntries(OWNED_RECORDS.map((t, k) => [t.table, ownedCounts[k]])),
      }),
    ),
  ];
  const results = await db.batch(statements);
  const rowsOf = <T>(s: D1PreparedStatement) => (results[statements.indexOf(s)]?.results ?? []) as T[];
  const revoked = revoke.flatMap((s) => rowsOf<{ kind: string }>(s));
  const moved = (table: string) =>
    handover
      .filter((h) => h.table === table)
      .flatMap((h) => h.updates.flatMap((s) => rowsOf<{ id: string }>(s).map((r) => r.id)));
  const accountIds = moved('accounts');
  const reassigned = accountIds.length;
  const closed = close.flatMap((s) => rowsOf<{ id: string; account_id: string | null }>(s));
  for (const r of closed) if (r.account_id) accountIds.push(r.account_id);
  return {
    accountIds: [...new Set(accountIds)],
    reassigned,
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
