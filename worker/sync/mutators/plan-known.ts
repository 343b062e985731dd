import { and, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import {
  commitments,
  conflicts,
  measurements,
  milestones,
  objectives,
  plans,
  responsibilities,
  reviews,
} from '../../db/plans-schema.ts';
import { accounts } from '../../db/schema.ts';

// What the plan-record mutators prefetch (see known.ts): for each record, its org, account,
// author and tombstone, and its account's owner, who may edit anyone's record on the account.

/** The prefetched facts of a plan record, whatever its type. */
export interface KnownRecord {
  id: string;
  orgId: string;
  accountId: string;
  createdBy: string;
  deletedAt: string | null;
  /** The owner of the record's account when it was read. */
  accountOwnerId: string | null;
  /** Whether that account was tombstoned; null also when it is missing. */
  accountDeletedAt: string | null;
}

const record = (
  t:
    | typeof plans
    | typeof objectives
    | typeof measurements
    | typeof reviews
    | typeof milestones
    | typeof responsibilities
    | typeof commitments
    | typeof conflicts,
) => ({
  id: t.id,
  orgId: t.orgId,
  accountId: t.accountId,
  createdBy: t.createdBy,
  deletedAt: t.deletedAt,
  // Aliased: D1 returns rows as arrays keyed by column name, and a second `deleted_at` would be lost.
  accountOwnerId: sql<string | null>`${accounts.ownerId}`.as('account_owner_id'),
  accountDeletedAt: sql<string | null>`${accounts.deletedAt}`.as('account_deleted_at'),
});

export const planReaders = {
  plans: (d: Db, ids: string[]) =>
    d
      .select(record(plans))
      .from(plans)
      .leftJoin(accounts, eq(accounts.id, plans.accountId))
      .where(inArray(plans.id, ids)),
  /** The live plan of each account, keyed by the account's id (one plan per account). */
  planOfAccount: (d: Db, accountIds: string[]) =>
    d
      .select({ id: plans.accountId, orgId: plans.orgId, planId: plans.id })
      .from(plans)
      .where(and(inArray(plans.accountId, accountIds), isNull(plans.deletedAt))),
  objectives: (d: Db, ids: string[]) =>
    d
      .select({ ...record(objectives), state: objectives.state })
      .from(objectives)
      .leftJoin(accounts, eq(accounts.id, objectives.accountId))
      .where(inArray(objectives.id, ids)),
  measurements: (d: Db, ids: string[]) =>
    d
      .select({ ...record(measurements), objectiveId: measurements.objectiveId })
      .from(measurements)
      .leftJoin(accounts, eq(accounts.id, measurements.accountId))
      .where(inArray(measurements.id, ids)),
  reviews: (d: Db, ids: string[]) =>
    d
      .select(record(reviews))
      .from(reviews)
      .leftJoin(accounts, eq(accounts.id, reviews.accountId))
      .where(inArray(reviews.id, ids)),
  milestones: (d: Db, ids: string[]) =>
    d
      .select(record(milestones))
      .from(milestones)
      .leftJoin(accounts, eq(accounts.id, milestones.accountId))
      .where(inArray(milestones.id, ids)),
  responsibilities: (d: Db, ids: string[]) =>
    d
      .select(record(responsibilities))
      .from(responsibilities)
      .leftJoin(accounts, eq(accounts.id, responsibilities.accountId))
      .where(inArray(responsibilities.id, ids)),
  commitments: (d: Db, ids: string[]) =>
    d
      .select(record(commitments))
      .from(commitments)
      .leftJoin(accounts, eq(accounts.id, commitments.accountId))
      .where(inArray(commitments.id, ids)),
  conflicts: (d: Db, ids: string[]) =>
    d
      .select({ ...record(conflicts), level: conflicts.level, levelHistory: conflicts.levelHistory })
      .from(conflicts)
      .leftJoin(accounts, eq(accounts.id, conflicts.accountId))
      .where(inArray(conflicts.id, ids)),
};
