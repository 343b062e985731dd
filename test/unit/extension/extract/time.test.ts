import { afterEach, describe, expect, it } from 'vitest';
import {
  latestInstant,
  parseInstant,
  parseRange,
  type TimeContext,
} from '../../../../extension/extract/time.ts';

const NY: TimeContext = { timeZone: 'America/New_York', now: Date.parse('2026-11-23T12:00:00Z') };
const BERLIN: TimeContext = {
  timeZone: 'Europe/Berlin',
  now: Date.parse('2026-11-23T12:00:00Z'),
  dayFirst: true,
};

describe('parseInstant', () => {
  it.each([
    ['Mon, Nov 23, 2026, 9:14 AM', '2026-11-23T14:14:00.000Z'],
    ['Mon, Nov 23, 2026, 9:14\u202fAM', '2026-11-23T14:14:00.000Z'],
    ['Nov 23, 2026, 9:14 AM (2 hours ago)', '2026-11-23T14:14:00.000Z'],
    ['Monday, November 23, 2026 at 12:05 p.m.', '2026-11-23T17:05:00.000Z'],
    ['Mon 11/23/2026 9:14 AM', '2026-11-23T14:14:00.000Z'],
    ['11/23/26 21:30', '2026-11-24T02:30:00.000Z'],
    ['Thu 19-Nov-26 13:02', '2026-11-19T18:02:00.000Z'],
    ['23 November 2026 09:14', '2026-11-23T14:14:00.000Z'],
    ['2026-11-23T09:14', '2026-11-23T14:14:00.000Z'],
    ['2026-11-23T09:14:00+01:00', '2026-11-23T08:14:00.000Z'],
    ['2026-11-23 12am', '2026-11-23T05:00:00.000Z'],
    ['Nov 23, 2026, 12:00 PM', '2026-11-23T17:00:00.000Z'],
  ])('reads %j', (text, expected) => {
    expect(parseInstant(text, NY)).toBe(expected);
  });

  it('reads day-first numeric dates when the page locale says so', () => {
    expect(parseInstant('Tue 01/12/2026 14:00', BERLIN)).toBe('2026-12-01T13:00:00.000Z');
    expect(parseInstant('Tue 01/12/2026 14:00', NY)).toBe('2026-01-12T19:00:00.000Z');
    // A number above 12 settles it whatever the locale.
    expect(parseInstant('23/11/2026 14:00', NY)).toBe('2026-11-23T19:00:00.000Z');
  });

  it('reads today and yesterday relative to now in the zone', () => {
    expect(parseInstant('Today 9:14 AM', NY)).toBe('2026-11-23T14:14:00.000Z');
    expect(parseInstant('Yesterday 23:59', NY)).toBe('2026-11-23T04:59:00.000Z');
  });

  it('handles the DST gap and overlap like Temporal', () => {
    // 2:30 does not exist on 8 March 2026 in New York; it is read as 3:30 EDT.
    expect(parseInstant('Mar 8, 2026, 2:30 AM', NY)).toBe('2026-03-08T07:30:00.000Z');
    // 1:30 happens twice on 1 November 2026; the first (EDT) is taken.
    expect(parseInstant('Nov 1, 2026, 1:30 AM', NY)).toBe('2026-11-01T05:30:00.000Z');
  });

  it.each([
    '',
    'no date here',
    'Nov 31, 2026, 9:14 AM',
    'Feb 29, 2027',
    '13/13/2026',
    'Q4 2026 planning',
    '9:14 AM',
  ])('returns null for %j', (text) => {
    expect(parseInstant(text, NY)).toBeNull();
  });

  it('returns null for an unknown zone instead of throwing', () => {
    expect(parseInstant('Nov 23, 2026, 9:14 AM', { ...NY, timeZone: 'Not/AZone' })).toBeNull();
  });

  it('is quick on long hostile text', () => {
    const text = `${'1:1 '.repeat(10_000)}Nov 23, 2026`;
    const start = performance.now();
    parseInstant(text, NY);
    expect(performance.now() - start).toBeLessThan(50);
  });
});

describe('parseRange', () => {
  it.each([
    ['Monday, November 23⋅10:00 – 11:30am', '2026-11-23T15:00:00.000Z', '2026-11-23T16:30:00.000Z'],
    ['Monday, November 23⋅11:00 – 1:00pm', '2026-11-23T16:00:00.000Z', '2026-11-23T18:00:00.000Z'],
    ['Monday, November 23⋅10:30am – 1:00pm', '2026-11-23T15:30:00.000Z', '2026-11-23T18:00:00.000Z'],
    ['Monday, November 23⋅11:00pm – 12:30am', '2026-11-24T04:00:00.000Z', '2026-11-24T05:30:00.000Z'],
    ['Mon 11/23/2026 10:00 AM - 11:00 AM', '2026-11-23T15:00:00.000Z', '2026-11-23T16:00:00.000Z'],
    [
      'Mon 11/23/2026 10:00 AM - Tue 11/24/2026 11:00 AM',
      '2026-11-23T15:00:00.000Z',
      '2026-11-24T16:00:00.000Z',
    ],
    [
      '10am to 11:30am, Acme review, Jane Doe, Accepted, November 23, 2026',
      '2026-11-23T15:00:00.000Z',
      '2026-11-23T16:30:00.000Z',
    ],
    ['2026-12-01 1:30pm – 2026-12-01 2:15pm', '2026-12-01T18:30:00.000Z', '2026-12-01T19:15:00.000Z'],
  ])('reads %j', (text, start, end) => {
    expect(parseRange(text, NY)).toEqual({ start, end, allDay: false });
  });

  it('reads 24-hour ranges', () => {
    expect(parseRange('Montag, 23 November⋅10:00 – 11:00', BERLIN)).toEqual({
      start: '2026-11-23T09:00:00.000Z',
      end: '2026-11-23T10:00:00.000Z',
      allDay: false,
    });
  });

  it('reads all-day events as whole local days', () => {
    expect(parseRange('Monday, November 23', NY)).toEqual({
      start: '2026-11-23T05:00:00.000Z',
      end: '2026-11-24T05:00:00.000Z',
      allDay: true,
    });
    expect(parseRange('November 25 – 27, 2026', NY)).toEqual({
      start: '2026-11-25T05:00:00.000Z',
      end: '2026-11-28T05:00:00.000Z',
      allDay: true,
    });
    expect(parseRange('Dec 30, 2026 – Jan 2, 2027', NY)?.end).toBe('2027-01-03T05:00:00.000Z');
  });

  it('places a date without a year nearest to now, on its weekday', () => {
    const january = { ...NY, now: Date.parse('2027-01-03T12:00:00Z') };
    expect(parseRange('Thursday, December 31⋅11:00pm – 12:30am', january)?.start).toBe(
      '2027-01-01T04:00:00.000Z',
    );
    // Monday, January 4 is in 2027, not 2026 (a Sunday) or 2028 (a Tuesday).
    expect(parseRange('Monday, January 4⋅9:00 – 10:00am', NY)?.start).toBe('2027-01-04T14:00:00.000Z');
  });

  it('prefers the date the page is about to now', () => {
    const near = { ...NY, now: Date.parse('2031-06-01T00:00:00Z'), near: { year: 2026, month: 12, day: 28 } };
    expect(parseRange('Friday, January 1⋅9:00 – 10:00am', near)?.start).toBe('2027-01-01T14:00:00.000Z');
  });
});

describe('latestInstant', () => {
  it('returns the latest readable time', () => {
    const texts = [
      'Thu, Nov 19, 2026, 4:02 PM',
      'garbage',
      'Mon, Nov 23, 2026, 9:14 AM',
      'Fri, Nov 20, 2026, 10:31 AM',
    ];
    expect(latestInstant(texts, NY)).toBe('2026-11-23T14:14:00.000Z');
    expect(latestInstant(['garbage'], NY)).toBeNull();
    expect(latestInstant([], NY)).toBeNull();
  });
});

describe('the runtime’s own zone', () => {
  const saved = process.env.TZ;
  afterEach(() => {
    if (saved === undefined) delete process.env.TZ;
    else process.env.TZ = saved;
  });

  it('gives what the named zone gives, DST edges included', () => {
    process.env.TZ = 'America/New_York';
    const local: TimeContext = { timeZone: undefined, now: NY.now };
    for (const text of [
      'Mon, Nov 23, 2026, 9:14 AM',
      'Mar 8, 2026, 2:30 AM',
      'Nov 1, 2026, 1:30 AM',
      'Today 9:14 AM',
    ]) {
      expect(parseInstant(text, local)).toBe(parseInstant(text, NY));
    }
    expect(parseRange('Monday, November 23⋅11:00pm – 12:30am', local)).toEqual(
      parseRange('Monday, November 23⋅11:00pm – 12:30am', NY),
    );
  });
});
