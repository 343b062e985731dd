/**
 * The plain data the plan computations read (design §14, §15). Each type is
 * the subset of a wire record they need, so the Worker passes D1 rows or
 * records straight through and tests build small literals. Tombstoned records
 * (`deletedAt` set) are ignored everywhere.
 */
import type { Commitment } from '../schemas/commitment.ts';
import type { Conflict } from '../schemas/conflict.ts';
import type { Measurement, Objective } from '../schemas/objective.ts';
import type { Milestone, Plan, Review } from '../schemas/plan.ts';
import type { Responsibility } from '../schemas/responsibility.ts';
import type { InstantLike } from '../time/instant.ts';

type Live = { deletedAt?: InstantLike | null };

export type PlanLike = Pick<
  Plan,
  'id' | 'accountId' | 'status' | 'startsOn' | 'reviewEveryDays' | 'escalation'
> &
  Live;

/** `createdAt` starts the clock of expected progress. */
export type ObjectiveLike = Pick<
  Objective,
  'id' | 'accountId' | 'title' | 'unit' | 'baseline' | 'target' | 'dueOn' | 'ownerId' | 'weight' | 'state'
> & { createdAt: InstantLike } & Live;

export type MeasurementLike = Pick<Measurement, 'id' | 'objectiveId' | 'value' | 'measuredOn'> & Live;

export type CommitmentLike = Pick<
  Commitment,
  | 'id'
  | 'accountId'
  | 'side'
  | 'ownerId'
  | 'contactId'
  | 'what'
  | 'dueOn'
  | 'state'
  | 'closedOn'
  | 'interactionId'
> &
  Live;

export type ConflictLike = Pick<
  Conflict,
  | 'id'
  | 'accountId'
  | 'title'
  | 'severity'
  | 'level'
  | 'ownerId'
  | 'openedOn'
  | 'state'
  | 'resolvedOn'
  | 'interactionId'
  | 'slaPeriods'
  | 'levelHistory'
> &
  Live;

export type ReviewLike = Pick<Review, 'id' | 'accountId' | 'heldOn' | 'ourRating' | 'theirRating'> & Live;

export type MilestoneLike = Pick<
  Milestone,
  'id' | 'accountId' | 'title' | 'dueOn' | 'achievedOn' | 'celebratedOn' | 'interactionId'
> &
  Live;

export type ResponsibilityLike = Pick<
  Responsibility,
  'id' | 'area' | 'objectiveId' | 'userId' | 'contactId' | 'role'
> &
  Live;

/** Whether a record is not tombstoned. */
export function isLive(record: Live): boolean {
  return record.deletedAt == null;
}
