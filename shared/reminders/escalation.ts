/** When a stored reminder is due, and when it is escalated to managers. */
import type { ReminderState } from '../schemas/reminder.ts';
import { MS_PER_DAY } from '../time/civil-date.ts';
import { type InstantLike, toEpochMs } from '../time/instant.ts';

/** The fields of a reminder that decide when it is due. */
export interface ReminderTiming {
  state: ReminderState;
  dueAt: InstantLike;
  snoozedUntil?: InstantLike | null;
}

/** Days overdue after which an active reminder is escalated (design §6). */
export const DEFAULT_ESCALATION_DAYS = 7;

/** Whether the reminder still asks for attention: open, or snoozed (it comes back). */
export function isActive(reminder: ReminderTiming): boolean {
  return reminder.state === 'open' || reminder.state === 'snoozed';
}

/**
 * When the reminder is (next) due, in epoch ms: the later of `dueAt` and
 * `snoozedUntil`. A snooze that has run out leaves the reminder due from the
 * end of the snooze, whether or not the state was flipped back to `open`.
 */
export function effectiveDueAt(reminder: ReminderTiming): number {
  const due = toEpochMs(reminder.dueAt);
  return reminder.snoozedUntil == null ? due : Math.max(due, toEpochMs(reminder.snoozedUntil));
}

/** Whether the reminder is active and due at `now` (badge, notification, "due" list). */
export function isDue(reminder: ReminderTiming, now: InstantLike): boolean {
  return isActive(reminder) && effectiveDueAt(reminder) <= toEpochMs(now);
}

/**
 * Whether the reminder is escalated: active (open, or snoozed with the snooze
 * over) and overdue by more than `days` (default 7) × 24 hours, counted from
 * {@link effectiveDueAt}, so a fresh snooze de-escalates it. Done and
 * dismissed reminders never are.
 */
export function isEscalated(
  reminder: ReminderTiming,
  now: InstantLike,
  days: number = DEFAULT_ESCALATION_DAYS,
): boolean {
  return isActive(reminder) && toEpochMs(now) - effectiveDueAt(reminder) > days * MS_PER_DAY;
}
