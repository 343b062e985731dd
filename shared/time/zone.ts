/**
 * Conversion between instants and wall-clock time in an IANA zone, using only
 * `Intl.DateTimeFormat`. A "wall ms" is the wall-clock reading encoded as if
 * the zone were UTC (`Date.UTC(year, month - 1, day, hour, …)`), which makes
 * date arithmetic on local time plain integer arithmetic.
 */
import { type IsoWeekday, isoWeekdayOf, MS_PER_DAY } from './civil-date.ts';
import { type InstantLike, toEpochMs } from './instant.ts';

/** How to resolve a wall-clock time that a DST change skips (gap) or repeats (overlap). */
export type Disambiguation = 'compatible' | 'earlier' | 'later' | 'reject';

/** A wall-clock date and time, without a zone. Month is 1–12. */
export interface LocalDateTime {
  year: number;
  month: number;
  day: number;
  hour?: number;
  minute?: number;
  second?: number;
  millisecond?: number;
}

/** A wall-clock reading of an instant in a zone. */
export interface ZonedDateTime extends Required<LocalDateTime> {
  /** ISO weekday, 1 = Monday … 7 = Sunday. */
  weekday: IsoWeekday;
  /** Offset from UTC in minutes (east positive), e.g. 330 for Asia/Kolkata. */
  offsetMinutes: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

/** One formatter per zone: constructing them is far slower than using them. */
function formatterFor(zone: string): Intl.DateTimeFormat {
  let f = formatters.get(zone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(zone, f);
  }
  return f;
}

/** `M/D/YYYY, HH:MM:SS` as en-US prints it; separators vary across ICU versions, digits do not. */
const EN_US_RE = /^(\d+)\D+(\d+)\D+(\d+)\D+(\d+)\D+(\d+)\D+(\d+)$/;

/** Wall ms of an instant whose milliseconds are zero. */
function wallOfWholeSecond(ms: number, zone: string): number {
  const formatter = formatterFor(zone);
  // `format` + a regex is ~4x faster than `formatToParts`; the latter is the fallback.
  const m = EN_US_RE.exec(formatter.format(ms));
  const d = new Date(0);
  if (m) {
    d.setUTCFullYear(Number(m[3]), Number(m[1]) - 1, Number(m[2]));
    d.setUTCHours(Number(m[4]) % 24, Number(m[5]), Number(m[6]), 0);
    return d.getTime();
  }
  const p: Record<string, number> = {};
  for (const part of formatter.formatToParts(ms)) p[part.type] = Number(part.value);
  d.setUTCFullYear(p.year ?? 1970, (p.month ?? 1) - 1, p.day ?? 1);
  d.setUTCHours((p.hour ?? 0) % 24, p.minute ?? 0, p.second ?? 0, 0);
  return d.getTime();
}

/** The offset at a whole-second instant, straight from `Intl`. */
function rawOffset(whole: number, zone: string): number {
  return wallOfWholeSecond(whole, zone) - whole;
}

const MAX_CACHED_DAYS_PER_ZONE = 20_000;

/**
 * Per zone, per UTC day: the offset when it is the same at the day's first
 * and last second, else NaN (a transition day, always computed exactly).
 * This assumes no zone changes offset and back within one UTC day, which
 * holds throughout the tz database; `fromWallMs` already assumes less.
 */
const dayOffsets = new Map<string, Map<number, number>>();

/**
 * The zone's offset from UTC at an instant, in milliseconds (east positive).
 *
 * @throws RangeError for an unknown zone.
 */
export function zoneOffsetMs(instant: InstantLike, zone: string): number {
  const ms = toEpochMs(instant);
  const whole = ms - (((ms % 1000) + 1000) % 1000);
  const day = Math.floor(whole / MS_PER_DAY);
  let days = dayOffsets.get(zone);
  if (!days) {
    days = new Map();
    dayOffsets.set(zone, days);
  }
  let offset = days.get(day);
  if (offset === undefined) {
    const first = rawOffset(day * MS_PER_DAY, zone);
    offset = first === rawOffset(day * MS_PER_DAY + MS_PER_DAY - 1000, zone) ? first : Number.NaN;
    if (days.size >= MAX_CACHED_DAYS_PER_ZONE) days.clear();
    days.set(day, offset);
  }
  return Number.isNaN(offset) ? rawOffset(whole, zone) : offset;
}

/** Wall ms (see module doc) of an instant in a zone. */
export function toWallMs(instant: InstantLike, zone: string): number {
  const ms = toEpochMs(instant);
  return ms + zoneOffsetMs(ms, zone);
}

/**
 * The instant at which a zone's clocks read `wallMs`. DST is handled like
 * Temporal: in a gap, `compatible` and `later` move forward by the gap's
 * length (02:30 on a spring-forward night becomes 03:30 new time), `earlier`
 * backward; in an overlap, `compatible` and `earlier` pick the first
 * occurrence, `later` the second.
 *
 * @throws RangeError when `disambiguation` is `reject` and the time is skipped or repeated.
 */
export function fromWallMs(
  wallMs: number,
  zone: string,
  disambiguation: Disambiguation = 'compatible',
): number {
  // At most one transition within ±1 day of any date in practice, so the
  // offsets a day either side are the only candidates.
  const before = zoneOffsetMs(wallMs - MS_PER_DAY, zone);
  const after = zoneOffsetMs(wallMs + MS_PER_DAY, zone);
  const early = wallMs - before;
  if (before === after) return early;
  const late = wallMs - after;
  const earlyOk = zoneOffsetMs(early, zone) === before;
  const lateOk = zoneOffsetMs(late, zone) === after;
  if (earlyOk && lateOk) {
    if (disambiguation === 'reject') throw new RangeError('Ambiguous wall-clock time (DST overlap)');
    return disambiguation === 'later' ? Math.max(early, late) : Math.min(early, late);
  }
  if (earlyOk) return early;
  if (lateOk) return late;
  if (disambiguation === 'reject') throw new RangeError('Skipped wall-clock time (DST gap)');
  // In the gap: `early` (computed with the offset before the change) lands after it.
  return disambiguation === 'earlier' ? Math.min(early, late) : Math.max(early, late);
}

/**
 * The wall-clock reading of an instant in a zone.
 *
 * @throws RangeError for an unknown zone or an invalid instant.
 */
export function getZonedDateTime(instant: InstantLike, zone: string): ZonedDateTime {
  const ms = toEpochMs(instant);
  const offset = zoneOffsetMs(ms, zone);
  const wall = new Date(ms + offset);
  return {
    year: wall.getUTCFullYear(),
    month: wall.getUTCMonth() + 1,
    day: wall.getUTCDate(),
    hour: wall.getUTCHours(),
    minute: wall.getUTCMinutes(),
    second: wall.getUTCSeconds(),
    millisecond: wall.getUTCMilliseconds(),
    weekday: isoWeekdayOf(Math.floor((ms + offset) / MS_PER_DAY)),
    offsetMinutes: offset / 60_000,
  };
}

/**
 * The instant (epoch ms) at which the zone's clocks show `local`. See
 * {@link fromWallMs} for how DST gaps and overlaps resolve.
 */
export function zonedDateTimeToInstant(
  local: LocalDateTime,
  zone: string,
  disambiguation: Disambiguation = 'compatible',
): number {
  const d = new Date(0);
  d.setUTCFullYear(local.year, local.month - 1, local.day);
  d.setUTCHours(local.hour ?? 0, local.minute ?? 0, local.second ?? 0, local.millisecond ?? 0);
  return fromWallMs(d.getTime(), zone, disambiguation);
}
