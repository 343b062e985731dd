import { and, eq, type SQL } from 'drizzle-orm';
import type { Db, Statement } from '../../db/client.ts';
import type {
  commitments,
  conflicts,
  measurements,
  milestones,
  objectives,
  plans,
  responsibilities,
  reviews,
} from '../../db/plans-schema.ts';
import { problem } from '../../http/problem.ts';
import { currentVersion, type WriteContext } from '../write.ts';
import type { Known } from './known.ts';
import { missing, type Outcome, type Refusal, rejected, taken, visible } from './mutator.ts';
import type { KnownRecord } from './plan-known.ts';

// What the eight plan-record mutators share: who may write (design §14), reference checks that
// answer for another org's ids exactly as for missing ones, and the upsert and tombstone.

export type PlanTable =
  | typeof plans
  | typeof objectives
  | typeof measurements
  | typeof reviews
  | typeof milestones
  | typeof responsibilities
  | typeof commitments
  | typeof conflicts;

export type RecordKey =
  | 'plans'
  | 'objectives'
  | 'measurements'
  | 'reviews'
  | 'milestones'
  | 'responsibilities'
  | 'commitments'
  | 'conflicts';

/**
 * `owner`: the plan, objectives and responsibilities, written by the account's owner, managers
 * and admins (anyone while the account has no owner, as for the account itself).
 * `anyone`: measurements, reviews, milestones, commitments and conflicts, which any member
 * records; changing or deleting someone else's needs the account's owner, a manager or an admin.
 */
export type WriteRule = 'owner' | 'anyone';

const managesAccount = (ctx: WriteContext, ownerId: string | null) =>
  ctx.role !== 'member' || ownerId === null || ownerId === ctx.userId;

/** Whether the caller may write a record under `rule` on an account owned by `ownerId`. */
export function mayWrite(
  ctx: WriteContext,
  rule: WriteRule,
  ownerId: string | null,
  existing: Pick<KnownRecord, 'createdBy'> | undefined,
): boolean {
  if (managesAccount(ctx, ownerId)) return true;
  return rule === 'anyone' && (!existing || existing.createdBy === ctx.userId);
}

export const forbiddenFor = (rule: WriteRule): Refusal =>
  rejected(
    403,
    'Forbidden',
    rule === 'owner'
      ? "Only the account's owner, a manager or an admin may change its plan, objectives and responsibilities."
      : "Only its author, the account's owner, a manager or an admin may change someone else's record.",
  );

/** A 400 naming the field, as a failed schema check would. */
export const badField = (path: (string | number)[], message: string): Refusal => ({
  ok: false,
  problem: problem('validation', 400, 'Invalid request', { issues: [{ path, message }] }),
});

/** The first id of `ids` that is not a live user of the caller's org, as a 400 on `path`. */
export function checkUsers(known: Known, orgId: string, ids: readonly (string | null)[], path: string[]) {
  for (const [i, id] of ids.entries()) {
    if (id !== null && !visible(known.users.get(id), orgId))
      return badField(ids.length > 1 ? [...path, i] : path, 'No such person in this organisation');
  }
  return null;
}

/** The first id of `ids` that is not a contact of the caller's org, as a 400 on `path`. */
export function checkContacts(known: Known, orgId: string, ids: readonly (string | null)[], path: string[]) {
  for (const [i, id] of ids.entries()) {
    if (id !== null && !visible(known.contacts.get(id), orgId))
      return badField(ids.length > 1 ? [...path, i] : path, 'No such contact in this organisation');
  }
  return null;
}

/** An interaction the record is linked to must be the org's (any author: it was logged with it). */
export function checkInteraction(known: Known, orgId: string, id: string | null) {
  return id !== null && !visible(known.interactions.get(id), orgId)
    ? badField(['interactionId'], 'No such interaction in this organisation')
    : null;
}

/** The live account a new or changed record lands on; another org's answers as a missing one. */
export function liveAccount(known: Known, orgId: string, accountId: string) {
  const account = known.accounts.get(accountId);
  return visible(account, orgId) && account.deletedAt === null ? account : null;
}

/**
 * The checks every put shares: the id is not another org's, the record stays on its account,
 * the account is live, and the caller may write. Returns the account's owner, or the refusal.
 */
export function checkPut(
  known: Known,
  ctx: WriteContext,
  key: RecordKey,
  rule: WriteRule,
  id: string,
  accountId: string,
): { ownerId: string | null; existing: KnownRecord | undefined } | Refusal {
  const existing = known[key].get(id) as KnownRecord | undefined;
  if (existing && existing.orgId !== ctx.orgId) return taken();
  if (existing && existing.accountId !== accountId)
    return badField(['accountId'], 'A record cannot move to another account');
  const account = liveAccount(known, ctx.orgId, accountId);
  if (!account) return missing('account', accountId);
  if (!mayWrite(ctx, rule, account.ownerId, existing)) return forbiddenFor(rule);
  return { ownerId: account.ownerId, existing };
}

/** The server's columns of a write; the org, author and creation time are set on insert only. */
export const written = (ctx: WriteContext) => ({
  version: currentVersion(ctx),
  updatedAt: ctx.now,
  deletedAt: null,
});

type Columns<T extends PlanTable> = {
  [K in Exclude<keyof T['$inferInsert'], 'id' | 'orgId' | 'createdBy' | 'createdAt'>]?:
    | T['$inferInsert'][K]
    | SQL;
};

/**
 * Insert, or replace within the caller's org (a tombstone comes back to life). `row` is written
 * either way; `onInsert` only when the record is new (server-kept fields an edit must not reset).
 */
export function upsert<T extends PlanTable>(
  d: Db,
  table: T,
  ctx: WriteContext,
  id: string,
  row: Columns<T>,
  onInsert: Columns<T> = {},
): Statement {
  const t = table as typeof plans;
  const set = row as Partial<typeof plans.$inferInsert>;
  return d
    .insert(t)
    .values({
      ...(onInsert as object),
      ...(row as typeof plans.$inferInsert),
      id,
      orgId: ctx.orgId,
      createdBy: ctx.userId,
      createdAt: ctx.now,
    })
    .onConflictDoUpdate({ target: t.id, set, setWhere: eq(t.orgId, ctx.orgId) });
}

/**
 * A `<record>.delete`: the record must be the org's; the same write rule as a put, with the
 * account's owner as last known. Leaves a tombstone that pull carries to every replica.
 */
export function deleteRecord(
  d: Db,
  ctx: WriteContext,
  known: Known,
  key: RecordKey,
  table: PlanTable,
  rule: WriteRule,
  what: string,
  id: string,
): Outcome {
  const existing = known[key].get(id) as KnownRecord | undefined;
  if (!visible(existing, ctx.orgId)) return missing(what, id);
  const ownerId = known.accounts.get(existing.accountId)?.ownerId ?? existing.accountOwnerId;
  if (!mayWrite(ctx, rule, ownerId, existing)) return forbiddenFor(rule);
  known[key].set(id, { ...existing, deletedAt: ctx.now } as never);
  const t = table as typeof plans;
  return {
    ok: true,
    target: id,
    accountIds: [existing.accountId],
    statements: [
      d
        .update(t)
        .set({ deletedAt: ctx.now, updatedAt: ctx.now, version: currentVersion(ctx) })
        .where(and(eq(t.id, id), eq(t.orgId, ctx.orgId))),
    ],
  };
}

/** Records the state after a put in `known`, so a later mutation of the same push sees it. */
export function remember(
  known: Known,
  key: RecordKey,
  ctx: WriteContext,
  id: string,
  accountId: string,
  existing: KnownRecord | undefined,
  ownerId: string | null,
  extra: object = {},
) {
  known[key].set(id, {
    ...(existing ?? {}),
    id,
    orgId: ctx.orgId,
    accountId,
    createdBy: existing?.createdBy ?? ctx.userId,
    deletedAt: null,
    accountOwnerId: ownerId,
    accountDeletedAt: null,
    ...extra,
  } as never);
}
