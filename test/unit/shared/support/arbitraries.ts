/** fast-check generators shared by the property tests of shared/time and shared/reminders. */
import fc from 'fast-check';
import type { WorkingHours } from '../../../../shared/time/working-hours.ts';
import { zoneOffsetMs } from '../../../../shared/time/zone.ts';

/** Zones with DST in both hemispheres, half- and quarter-hour offsets, a 30-minute DST shift and ±14 h. */
export const ZONES = [
  'UTC',
  'America/New_York',
  'America/Los_Angeles',
  'America/St_Johns',
  'America/Santiago',
  'Europe/Berlin',
  'Europe/London',
  'Asia/Kolkata',
  'Asia/Kathmandu',
  'Asia/Tehran',
  'Asia/Tokyo',
  'Australia/Adelaide',
  'Australia/Lord_Howe',
  'Pacific/Chatham',
  'Pacific/Auckland',
  'Pacific/Kiritimati',
  'Pacific/Pago_Pago',
  'Africa/Casablanca',
] as const;

export const zoneArb = fc.constantFrom(...ZONES);

/** 2000-01-01 … 2040-01-01, whole seconds. */
export const instantArb = fc.integer({ min: 946_684_800, max: 2_208_988_800 }).map((s) => s * 1000);

const clock = (minutes: number) =>
  `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;

/** Random working days and a daily span on quarter hours, start strictly before end. */
export const workingHoursArb: fc.Arbitrary<WorkingHours> = fc
  .record({
    days: fc.uniqueArray(fc.integer({ min: 1, max: 7 }), { minLength: 1, maxLength: 7 }),
    a: fc.integer({ min: 0, max: 95 }),
    b: fc.integer({ min: 0, max: 95 }),
  })
  .filter(({ a, b }) => a !== b)
  .map(({ days, a, b }) => ({ days, start: clock(Math.min(a, b) * 15), end: clock(Math.max(a, b) * 15) }));

/** A few holidays around the instants generated, as `YYYY-MM-DD`. */
export const holidaysArb = fc.uniqueArray(
  fc
    .integer({ min: 10_957, max: 25_567 })
    .map((day) => new Date(day * 86_400_000).toISOString().slice(0, 10)),
  { maxLength: 5 },
);

/** Instants at which a zone's offset changes during 2026 (found by scanning, then bisecting to the minute). */
function transitions2026(zone: string): number[] {
  const offset = (ms: number) => zoneOffsetMs(ms, zone);
  const found: number[] = [];
  const start = Date.UTC(2026, 0, 1);
  for (let t = start; t < Date.UTC(2027, 0, 1); t += 86_400_000) {
    if (offset(t) === offset(t + 86_400_000)) continue;
    let [lo, hi] = [t, t + 86_400_000];
    while (hi - lo > 60_000) {
      const mid = lo + Math.floor((hi - lo) / 120_000) * 60_000;
      if (offset(mid) === offset(lo)) lo = mid;
      else hi = mid;
    }
    found.push(hi);
  }
  return found;
}

const NEAR_TRANSITIONS = ZONES.flatMap((zone) => transitions2026(zone).map((at) => ({ zone, at })));

/** A zone and an instant within three days of one of its 2026 DST transitions, minute resolution. */
export const nearTransitionArb = fc
  .record({
    pick: fc.constantFrom(...NEAR_TRANSITIONS),
    minutes: fc.integer({ min: -3 * 24 * 60, max: 3 * 24 * 60 }),
  })
  .map(({ pick, minutes }) => ({ zone: pick.zone, instant: pick.at + minutes * 60_000 }));
