import { describe, expect, it } from 'vitest';
import { getZonedDateTime, zonedDateTimeToInstant, zoneOffsetMs } from '../../../../shared/time/zone.ts';

const NY = 'America/New_York';
const iso = (ms: number) => new Date(ms).toISOString();

describe('getZonedDateTime', () => {
  it('reads wall time on both sides of the New York spring-forward (2026-03-08)', () => {
    expect(getZonedDateTime('2026-03-08T06:59:59Z', NY)).toMatchObject({
      hour: 1,
      minute: 59,
      offsetMinutes: -300,
    });
    expect(getZonedDateTime('2026-03-08T07:00:00Z', NY)).toMatchObject({
      hour: 3,
      minute: 0,
      offsetMinutes: -240,
    });
  });

  it('reads both occurrences of 01:30 on the New York fall-back (2026-11-01)', () => {
    expect(getZonedDateTime('2026-11-01T05:30:00Z', NY)).toMatchObject({
      hour: 1,
      minute: 30,
      offsetMinutes: -240,
    });
    expect(getZonedDateTime('2026-11-01T06:30:00Z', NY)).toMatchObject({
      hour: 1,
      minute: 30,
      offsetMinutes: -300,
    });
  });

  it('handles half- and quarter-hour zones', () => {
    expect(getZonedDateTime('2026-03-09T03:30:00Z', 'Asia/Kolkata')).toMatchObject({
      year: 2026,
      month: 3,
      day: 9,
      hour: 9,
      minute: 0,
      weekday: 1,
      offsetMinutes: 330,
    });
    expect(getZonedDateTime('2026-03-09T03:15:00Z', 'Asia/Kathmandu')).toMatchObject({ hour: 9, minute: 0 });
    expect(zoneOffsetMs('2026-01-15T00:00:00Z', 'America/St_Johns')).toBe(-3.5 * 3_600_000);
  });

  it('keeps milliseconds and crosses the date line', () => {
    expect(getZonedDateTime('2026-03-08T23:30:00.123Z', 'Pacific/Kiritimati')).toMatchObject({
      day: 9,
      hour: 13,
      millisecond: 123,
      offsetMinutes: 840,
    });
  });

  it('rejects an unknown zone', () => {
    expect(() => getZonedDateTime(0, 'Mars/Olympus_Mons')).toThrow(RangeError);
  });
});

describe('zonedDateTimeToInstant', () => {
  const gap = { year: 2026, month: 3, day: 8, hour: 2, minute: 30 };
  const overlap = { year: 2026, month: 11, day: 1, hour: 1, minute: 30 };

  it('converts ordinary wall times', () => {
    expect(iso(zonedDateTimeToInstant({ year: 2026, month: 3, day: 9, hour: 9 }, NY))).toBe(
      '2026-03-09T13:00:00.000Z',
    );
    expect(iso(zonedDateTimeToInstant({ year: 2026, month: 3, day: 6, hour: 9 }, NY))).toBe(
      '2026-03-06T14:00:00.000Z',
    );
    expect(iso(zonedDateTimeToInstant({ year: 2026, month: 3, day: 9, hour: 9 }, 'Asia/Kolkata'))).toBe(
      '2026-03-09T03:30:00.000Z',
    );
  });

  it('moves a time in the spring-forward gap forward (compatible, later) or back (earlier)', () => {
    expect(iso(zonedDateTimeToInstant(gap, NY))).toBe('2026-03-08T07:30:00.000Z'); // 03:30 EDT
    expect(iso(zonedDateTimeToInstant(gap, NY, 'later'))).toBe('2026-03-08T07:30:00.000Z');
    expect(iso(zonedDateTimeToInstant(gap, NY, 'earlier'))).toBe('2026-03-08T06:30:00.000Z'); // 01:30 EST
    expect(() => zonedDateTimeToInstant(gap, NY, 'reject')).toThrow(RangeError);
  });

  it('picks the first occurrence of a repeated time unless asked for the later one', () => {
    expect(iso(zonedDateTimeToInstant(overlap, NY))).toBe('2026-11-01T05:30:00.000Z'); // EDT
    expect(iso(zonedDateTimeToInstant(overlap, NY, 'earlier'))).toBe('2026-11-01T05:30:00.000Z');
    expect(iso(zonedDateTimeToInstant(overlap, NY, 'later'))).toBe('2026-11-01T06:30:00.000Z'); // EST
    expect(() => zonedDateTimeToInstant(overlap, NY, 'reject')).toThrow(RangeError);
  });

  it('handles Europe/Berlin transitions (2026-03-29 and 2026-10-25)', () => {
    const berlin = 'Europe/Berlin';
    expect(iso(zonedDateTimeToInstant({ year: 2026, month: 3, day: 29, hour: 2, minute: 30 }, berlin))).toBe(
      '2026-03-29T01:30:00.000Z', // 03:30 CEST
    );
    expect(iso(zonedDateTimeToInstant({ year: 2026, month: 10, day: 25, hour: 2, minute: 30 }, berlin))).toBe(
      '2026-10-25T00:30:00.000Z', // first 02:30, CEST
    );
    expect(
      iso(zonedDateTimeToInstant({ year: 2026, month: 10, day: 25, hour: 2, minute: 30 }, berlin, 'later')),
    ).toBe('2026-10-25T01:30:00.000Z');
  });

  it('handles a 30-minute DST shift (Australia/Lord_Howe, 2026-10-04 02:00 → 02:30)', () => {
    const wall = { year: 2026, month: 10, day: 4, hour: 2, minute: 15 };
    expect(() => zonedDateTimeToInstant(wall, 'Australia/Lord_Howe', 'reject')).toThrow(RangeError);
    const at = zonedDateTimeToInstant(wall, 'Australia/Lord_Howe');
    expect(getZonedDateTime(at, 'Australia/Lord_Howe')).toMatchObject({
      hour: 2,
      minute: 45,
      offsetMinutes: 660,
    });
  });
});
