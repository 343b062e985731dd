import { describe, expect, it } from 'vitest';
import { WorkingHoursSchema } from '../../../../shared/schemas/settings.ts';
import { isoWeekdayOf, parseLocalDate } from '../../../../shared/time/civil-date.ts';
import {
  addLocalDays,
  latestLocalWeekday,
  localDateTimeToInstant,
  nextLocalWeekday,
  startOfLocalDay,
  toLocalDate,
} from '../../../../shared/time/local-day.ts';

const iso = (ms: number) => new Date(ms).toISOString();
const NY = 'America/New_York';

describe('local days', () => {
  it('startOfLocalDay is local midnight, also on DST days', () => {
    expect(iso(startOfLocalDay('2026-03-08T18:00:00Z', NY))).toBe('2026-03-08T05:00:00.000Z');
    expect(iso(startOfLocalDay('2026-11-01T18:00:00Z', NY))).toBe('2026-11-01T04:00:00.000Z');
    expect(iso(startOfLocalDay('2026-03-09T20:00:00Z', 'Asia/Kolkata'))).toBe('2026-03-09T18:30:00.000Z');
  });

  it('startOfLocalDay is 01:00 where DST skips midnight (America/Santiago, 2026-09-06)', () => {
    expect(iso(startOfLocalDay('2026-09-06T16:00:00Z', 'America/Santiago'))).toBe('2026-09-06T04:00:00.000Z');
  });

  it('addLocalDays keeps the wall time across DST (23- and 25-hour days)', () => {
    expect(iso(addLocalDays('2026-03-07T17:00:00Z', 1, NY))).toBe('2026-03-08T16:00:00.000Z');
    expect(iso(addLocalDays('2026-10-31T16:00:00Z', 1, NY))).toBe('2026-11-01T17:00:00.000Z');
    expect(iso(addLocalDays('2026-03-28T11:00:00Z', 1, 'Europe/Berlin'))).toBe('2026-03-29T10:00:00.000Z');
  });

  it('toLocalDate reads the date in the zone', () => {
    expect(toLocalDate('2026-03-09T20:00:00Z', 'Asia/Kolkata')).toBe('2026-03-10');
    expect(toLocalDate('2026-03-09T20:00:00Z', NY)).toBe('2026-03-09');
  });

  it('nextLocalWeekday is strictly after today; latestLocalWeekday includes today', () => {
    const monday = '2026-03-09T15:00:00Z';
    expect(iso(nextLocalWeekday(monday, 1, NY, '09:00'))).toBe('2026-03-16T13:00:00.000Z');
    expect(iso(nextLocalWeekday('2026-03-08T15:00:00Z', 1, NY, '09:00'))).toBe('2026-03-09T13:00:00.000Z');
    expect(latestLocalWeekday(monday, 1, NY)).toBe('2026-03-09');
    expect(latestLocalWeekday('2026-03-15T15:00:00Z', 1, NY)).toBe('2026-03-09');
  });

  it('localDateTimeToInstant resolves a skipped time forward', () => {
    expect(iso(localDateTimeToInstant('2026-03-08', '02:30', NY))).toBe('2026-03-08T07:30:00.000Z');
  });
});

describe('dates and working hours', () => {
  it('parses real dates only', () => {
    expect(isoWeekdayOf(parseLocalDate('2026-03-09'))).toBe(1);
    expect(isoWeekdayOf(parseLocalDate('1970-01-01'))).toBe(4);
    expect(() => parseLocalDate('2026-02-30')).toThrow(RangeError);
    expect(() => parseLocalDate('9 March')).toThrow(RangeError);
  });

  it('validates working hours', () => {
    expect(WorkingHoursSchema.safeParse({ days: [1, 2, 3], start: '08:30', end: '16:30' }).success).toBe(
      true,
    );
    expect(WorkingHoursSchema.safeParse({ days: [1], start: '17:00', end: '09:00' }).success).toBe(false);
    expect(WorkingHoursSchema.safeParse({ days: [], start: '09:00', end: '17:00' }).success).toBe(false);
    expect(WorkingHoursSchema.safeParse({ days: [1, 1], start: '09:00', end: '17:00' }).success).toBe(false);
    expect(WorkingHoursSchema.safeParse({ days: [8], start: '09:00', end: '17:00' }).success).toBe(false);
    expect(WorkingHoursSchema.safeParse({ days: [1], start: '9:00', end: '17:00' }).success).toBe(false);
  });
});
