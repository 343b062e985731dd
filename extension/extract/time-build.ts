/**
 * Turning the date and time tokens read from a printed text into wall-clock
 * readings: resolving a missing year, a day-first or month-first numeric
 * date, a meridiem written once for two times, a range that runs overnight.
 */
import { epochDayOf, isoWeekdayOf, MS_PER_DAY } from '../../shared/time/civil-date.ts';
import type { WallRange } from './time.ts';
import { weekdayOf } from './time-words.ts';

export interface DateToken {
  year: number | null;
  month: number;
  day: number;
  weekday: number | null;
  /** "November 23 – 25": the last day of a range in the same month. */
  endDay: number | null;
  /** A numeric date that reads as another valid date with day and month swapped. */
  swapped?: boolean;
}
export interface TimeToken {
  hour: number;
  minute: number;
  meridiem: 'a' | 'p' | null;
}

export function build(
  first: DateToken,
  second: DateToken | undefined,
  times: TimeToken[],
  near: () => Civil,
): WallRange | null {
  const startDay = resolveDay(first, near);
  if (startDay === null) return null;
  let endDay: number | null = startDay;
  if (second) {
    const y = epochToCivil(startDay).year;
    endDay = resolveDay({ ...second, year: second.year ?? y }, near);
    if (endDay !== null && endDay < startDay && second.year === null)
      endDay = resolveDay({ ...second, year: y + 1 }, near);
  } else if (first.endDay !== null) {
    const c = epochToCivil(startDay);
    endDay = first.endDay >= c.day ? epochDayOf(c.year, c.month, first.endDay) : null;
  }
  if (endDay === null || endDay < startDay) return null;

  const [t0, t1] = times;
  if (!t0) return { start: startDay * MS_PER_DAY, end: (endDay + 1) * MS_PER_DAY, allDay: true };
  const [startMin, endMin] = clockMinutes(t0, t1);
  if (startMin === null) return null;
  const start = startDay * MS_PER_DAY + startMin * 60_000;
  if (!t1 || endMin === null) return { start, end: null, allDay: false };
  let end = endDay * MS_PER_DAY + endMin * 60_000;
  // "11pm – 1am" on one printed date runs overnight.
  if (end <= start && endDay === startDay) end += MS_PER_DAY;
  return { start, end, allDay: false };
}

/** Minutes after midnight for a start and end, sharing a meridiem written once ("10:00 – 11:00am"). */
function clockMinutes(t0: TimeToken, t1: TimeToken | undefined): [number | null, number | null] {
  let m0 = t0.meridiem;
  let m1 = t1?.meridiem ?? null;
  if (t1 && !m0 && m1) {
    m0 = m1;
    // "11:00 – 1:00pm" means 11 am.
    if (to24(t0.hour, m0) !== null && t1 && to24(t1.hour, m1)! < to24(t0.hour, m0)!) m0 = 'a';
  } else if (t1 && m0 && !m1 && t1.hour <= 12) {
    m1 = m0;
  }
  const h0 = to24(t0.hour, m0);
  const start = h0 === null || t0.minute > 59 ? null : h0 * 60 + t0.minute;
  if (!t1) return [start, null];
  const h1 = to24(t1.hour, m1);
  return [start, h1 === null || t1.minute > 59 ? null : h1 * 60 + t1.minute];
}

function to24(hour: number, meridiem: 'a' | 'p' | null): number | null {
  if (meridiem === null) return hour <= 23 ? hour : hour === 24 ? 0 : null;
  if (hour < 1 || hour > 12) return null;
  return (hour % 12) + (meridiem === 'p' ? 12 : 0);
}

export interface Civil {
  year: number;
  month: number;
  day: number;
}

export function dateToken(
  wd: string | undefined,
  month: number,
  day: string | undefined,
  year: string | undefined,
  endDay: string | undefined,
): DateToken {
  return {
    year: year ? Number(year) : null,
    month,
    day: Number(day),
    weekday: weekdayOf(wd),
    endDay: endDay ? Number(endDay) : null,
  };
}

export function numericDate(
  wd: string | undefined,
  a: string,
  b: string,
  c: string,
  dayFirst: boolean,
): DateToken {
  const weekday = weekdayOf(wd);
  // 2026/11/23
  if (a.length === 4) return { year: Number(a), month: Number(b), day: Number(c), weekday, endDay: null };
  if (a.length > 2) return { year: 0, month: 0, day: 0, weekday, endDay: null };
  const year = c.length === 2 ? 2000 + Number(c) : Number(c);
  let [month, day] = dayFirst ? [Number(b), Number(a)] : [Number(a), Number(b)];
  // A number above 12 settles which one is the day.
  if (month > 12 && day <= 12) [month, day] = [day, month];
  // Both readings are dates: a printed weekday can still tell them apart.
  const swapped = month !== day && day <= 12 && weekday !== null;
  return { year, month, day, weekday, endDay: null, ...(swapped ? { swapped: true } : {}) };
}

/** Epoch day of a token, choosing a missing year so the date lands nearest `near` (and on its weekday). */
function resolveDay(token: DateToken, nearDate: () => Civil): number | null {
  if (token.year !== null) {
    const day = validDay(token.year, token.month, token.day, token.weekday, false);
    // "Thu 11/12/2026" on a page whose locale guess was wrong: the weekday decides.
    if (day !== null && token.swapped && isoWeekdayOf(day) !== token.weekday) {
      const other = validDay(token.year, token.day, token.month, token.weekday, true);
      if (other !== null) return other;
    }
    return day;
  }
  const near = nearDate();
  const nearDay = epochDayOf(near.year, near.month, near.day);
  let best: number | null = null;
  for (const year of [near.year - 1, near.year, near.year + 1]) {
    const day = validDay(year, token.month, token.day, token.weekday, true);
    if (day !== null && (best === null || Math.abs(day - nearDay) < Math.abs(best - nearDay))) best = day;
  }
  return best;
}

function validDay(
  year: number,
  month: number,
  day: number,
  weekday: number | null,
  strictWeekday: boolean,
): number | null {
  if (month < 1 || month > 12 || day < 1 || day > 31 || year < 1970 || year > 9999) return null;
  const epochDay = epochDayOf(year, month, day);
  const c = epochToCivil(epochDay);
  if (c.month !== month || c.day !== day) return null;
  // With an explicit year a wrong weekday is the page's typo, not a reason to fail.
  if (strictWeekday && weekday !== null && isoWeekdayOf(epochDay) !== weekday) return null;
  return epochDay;
}

export function epochToCivil(epochDay: number): Civil {
  const d = new Date(epochDay * MS_PER_DAY);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}
