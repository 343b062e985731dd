/**
 * Parsing the dates and times the apps print ("Mon, Nov 23, 2026, 9:14 AM",
 * "Monday, November 23⋅10:00 – 11:00am", "Mon 11/23/2026 10:00 AM - 11:00 AM")
 * into instants. The text carries no zone, so the caller says which zone the
 * page displays times in.
 */
import { epochDayOf, MS_PER_DAY } from '../../shared/time/civil-date.ts';
import { fromWallMs, toWallMs } from '../../shared/time/zone.ts';
import {
  build,
  type Civil,
  type DateToken,
  dateToken,
  epochToCivil,
  numericDate,
  type TimeToken,
} from './time-build.ts';
import { MONTH_SRC, monthOf, RELATIVE_SRC, relativeShift, WEEKDAY_SRC } from './time-words.ts';

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

const wd = (n: number) => `(?:(?<wd${n}>${WEEKDAY_SRC}))?`;
const mon = (name: string) => `(?<${name}>${MONTH_SRC})`;
const year = (name: string) => String.raw`(?:,?\s+(?<${name}>\d{4})(?![\d:]))?`;
// "10-May-23" (Outlook's collapsed messages): a two-digit year only after a hyphen.
const dayMonthYear = String.raw`(?:-(?<dmYear2>\d{4}|\d{2})(?![\d:])|,?\s+(?<dmYear>\d{4})(?![\d:]))?`;
// Day before month comes first: "mar. 24 nov." is French Tuesday the 24th, not March 24.
const TOKEN_RE = new RegExp(
  [
    String.raw`\b(?<isoY>\d{4})-(?<isoMo>\d{2})-(?<isoD>\d{2})(?:T(?<isoH>\d{2}):(?<isoMi>\d{2})(?::\d{2}(?:\.\d+)?)?(?<isoZ>Z|[+-]\d{2}:?\d{2})?)?`,
    String.raw`\b${wd(2)}(?<dmDay>\d{1,2})(?:st|nd|rd|th|er)?\.?(?:\s+(?:de\s+)?|-)${mon('dmMon')}${dayMonthYear}`,
    String.raw`\b${wd(1)}${mon('mdMon')}\s+(?<mdDay>\d{1,2})(?!\d)(?:st|nd|rd|th)?(?:\s*[-–—]\s*(?<mdEnd>\d{1,2})(?![\d:]|\s*[ap]\.?m))?${year('mdYear')}`,
    String.raw`\b${wd(3)}(?<numA>\d{1,4})(?<numSep>[/.])(?<numB>\d{1,2})\k<numSep>(?<numC>\d{4}|\d{2})(?!\d)`,
    String.raw`(?<![\p{L}\d])(?<rel>${RELATIVE_SRC})`,
    String.raw`(?<!\d)(?<t12h>\d{1,2})(?::(?<t12m>\d{2}))?(?::\d{2})?\s*(?<mer>[ap])\.?\s?m\b\.?`,
    String.raw`(?<![\d/])(?<t24h>\d{1,2}):(?<t24m>\d{2})(?::\d{2})?(?![\d/])`,
    // French "13 h 30", "13h".
    String.raw`(?<![\d:])(?<thH>\d{1,2})\s?h\s?(?<thM>\d{2})?(?![\p{L}\d])`,
    String.raw`\b(?<word>noon|midnight|mittag|midi|minuit|mitternacht)(?!\p{L})`,
  ].join('|'),
  'giu',
);

const NOON = new Set(['noon', 'mittag', 'midi']);

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

/**
 * The latest of several printed times, or null. Each item is one element's
 * readings, most reliable first (e.g. its `title`, then its text): the first
 * that parses counts. Converts one reading to an instant, not all of them.
 */
export function latestInstant(items: Iterable<string | readonly string[]>, ctx: TimeContext): string | null {
  let best: number | null = null;
  for (const item of items) {
    for (const text of typeof item === 'string' ? [item] : item) {
      const start = text ? parseWallRange(text, ctx)?.start : undefined;
      if (start === undefined) continue;
      if (best === null || start > best) best = start;
      break;
    }
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
      // Nobody writes month.day.year: dots always put the day first.
      dates.push(numericDate(g.wd3, g.numA, g.numB!, g.numC!, g.numSep === '.' || (ctx.dayFirst ?? false)));
    } else if (g.rel) {
      const t = today();
      dates.push({
        ...epochToCivil(epochDayOf(t.year, t.month, t.day) + relativeShift(g.rel)),
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
    } else if (g.thH) {
      times.push({ hour: Number(g.thH), minute: Number(g.thM ?? 0), meridiem: null });
    } else if (g.word) {
      times.push({ hour: NOON.has(g.word.toLowerCase()) ? 12 : 0, minute: 0, meridiem: null });
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

function wallDate(now: number, zone: string | undefined): Civil {
  return epochToCivil(Math.floor(wallOf(now, zone) / MS_PER_DAY));
}
