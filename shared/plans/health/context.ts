/** What every health part reads besides its own records. */
import type { ReminderAccount } from '../../reminders/inputs.ts';
import type { RuleContext } from '../../reminders/rule-context.ts';

/** The score (0–100) of one part and its sentence; `score` null means no data, the part is left out. */
export interface PartResult {
  score: number | null;
  reason: string;
}

/** Inputs shared by the part functions, built once per account by `computeHealth`. */
export interface HealthContext {
  account: ReminderAccount;
  /** Settings, active users and `now` (epoch ms). */
  rules: RuleContext;
  /** The local date at `now` in the account owner's zone (UTC without one), `YYYY-MM-DD`. */
  today: string;
}

/** Linear from 100 (at or under `full`) down to 0 (at or over `2 × full`), rounded. */
export function linearDecay(elapsed: number, full: number): number {
  if (elapsed <= full) return 100;
  if (elapsed >= 2 * full) return 0;
  return Math.round((100 * (2 * full - elapsed)) / full);
}
