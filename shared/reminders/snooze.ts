import type { SnoozeRequest } from '../schemas/reminder.ts';
import type { BusinessCalendar } from '../time/business-calendar.ts';
import {
  addBusinessDays,
  addWorkingHours,
  nextWorkingStart,
  snapToWorkingTime,
} from '../time/business-time.ts';
import { type InstantLike, toEpochMs, toIsoString } from '../time/instant.ts';
import { addLocalDays, nextLocalWeekday, startOfLocalDay } from '../time/local-day.ts';
import { DEFAULT_WORKING_HOURS, type WorkingHours } from '../time/working-hours.ts';

/** Working hours added by the `later-today` preset. */
export const LATER_TODAY_HOURS = 3;

/**
 * When a snoozed reminder comes back, as an ISO 8601 UTC string, always
 * inside the user's working hours:
 *
 * - `later-today`: 3 working hours from now (spilling into the next working
 *   day when fewer remain);
 * - `tomorrow-morning`: the start of the next working day after today;
 * - `in-3-business-days`: 3 business days from now, same time of day;
 * - `next-monday`: the next Monday's working start (the following working
 *   day if that Monday is a holiday);
 * - `{until}`: that instant snapped to working time; a past instant counts as
 *   now, so the reminder is due again at once (or at the next working start).
 */
export function snoozeUntil(
  request: SnoozeRequest,
  now: InstantLike,
  zone: string,
  workingHours: WorkingHours = DEFAULT_WORKING_HOURS,
  holidays: readonly string[] = [],
): string {
  const calendar: BusinessCalendar = { timeZone: zone, workingHours, holidays };
  const nowMs = toEpochMs(now);
  if ('until' in request)
    return toIsoString(snapToWorkingTime(Math.max(toEpochMs(request.until), nowMs), calendar));
  switch (request.preset) {
    case 'later-today':
      return toIsoString(addWorkingHours(nowMs, LATER_TODAY_HOURS, calendar));
    case 'tomorrow-morning':
      return toIsoString(nextWorkingStart(startOfLocalDay(addLocalDays(nowMs, 1, zone), zone), calendar));
    case 'in-3-business-days':
      return toIsoString(addBusinessDays(nowMs, 3, calendar));
    case 'next-monday':
      return toIsoString(snapToWorkingTime(nextLocalWeekday(nowMs, 1, zone, workingHours.start), calendar));
  }
}
