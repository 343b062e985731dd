/**
 * Calendar dates without a zone, as whole days since 1970-01-01 ("epoch
 * days"). Pure integer arithmetic, so business-time loops stay cheap.
 */

/** Milliseconds in one civil (wall-clock) day. */
export const MS_PER_DAY = 86_400_000;

/** ISO weekday: 1 = Monday … 7 = Sunday. */
export type IsoWeekday = 1 | 2 | 3 | 4 | 5 | 6 | 7;

const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Epoch day of a proleptic Gregorian date (month 1–12). */
export function epochDayOf(year: number, month: number, day: number): number {
  const d = new Date(0);
  d.setUTCFullYear(year, month - 1, day);
  return Math.floor(d.getTime() / MS_PER_DAY);
}

/**
 * Epoch day of a `YYYY-MM-DD` date.
 *
 * @throws RangeError when the string is not a real calendar date.
 */
export function parseLocalDate(date: string): number {
  const m = DATE_RE.exec(date);
  if (!m) throw new RangeError(`Invalid date, expected YYYY-MM-DD: ${date}`);
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const epochDay = epochDayOf(year, month, day);
  if (formatLocalDate(epochDay) !== date) throw new RangeError(`Invalid calendar date: ${date}`);
  return epochDay;
}

/** `YYYY-MM-DD` of an epoch day. */
export function formatLocalDate(epochDay: number): string {
  return new Date(epochDay * MS_PER_DAY).toISOString().slice(0, 10);
}

/** ISO weekday (1 = Monday … 7 = Sunday) of an epoch day. 1970-01-01 was a Thursday. */
export function isoWeekdayOf(epochDay: number): IsoWeekday {
  return (((((epochDay + 3) % 7) + 7) % 7) + 1) as IsoWeekday;
}
