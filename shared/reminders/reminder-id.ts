import type { ReminderRule } from '../schemas/reminder.ts';
import { sha256Hex } from './sha256.ts';

/** The short prefix each rule's ids carry, so an id says what it is at a glance. */
export const REMINDER_ID_PREFIX = {
  'follow-up': 'fu',
  'awaiting-reply': 'ar',
  'keep-in-touch': 'kit',
  'strategic-review': 'sr',
  'alliance-ending': 'ae',
  balance: 'bal',
  'plan-review': 'pr',
  'kpi-stale': 'kpi',
  'commitment-due': 'cd',
  'conflict-sla': 'cs',
  'milestone-due': 'md',
  celebrate: 'cel',
} as const satisfies Record<ReminderRule, string>;

/**
 * The deterministic id of a reminder: `<prefix>_<sha256 hex>` of (rule,
 * subject, due period), e.g. `kit_3f2a…` (at most 68 characters).
 *
 * - `subject` is what the reminder is about: an interaction, account or user id.
 * - `duePeriod` names the cycle, e.g. the id of the interaction that started
 *   the keep-in-touch clock. A recompute in the same cycle gives the same id,
 *   so stored state survives; a new cycle gives a new id.
 */
export function reminderId(rule: ReminderRule, subject: string, duePeriod: string): string {
  // NUL cannot occur in ids or ISO dates, so the three parts cannot run together ambiguously.
  return `${REMINDER_ID_PREFIX[rule]}_${sha256Hex(`${rule}\u0000${subject}\u0000${duePeriod}`)}`;
}
