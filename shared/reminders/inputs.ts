/**
 * The plain data the reminder rules read. Each type is the minimal subset of
 * the wire/D1 records, so the Worker can pass rows straight through.
 */
import type { Tag, Tier } from '../schemas/common.ts';
import type { ReminderRule } from '../schemas/reminder.ts';
import type { InstantLike } from '../time/instant.ts';
import type { WorkingHours } from '../time/working-hours.ts';

/** An account as the rules see it. */
export interface ReminderAccount {
  id: string;
  name: string;
  tier: Tier;
  /** Keep-in-touch cadence override in days; null uses the org default for the tier. */
  cadenceDays: number | null;
  ownerId: string | null;
  /** A tactical alliance's end date, `YYYY-MM-DD`. */
  endsOn: string | null;
  createdAt: InstantLike;
  /** A tombstoned account gets no reminders. */
  deletedAt: InstantLike | null;
}

/** An interaction as the rules see it. */
export interface ReminderInteraction {
  id: string;
  userId: string;
  accountId: string | null;
  tag: Tag;
  occurredAt: InstantLike;
  followUpAt: InstantLike | null;
  awaitingReply: boolean;
  title: string;
  /** Tombstoned interactions are ignored. */
  deletedAt: InstantLike | null;
}

/** A possible recipient: their zone and, optionally, their own working hours. */
export interface ReminderUser {
  id: string;
  timeZone: string;
  /** Null or absent uses the org's working hours. */
  workingHours?: WorkingHours | null;
}

/**
 * A reminder as the rules compute it: everything but the user-owned state.
 * `reconcile` merges drafts with stored reminders.
 */
export interface ReminderDraft {
  /** Deterministic: `reminderId(rule, subject, duePeriod)`. */
  id: string;
  rule: ReminderRule;
  /** The recipient. */
  userId: string;
  accountId: string | null;
  interactionId: string | null;
  title: string;
  /** ISO 8601 UTC; always inside the recipient's working hours. */
  dueAt: string;
}
