import type { WorkingHours } from '../schemas/settings.ts';

export type { WorkingHours };

/** `HH:MM`, 24-hour. */
export const CLOCK_RE = /^([01]\d|2[0-3]):([0-5]\d)$/;

/** Monday to Friday, 09:00–17:00 (design §6). */
export const DEFAULT_WORKING_HOURS: WorkingHours = Object.freeze({
  days: Object.freeze([1, 2, 3, 4, 5]) as number[],
  start: '09:00',
  end: '17:00',
});

/**
 * Minutes after midnight of an `HH:MM` time.
 *
 * @throws RangeError when the string is not `HH:MM`.
 */
export function clockToMinutes(clock: string): number {
  const m = CLOCK_RE.exec(clock);
  if (!m) throw new RangeError(`Invalid time of day, expected HH:MM: ${clock}`);
  return Number(m[1]) * 60 + Number(m[2]);
}
