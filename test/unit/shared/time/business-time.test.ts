import { describe, expect, it } from 'vitest';
import type { BusinessCalendar } from '../../../../shared/time/business-calendar.ts';
import {
  addBusinessDays,
  addWorkingHours,
  isWorkingTime,
  nextWorkingStart,
  snapToWorkingTime,
} from '../../../../shared/time/business-time.ts';

const iso = (ms: number) => new Date(ms).toISOString();
const ny: BusinessCalendar = { timeZone: 'America/New_York' };
const berlin: BusinessCalendar = { timeZone: 'Europe/Berlin' };
const kolkata: BusinessCalendar = { timeZone: 'Asia/Kolkata' };

describe('isWorkingTime', () => {
  it('is true inside Mon–Fri 09:00–17:00 local and false at the edges outside', () => {
    expect(isWorkingTime('2026-03-09T13:00:00Z', ny)).toBe(true); // Mon 09:00 EDT
    expect(isWorkingTime('2026-03-09T12:59:59Z', ny)).toBe(false);
    expect(isWorkingTime('2026-03-09T20:59:59Z', ny)).toBe(true); // 16:59:59
    expect(isWorkingTime('2026-03-09T21:00:00Z', ny)).toBe(false); // 17:00 is the end
    expect(isWorkingTime('2026-03-07T15:00:00Z', ny)).toBe(false); // Saturday
  });

  it('uses the half-hour offset of Asia/Kolkata', () => {
    expect(isWorkingTime('2026-03-09T03:30:00Z', kolkata)).toBe(true); // 09:00 IST
    expect(isWorkingTime('2026-03-09T03:29:00Z', kolkata)).toBe(false);
    expect(isWorkingTime('2026-03-09T11:29:00Z', kolkata)).toBe(true); // 16:59 IST
    expect(isWorkingTime('2026-03-09T11:30:00Z', kolkata)).toBe(false);
  });

  it('treats org holidays as non-working days in the person’s own zone', () => {
    const withHoliday: BusinessCalendar = { timeZone: 'Asia/Kolkata', holidays: ['2026-03-09'] };
    expect(isWorkingTime('2026-03-09T05:00:00Z', withHoliday)).toBe(false);
    expect(isWorkingTime('2026-03-10T05:00:00Z', withHoliday)).toBe(true);
    // 2026-03-09T14:00Z is still Monday the 9th in New York, a holiday there too.
    expect(
      isWorkingTime('2026-03-09T14:00:00Z', { timeZone: 'America/New_York', holidays: ['2026-03-09'] }),
    ).toBe(false);
  });

  it('honours custom working days and hours (Sun–Thu 08:00–16:00 in Dubai)', () => {
    const dubai: BusinessCalendar = {
      timeZone: 'Asia/Dubai',
      workingHours: { days: [7, 1, 2, 3, 4], start: '08:00', end: '16:00' },
    };
    expect(isWorkingTime('2026-03-08T04:00:00Z', dubai)).toBe(true); // Sunday 08:00
    expect(isWorkingTime('2026-03-13T06:00:00Z', dubai)).toBe(false); // Friday
  });
});

describe('snapToWorkingTime and nextWorkingStart', () => {
  it('moves a Friday-evening follow-up to Monday 09:00 across the spring-forward', () => {
    // Fri 2026-03-06 18:00 EST; DST starts Sunday; Monday 09:00 is EDT.
    expect(iso(snapToWorkingTime('2026-03-06T23:00:00Z', ny))).toBe('2026-03-09T13:00:00.000Z');
  });

  it('moves a Friday-evening follow-up to Monday 09:00 across the fall-back', () => {
    // Fri 2026-10-30 17:30 EDT; DST ends Sunday; Monday 09:00 is EST.
    expect(iso(snapToWorkingTime('2026-10-30T21:30:00Z', ny))).toBe('2026-11-02T14:00:00.000Z');
  });

  it('keeps a time inside working hours and moves early mornings to the same day’s start', () => {
    expect(iso(snapToWorkingTime('2026-03-10T15:00:00Z', ny))).toBe('2026-03-10T15:00:00.000Z');
    expect(iso(snapToWorkingTime('2026-03-10T10:00:00Z', ny))).toBe('2026-03-10T13:00:00.000Z');
  });

  it('skips holidays', () => {
    const cal: BusinessCalendar = { timeZone: 'America/New_York', holidays: ['2026-03-09', '2026-03-10'] };
    expect(iso(snapToWorkingTime('2026-03-06T23:00:00Z', cal))).toBe('2026-03-11T13:00:00.000Z');
  });

  it('handles Europe/Berlin over its spring-forward weekend', () => {
    // Sat 2026-03-28 12:00 CET → Mon 2026-03-30 09:00 CEST = 07:00Z.
    expect(iso(snapToWorkingTime('2026-03-28T11:00:00Z', berlin))).toBe('2026-03-30T07:00:00.000Z');
  });

  it('nextWorkingStart from inside hours is the next working day’s start; from a start, itself', () => {
    expect(iso(nextWorkingStart('2026-03-10T15:00:00Z', ny))).toBe('2026-03-11T13:00:00.000Z');
    expect(iso(nextWorkingStart('2026-03-10T13:00:00Z', ny))).toBe('2026-03-10T13:00:00.000Z');
    expect(iso(nextWorkingStart('2026-03-06T15:00:00Z', kolkata))).toBe('2026-03-09T03:30:00.000Z');
  });

  it('fails loudly rather than looping when nothing is ever a working day', () => {
    const allHolidays = Array.from({ length: 1_100 }, (_, i) =>
      new Date(Date.UTC(2026, 0, 1 + i)).toISOString().slice(0, 10),
    );
    expect(() =>
      snapToWorkingTime('2026-01-01T00:00:00Z', { timeZone: 'UTC', holidays: allHolidays }),
    ).toThrow(RangeError);
  });
});

describe('addBusinessDays', () => {
  it('keeps the time of day and skips the weekend', () => {
    // Fri 15:00 EST + 3 → Wed 15:00 EDT.
    expect(iso(addBusinessDays('2026-03-06T20:00:00Z', 3, ny))).toBe('2026-03-11T19:00:00.000Z');
    expect(iso(addBusinessDays('2026-03-06T20:00:00Z', 1, ny))).toBe('2026-03-09T19:00:00.000Z');
  });

  it('snaps the start first: a Saturday message plus one business day is Tuesday 09:00', () => {
    expect(iso(addBusinessDays('2026-03-07T15:00:00Z', 1, ny))).toBe('2026-03-10T13:00:00.000Z');
    expect(iso(addBusinessDays('2026-03-07T15:00:00Z', 0, ny))).toBe('2026-03-09T13:00:00.000Z');
  });

  it('skips holidays', () => {
    const cal: BusinessCalendar = { timeZone: 'Europe/Berlin', holidays: ['2026-04-03', '2026-04-06'] };
    // Thu 2026-04-02 10:00 CEST + 1 → Good Friday and Easter Monday skipped → Tue 2026-04-07 10:00.
    expect(iso(addBusinessDays('2026-04-02T08:00:00Z', 1, cal))).toBe('2026-04-07T08:00:00.000Z');
  });

  it('rejects negative and fractional counts', () => {
    expect(() => addBusinessDays(0, -1, ny)).toThrow(RangeError);
    expect(() => addBusinessDays(0, 1.5, ny)).toThrow(RangeError);
  });
});

describe('addWorkingHours', () => {
  it('spills over the weekend', () => {
    // Fri 15:00 EST + 3h → 2h on Friday, 1h on Monday → Mon 10:00 EDT.
    expect(iso(addWorkingHours('2026-03-06T20:00:00Z', 3, ny))).toBe('2026-03-09T14:00:00.000Z');
  });

  it('stays within the day when there is room, fractions included', () => {
    expect(iso(addWorkingHours('2026-03-10T13:00:00Z', 2.5, ny))).toBe('2026-03-10T15:30:00.000Z');
  });

  it('never ends exactly at the end of hours: 14:00 + 3h is the next working start', () => {
    expect(iso(addWorkingHours('2026-03-10T18:00:00Z', 3, ny))).toBe('2026-03-11T13:00:00.000Z');
  });

  it('counts from the next start when called outside hours', () => {
    expect(iso(addWorkingHours('2026-03-07T15:00:00Z', 1, kolkata))).toBe('2026-03-09T04:30:00.000Z');
  });

  it('spans several days (20 working hours from Monday 09:00 is Wednesday 13:00)', () => {
    expect(iso(addWorkingHours('2026-03-09T13:00:00Z', 20, ny))).toBe('2026-03-11T17:00:00.000Z');
  });
});
