import { parseLocalDate } from './civil-date.ts';
import { clockToMinutes, DEFAULT_WORKING_HOURS, type WorkingHours } from './working-hours.ts';

/**
 * Everything business-time arithmetic needs about one person: their IANA
 * zone, their working hours (default Mon–Fri 09:00–17:00) and the org's
 * holidays as `YYYY-MM-DD` dates, read in that zone.
 */
export interface BusinessCalendar {
  timeZone: string;
  workingHours?: WorkingHours | null;
  holidays?: readonly string[];
}

/** A calendar parsed once into integers and sets; see {@link resolveCalendar}. */
export interface ResolvedCalendar {
  readonly zone: string;
  /** ISO weekdays that are working days. */
  readonly days: ReadonlySet<number>;
  /** Start and end of the working span, in minutes after local midnight. */
  readonly startMinute: number;
  readonly endMinute: number;
  /** Holidays as epoch days. */
  readonly holidays: ReadonlySet<number>;
}

const resolved = new WeakMap<BusinessCalendar, ResolvedCalendar>();

/**
 * Parse a calendar (hours, holiday dates) once. Results are cached per
 * calendar object, so reuse one object across calls on hot paths; treat it
 * as immutable after first use.
 *
 * @throws RangeError for an unknown zone, a malformed date or hours whose start is not before their end.
 */
export function resolveCalendar(calendar: BusinessCalendar): ResolvedCalendar {
  const hit = resolved.get(calendar);
  if (hit) return hit;
  const hours = calendar.workingHours ?? DEFAULT_WORKING_HOURS;
  const startMinute = clockToMinutes(hours.start);
  const endMinute = clockToMinutes(hours.end);
  if (startMinute >= endMinute) throw new RangeError('Working hours must start before they end');
  const days = new Set(hours.days.filter((d) => Number.isInteger(d) && d >= 1 && d <= 7));
  if (days.size === 0) throw new RangeError('Working hours need at least one weekday');
  // Validates the zone up front, so errors surface here rather than mid-loop.
  new Intl.DateTimeFormat('en-US', { timeZone: calendar.timeZone });
  const result: ResolvedCalendar = {
    zone: calendar.timeZone,
    days,
    startMinute,
    endMinute,
    holidays: new Set((calendar.holidays ?? []).map(parseLocalDate)),
  };
  resolved.set(calendar, result);
  return result;
}
