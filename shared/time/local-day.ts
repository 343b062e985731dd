/** Calendar-day operations in a zone: local dates, midnights and weekdays. */
import { formatLocalDate, type IsoWeekday, isoWeekdayOf, MS_PER_DAY, parseLocalDate } from './civil-date.ts';
import type { InstantLike } from './instant.ts';
import { clockToMinutes } from './working-hours.ts';
import { fromWallMs, toWallMs } from './zone.ts';

/** The `YYYY-MM-DD` local date of an instant in a zone. */
export function toLocalDate(instant: InstantLike, zone: string): string {
  return formatLocalDate(Math.floor(toWallMs(instant, zone) / MS_PER_DAY));
}

/**
 * The instant at which a local date and `HH:MM` time occur in a zone. A time
 * skipped by DST resolves forward, a repeated one to its first occurrence.
 */
export function localDateTimeToInstant(date: string, time: string, zone: string): number {
  return fromWallMs(parseLocalDate(date) * MS_PER_DAY + clockToMinutes(time) * 60_000, zone);
}

/**
 * The first instant of the local day containing `instant`. Usually local
 * midnight; where DST skips midnight, the first instant that exists.
 */
export function startOfLocalDay(instant: InstantLike, zone: string): number {
  return fromWallMs(Math.floor(toWallMs(instant, zone) / MS_PER_DAY) * MS_PER_DAY, zone);
}

/**
 * The same local time of day `n` calendar days later (or earlier for a
 * negative `n`). Across a DST change this is 23 or 25 hours per day, not 24.
 */
export function addLocalDays(instant: InstantLike, n: number, zone: string): number {
  if (!Number.isInteger(n)) throw new RangeError(`Days must be a whole number: ${n}`);
  return fromWallMs(toWallMs(instant, zone) + n * MS_PER_DAY, zone);
}

/**
 * The next date strictly after the local date of `instant` that falls on
 * `weekday` (1 = Monday … 7 = Sunday), at `time` (`HH:MM`, default 00:00).
 * On a Monday, the next Monday is 7 days later.
 */
export function nextLocalWeekday(
  instant: InstantLike,
  weekday: IsoWeekday,
  zone: string,
  time = '00:00',
): number {
  const today = Math.floor(toWallMs(instant, zone) / MS_PER_DAY);
  const ahead = ((weekday - isoWeekdayOf(today) + 6) % 7) + 1;
  return fromWallMs((today + ahead) * MS_PER_DAY + clockToMinutes(time) * 60_000, zone);
}

/**
 * The most recent local date on or before the local date of `instant` that
 * falls on `weekday`, as `YYYY-MM-DD`. On a Monday, asking for Monday gives
 * today.
 */
export function latestLocalWeekday(instant: InstantLike, weekday: IsoWeekday, zone: string): string {
  const today = Math.floor(toWallMs(instant, zone) / MS_PER_DAY);
  const back = (isoWeekdayOf(today) - weekday + 7) % 7;
  return formatLocalDate(today - back);
}
