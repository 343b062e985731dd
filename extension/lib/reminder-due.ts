import { effectiveDueAt, isActive } from '../../shared/reminders/escalation.ts';
import type { Reminder } from '../../shared/schemas/reminder.ts';

type DueFields = Pick<Reminder, 'state' | 'dueAt' | 'snoozedUntil' | 'deletedAt'>;

/** When a reminder next demands attention: its due time, or the end of its snooze; null once closed. */
export function attentionAt(r: DueFields): number | null {
  // Same rule as the server's (shared): the later of the due time and the end of a snooze.
  return r.deletedAt || !isActive(r) ? null : effectiveDueAt(r);
}

/** True when a reminder is due now: open and past due, or snoozed and the snooze has run out. */
export function isDue(r: DueFields, now: number): boolean {
  const at = attentionAt(r);
  return at !== null && at <= now;
}

/** Due reminders, most overdue first. */
export function dueReminders<R extends DueFields>(reminders: readonly R[], now: number): R[] {
  return reminders.filter((r) => isDue(r, now)).sort((a, b) => (attentionAt(a) ?? 0) - (attentionAt(b) ?? 0));
}

/** The earliest moment after `now` at which another reminder falls due, or null. */
export function nextDueAt(reminders: readonly DueFields[], now: number): number | null {
  let next: number | null = null;
  for (const r of reminders) {
    const at = attentionAt(r);
    if (at !== null && at > now && (next === null || at < next)) next = at;
  }
  return next;
}

/** The text of the toolbar badge: the due count, empty at zero, capped so it fits. */
export function badgeText(count: number): string {
  if (count <= 0) return '';
  return count > 99 ? '99+' : String(count);
}
