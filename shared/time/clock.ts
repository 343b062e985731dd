/** `HH:MM`, 24-hour. */
export const CLOCK_RE = /^([01]\d|2[0-3]):([0-5]\d)$/;

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
