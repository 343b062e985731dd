/**
 * Parsing the dates and times the apps print ("Mon, Nov 23, 2026, 9:14 AM",
 * "Monday, November 23⋅10:00 – 11:00am", "Mon 11/23/2026 10:00 AM - 11:00 AM")
 * into instants. The text carries no zone, so the caller says which zone the
 * page displays times in.
 */
import { epochDayOf, isoWeekdayOf, MS_PER_DAY } from '../../shared/time/civil-date.ts';
import { fromWallMs, toWallMs } from '../../shared/time/zone.ts';

/** What a date string needs besides itself. */
export interface TimeContext {
  /** IANA zone the page shows times in; undefined for the runtime's own zone. */
  timeZone: string | undefined;
  /** Epoch ms; a date printed without a year is taken as the nearest such date. */
  now: number;
  /** A date the page is about (e.g. from the URL), used instead of `now` to pick a missing year. */
  near?: { year: number; month: number; day: number } | undefined;
  /** Read `03/04/2026` as 3 April rather than March 4. */
  dayFirst?: boolean | undefined;
}

export interface ParsedRange {
  /** ISO instant. */
  start: string;
  /** ISO instant, or null when the text gives a single time. */
  end: string | null;
  /** True when the text gave dates but no times. */
  allDay: boolean;
}

const MONTHS: Record<string, number> = {
  jan: 1,
  feb: 2,
  mar: 3,
  apr: 4,
  may: 5,
  jun: 6,
  jul: 7,
  aug: 8,
  sep: 9,
  oct: 10,
  nov: 11,
  dec: 12,
};
const WEEKDAYS: Record<string, number> = { mon: 1, tue: 2, wed: 3, thu: 4, fri: 5, sat: 6, sun: 7 };

const wd = (n: number) => String.raw`(?:(?<wd${n}>mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?,?\s+)?`;
const mon = (name: string) =>
  String.raw`(?<${name}>jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?`;
const year = (name: string) => String.raw`(?:,?\s+(?<${name}>\d{4})(?![\d:]))?`;
// "10-May-23" (Outlook's collapsed messages): a two-digit year only after a hyphen.
const dayMonthYear = String.raw`(?:-(?<dmYear2>\d{4}|\d{2})(?![\d:])|,?\s+(?<dmYear>\d{4})(?![\d:]))?`;
const TOKEN_RE = new RegExp(
  [
    String.raw`\b(?<isoY>\d{4})-(?<isoMo>\d{2})-(?<isoD>\d{2})(?:T(?<isoH>\d{2}):(?<isoMi>\d{2})(?::\d{2}(?:\.\d+)?)?(?<isoZ>Z|[+-]\d{2}:?\d{2})?)?`,
    String.raw`\b${wd(1)}${mon('mdMon')}\s+(?<mdDay>\d{1,2})(?!\d)(?:st|nd|rd|th)?(?:\s*[-–—]\s*(?<mdEnd>\d{1,2})(?![\d:]|\s*[ap]\.?m))?${year('mdYear')}`,
    String.raw`\b${wd(2)}(?<dmDay>\d{1,2})(?:st|nd|rd|th)?\.?(?:\s+(?:de\s+)?|-)${mon('dmMon')}${dayMonthYear}`,
    String.raw`\b${wd(3)}(?<numA>\d{1,4})[/.](?<numB>\d{1,2})[/.](?<numC>\d{4}|\d{2})(?!\d)`,
    String.raw`\b(?<rel>today|yesterday|tomorrow)`,
    String.raw`(?<!\d)(?<t12h>\d{1,2})(?::(?<t12m>\d{2}))?(?::\d{2})?\s*(?<mer>[ap])\.?\s?m\b\.?`,
    String.raw`(?<![\d/])(?<t24h>\d{1,2}):(?<t24m>\d{2})(?::\d{2})?(?![\d/])`,
    String.raw`\b(?<word>noon|midnight)`,
  ].join('|'),
  'giu',
);

interface DateToken {
  year: number | null;
  month: number;
  day: number;
  weekday: number | null;
  /** "November 23 – 25": the last day of a range in the same month. */
  endDay: number | null;
}
interface TimeToken {
  hour: number;
  minute: number;
  meridiem: 'a' | 'p' | null;
}

/** Wall-clock readings of a printed range, as "wall ms" (the reading encoded as if the zone were UTC). */
export interface WallRange {
  start: number;
  end: number | null;
  allDay: boolean;
}

/** A single instant from text such as "Mon, Nov 23, 2026, 9:14 AM", or null. */
export function parseInstant(text: string, ctx: TimeContext): string | null {
  const wall = parseWallRange(text, ctx);
  return wall ? wallToInstant(wall.start, ctx.timeZone) : null;
}

/** The latest of several printed times, or null. Converts one reading to an instant, not all of them. */
export function latestInstant(texts: Iterable<string>, ctx: TimeContext): string | null {
  let best: number | null = null;
  for (const text of texts) {
    const start = parseWallRange(text, ctx)?.start;
    if (start !== undefined && (best === null || start > best)) best = start;
  }
  return best === null ? null : wallToInstant(best, ctx.timeZone);
}

/** A start and optional end from text such as "Monday, November 23⋅10:00 – 11:00am", or null. */
export function parseRange(text: string, ctx: TimeContext): ParsedRange | null {
  const wall = parseWallRange(text, ctx);
  if (!wall) return null;
  const start = wallToInstant(wall.start, ctx.timeZone);
  if (!start) return null;
  return {
    start,
    end: wall.end === null ? null : wallToInstant(wall.end, ctx.timeZone),
    allDay: wall.allDay,
  };
}

/** The wall-clock reading(s) a text prints, or null. */
export function parseWallRange(text: string, ctx: TimeContext): WallRange | null {
  try {
    return parseTokens(text.slice(0, 300), ctx);
  } catch {
    return null;
  }
}

/**
 * The ISO instant at which the zone's clocks read `wall`, or null for an
 * unknown zone. The runtime's own zone goes through `Date`, which resolves DST
 * gaps and overlaps the same way (ES2023 "compatible") without building an
 * Intl formatter, the slowest step of a first extraction in a browser.
 */
export function wallToInstant(wall: number, zone: string | undefined): string | null {
  try {
    if (zone !== undefined) return new Date(fromWallMs(wall, zone)).toISOString();
    const w = new Date(wall);
    const local = new Date(
      w.getUTCFullYear(),
      w.getUTCMonth(),
      w.getUTCDate(),
      w.getUTCHours(),
      w.getUTCMinutes(),
    );
    return local.toISOString();
  } catch {
    return null;
  }
}

/** Wall ms of an instant in the zone (or the runtime's own). */
function wallOf(ms: number, zone: string | undefined): number {
  return zone === undefined ? ms - new Date(ms).getTimezoneOffset() * 60_000 : toWallMs(ms, zone);
}

function parseTokens(text: string, ctx: TimeContext): WallRange | null {
  const dates: DateToken[] = [];
  const times: TimeToken[] = [];
  let todayCache: Civil | undefined;
  const today = (): Civil => {
    todayCache ??= wallDate(ctx.now, ctx.timeZone);
    return todayCache;
  };
  for (const m of text.matchAll(TOKEN_RE)) {
    const g = m.groups ?? {};
    if (g.isoY) {
      if (g.isoZ && g.isoH && dates.length === 0) {
        const ms = Date.parse(`${g.isoY}-${g.isoMo}-${g.isoD}T${g.isoH}:${g.isoMi}:00${offsetOf(g.isoZ)}`);
        if (Number.isFinite(ms)) return { start: wallOf(ms, ctx.timeZone), end: null, allDay: false };
      }
      dates.push({
        year: Number(g.isoY),
        month: Number(g.isoMo),
        day: Number(g.isoD),
        weekday: null,
        endDay: null,
      });
      if (g.isoH) times.push({ hour: Number(g.isoH), minute: Number(g.isoMi), meridiem: null });
    } else if (g.mdMon) {
      dates.push(dateToken(g.wd1, monthOf(g.mdMon), g.mdDay, g.mdYear, g.mdEnd));
    } else if (g.dmMon) {
      const y2 = g.dmYear2 && g.dmYear2.length === 2 ? `20${g.dmYear2}` : g.dmYear2;
      dates.push(dateToken(g.wd2, monthOf(g.dmMon), g.dmDay, y2 ?? g.dmYear, undefined));
    } else if (g.numA) {
      dates.push(numericDate(g.wd3, g.numA, g.numB!, g.numC!, ctx.dayFirst ?? false));
    } else if (g.rel) {
      const shift = g.rel.toLowerCase() === 'yesterday' ? -1 : g.rel.toLowerCase() === 'tomorrow' ? 1 : 0;
      const t = today();
      dates.push({
        ...epochToCivil(epochDayOf(t.year, t.month, t.day) + shift),
        weekday: null,
        endDay: null,
      });
    } else if (g.t12h) {
      times.push({
        hour: Number(g.t12h),
        minute: Number(g.t12m ?? 0),
        meridiem: g.mer!.toLowerCase() as 'a' | 'p',
      });
    } else if (g.t24h) {
      times.push({ hour: Number(g.t24h), minute: Number(g.t24m), meridiem: null });
    } else if (g.word) {
      times.push({ hour: g.word.toLowerCase() === 'noon' ? 12 : 0, minute: 0, meridiem: null });
    }
    if (dates.length >= 2 && times.length >= 2) break;
  }
  const first = dates[0];
  if (!first) return null;
  // Only a date printed without a year needs to know what "now" is.
  const near = ctx.near;
  return build(first, dates[1], times, near ? () => near : today);
}

function offsetOf(zone: string): string {
  return zone.length === 5 ? `${zone.slice(0, 3)}:${zone.slice(3)}` : zone;
}

function build(
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

interface Civil {
  year: number;
  month: number;
  day: number;
}

function dateToken(
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
    weekday: wd ? (WEEKDAYS[wd.slice(0, 3).toLowerCase()] ?? null) : null,
    endDay: endDay ? Number(endDay) : null,
  };
}

function numericDate(wd: string | undefined, a: string, b: string, c: string, dayFirst: boolean): DateToken {
  const weekday = wd ? (WEEKDAYS[wd.slice(0, 3).toLowerCase()] ?? null) : null;
  // 2026/11/23
  if (a.length === 4) return { year: Number(a), month: Number(b), day: Number(c), weekday, endDay: null };
  if (a.length > 2) return { year: 0, month: 0, day: 0, weekday, endDay: null };
  const year = c.length === 2 ? 2000 + Number(c) : Number(c);
  let [month, day] = dayFirst ? [Number(b), Number(a)] : [Number(a), Number(b)];
  // A number above 12 settles which one is the day.
  if (month > 12 && day <= 12) [month, day] = [day, month];
  return { year, month, day, weekday, endDay: null };
}

function monthOf(name: string | undefined): number {
  return MONTHS[(name ?? '').slice(0, 3).toLowerCase()] ?? 0;
}

/** Epoch day of a token, choosing a missing year so the date lands nearest `near` (and on its weekday). */
function resolveDay(token: DateToken, nearDate: () => Civil): number | null {
  if (token.year !== null) return validDay(token.year, token.month, token.day, token.weekday, false);
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

function epochToCivil(epochDay: number): Civil {
  const d = new Date(epochDay * MS_PER_DAY);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

function wallDate(now: number, zone: string | undefined): Civil {
  return epochToCivil(Math.floor(wallOf(now, zone) / MS_PER_DAY));
}
