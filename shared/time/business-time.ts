/**
 * Business-time arithmetic: working hours, org holidays and DST-correct
 * instants in the person's own zone. All functions take and return epoch
 * milliseconds (UTC) and are pure apart from internal caches.
 */
import { type BusinessCalendar, type ResolvedCalendar, resolveCalendar } from './business-calendar.ts';
import { isoWeekdayOf, MS_PER_DAY } from './civil-date.ts';
import { type InstantLike, toEpochMs } from './instant.ts';
import { fromWallMs, toWallMs } from './zone.ts';

/** A calendar without a working day for this long is a configuration error, not a loop to run forever. */
const MAX_SCAN_DAYS = 1_000;
const MAX_CACHED_DAYS = 8_192;

interface DaySpan {
  /** First working instant of the day, or NaN when the day has no working time. */
  start: number;
  /** First instant after the day's working time. */
  end: number;
}

/** Day spans per zone, hours and epoch day: the cron asks about the same few days thousands of times. */
const spans = new Map<string, DaySpan>();
const NO_SPAN: DaySpan = { start: Number.NaN, end: Number.NaN };

function spanOn(cal: ResolvedCalendar, epochDay: number): DaySpan {
  if (!cal.days.has(isoWeekdayOf(epochDay)) || cal.holidays.has(epochDay)) return NO_SPAN;
  const key = `${cal.zone}|${cal.startMinute}|${cal.endMinute}|${epochDay}`;
  let span = spans.get(key);
  if (!span) {
    const midnight = epochDay * MS_PER_DAY;
    const start = fromWallMs(midnight + cal.startMinute * 60_000, cal.zone);
    const end = fromWallMs(midnight + cal.endMinute * 60_000, cal.zone);
    // A span swallowed whole by a DST gap has no working time.
    span = start < end ? { start, end } : NO_SPAN;
    if (spans.size >= MAX_CACHED_DAYS) spans.clear();
    spans.set(key, span);
  }
  return span;
}

function localDay(ms: number, zone: string): number {
  return Math.floor(toWallMs(ms, zone) / MS_PER_DAY);
}

function noWorkingDay(): never {
  throw new RangeError(`No working time within ${MAX_SCAN_DAYS} days; check working hours and holidays`);
}

/** `ms` itself when it is working time, else the next working start (internal, resolved calendar). */
function snap(cal: ResolvedCalendar, ms: number): number {
  let day = localDay(ms, cal.zone);
  for (let i = 0; i < MAX_SCAN_DAYS; i++, day++) {
    const { start, end } = spanOn(cal, day);
    if (Number.isNaN(start) || ms >= end) continue;
    return Math.max(ms, start);
  }
  return noWorkingDay();
}

function nextStart(cal: ResolvedCalendar, ms: number): number {
  let day = localDay(ms, cal.zone);
  for (let i = 0; i < MAX_SCAN_DAYS; i++, day++) {
    const { start } = spanOn(cal, day);
    if (start >= ms) return start;
  }
  return noWorkingDay();
}

/**
 * Whether an instant falls inside working hours (`[start, end)`) on a working
 * day that is not a holiday, in the calendar's zone.
 */
export function isWorkingTime(instant: InstantLike, calendar: BusinessCalendar): boolean {
  const cal = resolveCalendar(calendar);
  const ms = toEpochMs(instant);
  const { start, end } = spanOn(cal, localDay(ms, cal.zone));
  return ms >= start && ms < end;
}

/**
 * The earliest start of working hours at or after `instant`. From inside
 * working hours this is the next working day's start.
 *
 * @throws RangeError when the calendar has no working time within ~1,000 days.
 */
export function nextWorkingStart(instant: InstantLike, calendar: BusinessCalendar): number {
  return nextStart(resolveCalendar(calendar), toEpochMs(instant));
}

/**
 * `instant` itself when it is working time; otherwise (a weekend, a holiday,
 * before or after hours) the next working start. A Friday-evening time lands
 * on Monday at the start of hours.
 */
export function snapToWorkingTime(instant: InstantLike, calendar: BusinessCalendar): number {
  return snap(resolveCalendar(calendar), toEpochMs(instant));
}

/**
 * `n` working days later at the same local time of day, skipping weekends
 * and holidays. The start is first snapped to working time, so a Saturday
 * email plus one business day is Tuesday at the start of hours.
 *
 * @param n a whole number ≥ 0.
 */
export function addBusinessDays(instant: InstantLike, n: number, calendar: BusinessCalendar): number {
  if (!Number.isInteger(n) || n < 0) throw new RangeError(`Business days must be a whole number ≥ 0: ${n}`);
  const cal = resolveCalendar(calendar);
  const from = snap(cal, toEpochMs(instant));
  if (n === 0) return from;
  const wall = toWallMs(from, cal.zone);
  let day = Math.floor(wall / MS_PER_DAY);
  const timeOfDay = wall - day * MS_PER_DAY;
  for (let counted = 0, scanned = 0; counted < n; scanned++) {
    if (scanned > MAX_SCAN_DAYS + n * 7) noWorkingDay();
    day++;
    if (!Number.isNaN(spanOn(cal, day).start)) counted++;
  }
  // DST can move the same wall time out of the span; snapping puts it back.
  return snap(cal, fromWallMs(day * MS_PER_DAY + timeOfDay, cal.zone));
}

/**
 * `hours` of working time later (fractions allowed), counting only time
 * inside working hours. A result that would land exactly on the end of hours
 * moves to the next working start, so the result is always working time.
 *
 * @param hours a finite number ≥ 0.
 */
export function addWorkingHours(instant: InstantLike, hours: number, calendar: BusinessCalendar): number {
  if (!Number.isFinite(hours) || hours < 0) throw new RangeError(`Working hours must be ≥ 0: ${hours}`);
  const cal = resolveCalendar(calendar);
  let cur = snap(cal, toEpochMs(instant));
  // Whole milliseconds, so float error cannot land a result exactly on the end of hours.
  let remaining = Math.round(hours * 3_600_000);
  for (;;) {
    const { end } = spanOn(cal, localDay(cur, cal.zone));
    const available = end - cur;
    if (remaining < available) return cur + remaining;
    remaining -= available;
    cur = nextStart(cal, end);
  }
}
