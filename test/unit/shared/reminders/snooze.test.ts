import { describe, expect, it } from 'vitest';
import { snoozeUntil } from '../../../../shared/reminders/snooze.ts';

const NY = 'America/New_York';
const HOURS = { days: [1, 2, 3, 4, 5], start: '09:00', end: '17:00' };
// Tuesday 2026-03-10 10:00 EDT; Friday 2026-03-06 16:00 EST.
const TUESDAY = '2026-03-10T14:00:00Z';
const FRIDAY = '2026-03-06T21:00:00Z';

describe('snoozeUntil', () => {
  it('later-today adds 3 working hours, spilling into the next working day', () => {
    expect(snoozeUntil({ preset: 'later-today' }, TUESDAY, NY)).toBe('2026-03-10T17:00:00.000Z');
    expect(snoozeUntil({ preset: 'later-today' }, FRIDAY, NY)).toBe('2026-03-09T15:00:00.000Z'); // Mon 11:00 EDT
  });

  it('tomorrow-morning is the next working day’s start', () => {
    expect(snoozeUntil({ preset: 'tomorrow-morning' }, TUESDAY, NY)).toBe('2026-03-11T13:00:00.000Z');
    expect(snoozeUntil({ preset: 'tomorrow-morning' }, FRIDAY, NY)).toBe('2026-03-09T13:00:00.000Z');
    expect(snoozeUntil({ preset: 'tomorrow-morning' }, FRIDAY, NY, HOURS, ['2026-03-09'])).toBe(
      '2026-03-10T13:00:00.000Z',
    );
    // Just after midnight it is still "tomorrow", not today.
    expect(snoozeUntil({ preset: 'tomorrow-morning' }, '2026-03-10T04:30:00Z', NY)).toBe(
      '2026-03-11T13:00:00.000Z',
    );
  });

  it('in-3-business-days keeps the time of day', () => {
    expect(snoozeUntil({ preset: 'in-3-business-days' }, FRIDAY, NY)).toBe('2026-03-11T20:00:00.000Z');
  });

  it('next-monday is the following Monday’s working start, even on a Monday', () => {
    expect(snoozeUntil({ preset: 'next-monday' }, TUESDAY, NY)).toBe('2026-03-16T13:00:00.000Z');
    expect(snoozeUntil({ preset: 'next-monday' }, '2026-03-16T14:00:00Z', NY)).toBe(
      '2026-03-23T13:00:00.000Z',
    );
    expect(snoozeUntil({ preset: 'next-monday' }, TUESDAY, NY, HOURS, ['2026-03-16'])).toBe(
      '2026-03-17T13:00:00.000Z',
    );
  });

  it('a chosen instant snaps into working time; a past one counts as now', () => {
    expect(snoozeUntil({ until: '2026-03-14T12:00:00Z' }, TUESDAY, NY)).toBe('2026-03-16T13:00:00.000Z');
    expect(snoozeUntil({ until: '2026-03-12T18:00:00Z' }, TUESDAY, NY)).toBe('2026-03-12T18:00:00.000Z');
    expect(snoozeUntil({ until: '2026-03-01T12:00:00Z' }, TUESDAY, NY)).toBe('2026-03-10T14:00:00.000Z');
  });

  it('works in a half-hour zone with custom hours', () => {
    const hours = { days: [1, 2, 3, 4, 5], start: '10:00', end: '18:30' };
    // Tuesday 2026-03-10 17:00 IST → 1.5 h left today, 1.5 h tomorrow → Wed 11:30 IST.
    expect(snoozeUntil({ preset: 'later-today' }, '2026-03-10T11:30:00Z', 'Asia/Kolkata', hours)).toBe(
      '2026-03-11T06:00:00.000Z',
    );
  });
});
