import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { BusinessCalendar } from '../../../../shared/time/business-calendar.ts';
import {
  addBusinessDays,
  addWorkingHours,
  isWorkingTime,
  nextWorkingStart,
  snapToWorkingTime,
} from '../../../../shared/time/business-time.ts';
import { getZonedDateTime, zonedDateTimeToInstant, zoneOffsetMs } from '../../../../shared/time/zone.ts';
import {
  holidaysArb,
  instantArb,
  nearTransitionArb,
  workingHoursArb,
  zoneArb,
} from '../support/arbitraries.ts';

const calendarArb: fc.Arbitrary<BusinessCalendar> = fc.record({
  timeZone: zoneArb,
  workingHours: fc.option(workingHoursArb, { nil: undefined }),
  holidays: holidaysArb,
});

/** An independent oracle: `Intl`'s own `GMT±HH:MM` rendering of the offset, uncached. */
function intlOffsetMs(ms: number, zone: string): number {
  const name = new Intl.DateTimeFormat('en-US', { timeZone: zone, timeZoneName: 'longOffset' })
    .formatToParts(ms)
    .find((p) => p.type === 'timeZoneName')!.value;
  const m = /GMT(?:([+-])(\d{2}):(\d{2}))?/.exec(name)!;
  return m[1] ? (m[1] === '-' ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3])) * 60_000 : 0;
}

describe('zone conversion properties', () => {
  it('the cached offset equals Intl’s own, including within minutes of every 2026 transition', () => {
    fc.assert(
      fc.property(nearTransitionArb, fc.integer({ min: -120, max: 120 }), ({ zone, instant }, seconds) => {
        const at = instant + seconds * 1000;
        expect(zoneOffsetMs(at, zone)).toBe(intlOffsetMs(at, zone));
      }),
      { numRuns: 1_000 },
    );
    fc.assert(
      fc.property(zoneArb, instantArb, (zone, t) => {
        expect(zoneOffsetMs(t, zone)).toBe(intlOffsetMs(t, zone));
      }),
      { numRuns: 500 },
    );
  });

  it('wall time → instant → wall time round-trips (one of earlier/later is the original instant)', () => {
    fc.assert(
      fc.property(zoneArb, instantArb, (zone, t) => {
        const wall = getZonedDateTime(t, zone);
        const earlier = zonedDateTimeToInstant(wall, zone, 'earlier');
        const later = zonedDateTimeToInstant(wall, zone, 'later');
        expect([earlier, later]).toContain(t);
        expect(zonedDateTimeToInstant(wall, zone)).toBe(earlier);
      }),
      { numRuns: 500 },
    );
  });
});

describe('business time properties', () => {
  it('snapToWorkingTime returns working time, never earlier, unchanged when already working, and the earliest such', () => {
    fc.assert(
      fc.property(calendarArb, instantArb, (cal, t) => {
        const snapped = snapToWorkingTime(t, cal);
        expect(isWorkingTime(snapped, cal)).toBe(true);
        expect(snapped).toBeGreaterThanOrEqual(t);
        if (isWorkingTime(t, cal)) expect(snapped).toBe(t);
        else expect(isWorkingTime(snapped - 1, cal)).toBe(false);
      }),
      { numRuns: 400 },
    );
  });

  it('nextWorkingStart is a working start at or after the instant', () => {
    fc.assert(
      fc.property(calendarArb, instantArb, (cal, t) => {
        const start = nextWorkingStart(t, cal);
        expect(start).toBeGreaterThanOrEqual(t);
        expect(isWorkingTime(start, cal)).toBe(true);
        expect(isWorkingTime(start - 1, cal)).toBe(false);
      }),
      { numRuns: 300 },
    );
  });

  it('addBusinessDays and addWorkingHours always land in working time and move forward', () => {
    fc.assert(
      fc.property(
        calendarArb,
        instantArb,
        fc.integer({ min: 0, max: 15 }),
        fc.double({ min: 0, max: 60, noNaN: true }),
        (cal, t, days, hours) => {
          const d = addBusinessDays(t, days, cal);
          const h = addWorkingHours(t, hours, cal);
          expect(isWorkingTime(d, cal)).toBe(true);
          expect(isWorkingTime(h, cal)).toBe(true);
          expect(d).toBeGreaterThanOrEqual(snapToWorkingTime(t, cal));
          expect(h).toBeGreaterThanOrEqual(snapToWorkingTime(t, cal));
        },
      ),
      { numRuns: 300 },
    );
  });

  it('addWorkingHours is monotonic in the hours added', () => {
    fc.assert(
      fc.property(
        calendarArb,
        instantArb,
        fc.double({ min: 0, max: 40, noNaN: true }),
        fc.double({ min: 0, max: 40, noNaN: true }),
        (cal, t, a, b) => {
          const [lo, hi] = a <= b ? [a, b] : [b, a];
          expect(addWorkingHours(t, lo, cal)).toBeLessThanOrEqual(addWorkingHours(t, hi, cal));
        },
      ),
      { numRuns: 200 },
    );
  });
});

describe('business time around DST transitions', () => {
  it('snapping and adding stay in working time within three days of every 2026 transition', () => {
    fc.assert(
      fc.property(
        nearTransitionArb,
        workingHoursArb,
        fc.integer({ min: 0, max: 3 }),
        fc.double({ min: 0, max: 10, noNaN: true }),
        ({ zone, instant }, workingHours, days, hours) => {
          const cal: BusinessCalendar = { timeZone: zone, workingHours };
          const snapped = snapToWorkingTime(instant, cal);
          expect(isWorkingTime(snapped, cal)).toBe(true);
          if (snapped !== instant) expect(isWorkingTime(snapped - 1, cal)).toBe(false);
          expect(isWorkingTime(addBusinessDays(instant, days, cal), cal)).toBe(true);
          expect(isWorkingTime(addWorkingHours(instant, hours, cal), cal)).toBe(true);
        },
      ),
      { numRuns: 1_000 },
    );
  });

  it('wall time round-trips near transitions', () => {
    fc.assert(
      fc.property(nearTransitionArb, ({ zone, instant }) => {
        const wall = getZonedDateTime(instant, zone);
        expect([
          zonedDateTimeToInstant(wall, zone, 'earlier'),
          zonedDateTimeToInstant(wall, zone, 'later'),
        ]).toContain(instant);
      }),
      { numRuns: 1_000 },
    );
  });
});
