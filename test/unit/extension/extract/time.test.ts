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
    expect(parseInstant('01/12/2026 14:00', NY)).toBe('2026-01-12T19:00:00.000Z');
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

describe('German and French dates, 24-hour clocks', () => {
  const PARIS: TimeContext = {
    timeZone: 'Europe/Paris',
    now: Date.parse('2026-11-18T12:00:00Z'),
    dayFirst: true,
  };
  const NEAR = {
    ...BERLIN,
    now: Date.parse('2031-01-01T00:00:00Z'),
    near: { year: 2026, month: 11, day: 23 },
  };

  it.each([
    // Gmail's German and French tooltips.
    ['Mo., 23. Nov. 2026, 09:14', BERLIN, '2026-11-23T08:14:00.000Z'],
    ['lun. 23 nov. 2026, 09:14', PARIS, '2026-11-23T08:14:00.000Z'],
    // Outlook's numeric dates: dots always put the day first, slashes follow the page locale.
    ['Mo 23.11.2026 09:14', BERLIN, '2026-11-23T08:14:00.000Z'],
    ['lun. 23/11/2026 09:14', PARIS, '2026-11-23T08:14:00.000Z'],
    ['23.11.2026 09:14', NY, '2026-11-23T14:14:00.000Z'],
    ['Montag, 23. November 2026 09:14', BERLIN, '2026-11-23T08:14:00.000Z'],
    ['19. November 2026 13:00', BERLIN, '2026-11-19T12:00:00.000Z'],
    ['jeu. 19 nov. 2026 13:00', PARIS, '2026-11-19T12:00:00.000Z'],
    ['jeudi 19 novembre 2026 à 13 h 30', PARIS, '2026-11-19T12:30:00.000Z'],
    ['le 1er décembre 2026 à 9h', PARIS, '2026-12-01T08:00:00.000Z'],
    ['Dienstag, 3. März 2026, 7:05', BERLIN, '2026-03-03T06:05:00.000Z'],
    ['mar. 3 mars 2026 07:05', PARIS, '2026-03-03T06:05:00.000Z'],
    ['Mär 3, 2026 7:05', BERLIN, '2026-03-03T06:05:00.000Z'],
    ['14. févr. 2026 18:00', PARIS, '2026-02-14T17:00:00.000Z'],
    ['So., 9. Aug. 2026, 23:59', BERLIN, '2026-08-09T21:59:00.000Z'],
    ['Heute 09:14', BERLIN, '2026-11-23T08:14:00.000Z'],
    ['Gestern 23:59', BERLIN, '2026-11-22T22:59:00.000Z'],
    ['hier 08:00', PARIS, '2026-11-17T07:00:00.000Z'],
    ['aujourd’hui 08:00', PARIS, '2026-11-18T07:00:00.000Z'],
  ] as const)('reads %j', (text, ctx, expected) => {
    expect(parseInstant(text, ctx)).toBe(expected);
  });

  it('reads German and French ranges, a year from the page when none is printed', () => {
    expect(parseRange('Donnerstag, 26. November⋅13:00–14:30', NEAR)).toEqual({
      start: '2026-11-26T12:00:00.000Z',
      end: '2026-11-26T13:30:00.000Z',
      allDay: false,
    });
    expect(parseRange('jeudi 26 novembre⋅09:30 – 10:30', { ...NEAR, timeZone: 'Europe/Paris' })).toEqual({
      start: '2026-11-26T08:30:00.000Z',
      end: '2026-11-26T09:30:00.000Z',
      allDay: false,
    });
    expect(parseRange('Do 19.11.2026 13:00 - Fr 20.11.2026 09:00', BERLIN)).toEqual({
      start: '2026-11-19T12:00:00.000Z',
      end: '2026-11-20T08:00:00.000Z',
      allDay: false,
    });
  });

  it('reads "mar." before a day as French Tuesday, and "Mar" before a day as March', () => {
    expect(parseInstant('mar. 24 nov. 2026 10:00', PARIS)).toBe('2026-11-24T09:00:00.000Z');
    expect(parseInstant('Mar 24, 2026 10:00', NY)).toBe('2026-03-24T14:00:00.000Z');
  });

  it('lets a printed weekday settle a numeric date the page locale read the other way', () => {
    // 11/12/2026 is Thursday 12 November month-first, Friday 11 December day-first.
    expect(parseInstant('Thu 11/12/2026 10:00', BERLIN)).toBe('2026-11-12T09:00:00.000Z');
    expect(parseInstant('Fri 11/12/2026 10:00', NY)).toBe('2026-12-11T15:00:00.000Z');
    expect(parseInstant('11/12/2026 10:00', BERLIN)).toBe('2026-12-11T09:00:00.000Z');
  });

  it('does not take ordinary words for weekdays', () => {
    // "from" is not "Fr(eitag)": the date keeps its nearest year instead of hunting for a Friday.
    expect(parseRange('from 23 November⋅10:00', NEAR)?.start).toBe('2026-11-23T09:00:00.000Z');
  });
});

describe('latestInstant', () => {
  it('takes the first reading that parses for each element', () => {
    const items = [
      ['Mo., 23. Nov. 2026, 09:14', 'garbage'],
      ['unreadable', 'Fri, Nov 20, 2026, 10:31 AM'],
    ];
    expect(latestInstant(items, BERLIN)).toBe('2026-11-23T08:14:00.000Z');
  });

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
