import type { BusinessCalendar } from '../../shared/time/business-calendar.ts';
import { addBusinessDays, nextWorkingStart, snapToWorkingTime } from '../../shared/time/business-time.ts';
import {
  addLocalDays,
  localDateTimeToInstant,
  nextLocalWeekday,
  startOfLocalDay,
} from '../../shared/time/local-day.ts';

/** The follow-up quick picks of design §6. */
export const FOLLOW_UP_PICKS = [
  { value: 'none', label: 'No follow-up' },
  { value: 'tomorrow', label: 'Tomorrow' },
  { value: '3-business-days', label: 'In 3 business days' },
  { value: 'next-week', label: 'Next week' },
  { value: '2-weeks', label: 'In 2 weeks' },
  { value: 'date', label: 'On a date…' },
] as const;
export type FollowUpPick = (typeof FOLLOW_UP_PICKS)[number]['value'];

/**
 * When a follow-up picked in the form falls due, as an ISO instant inside the
 * user's working hours (in their zone), or null for none or an unusable date.
 * `date` is `YYYY-MM-DD`, read as that day's start of work.
 */
export function followUpAt(pick: FollowUpPick, now: number, timeZone: string, date = ''): string | null {
  const calendar: BusinessCalendar = { timeZone };
  let at: number;
  switch (pick) {
    case 'none':
      return null;
    case 'tomorrow':
      at = nextWorkingStart(startOfLocalDay(addLocalDays(now, 1, timeZone), timeZone), calendar);
      break;
    case '3-business-days':
      at = addBusinessDays(now, 3, calendar);
      break;
    case 'next-week':
      at = snapToWorkingTime(nextLocalWeekday(now, 1, timeZone, '09:00'), calendar);
      break;
    case '2-weeks':
      at = snapToWorkingTime(addLocalDays(now, 14, timeZone), calendar);
      break;
    case 'date': {
      if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) return null;
      try {
        at = snapToWorkingTime(localDateTimeToInstant(date, '09:00', timeZone), calendar);
      } catch {
        return null;
      }
      break;
    }
  }
  return new Date(at).toISOString();
}

/** The user's zone, falling back to the browser's when the profile has none or an unknown one. */
export function zoneOr(timeZone: string | null | undefined): string {
  if (timeZone) {
    try {
      new Intl.DateTimeFormat('en-US', { timeZone });
      return timeZone;
    } catch {}
  }
  return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
}
