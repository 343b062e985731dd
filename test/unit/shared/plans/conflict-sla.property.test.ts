import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  type EscalationState,
  escalateConflict,
  slaDeadline,
  slaPeriodsElapsed,
} from '../../../../shared/plans/conflict-sla.ts';
import { OrgSettingsSchema } from '../../../../shared/schemas/settings.ts';
import type { BusinessCalendar } from '../../../../shared/time/business-calendar.ts';
import { isWorkingTime } from '../../../../shared/time/business-time.ts';
import { holidaysArb, workingHoursArb, zoneArb } from '../support/arbitraries.ts';
import { conflict } from '../support/plan-builders.ts';

const DAY = 86_400_000;
const OPEN_FROM = Date.UTC(2026, 0, 1);

const caseArb = fc.record({
  calendar: fc.record({ timeZone: zoneArb, workingHours: workingHoursArb, holidays: holidaysArb }),
  severity: fc.constantFrom('low', 'medium', 'high', 'critical') as fc.Arbitrary<
    'low' | 'medium' | 'high' | 'critical'
  >,
  sla: fc.integer({ min: 1, max: 12 }),
  openedDay: fc.integer({ min: 0, max: 365 }),
  /** Cron runs, in hours after the opening day. */
  runs: fc.array(fc.integer({ min: 0, max: 24 * 120 }), { minLength: 1, maxLength: 12 }),
});

/** Generous: the machine running the suite is often shared. */
const SLOW = 30_000;

describe('escalation properties', () => {
  it(
    'rises once per SLA period, never twice for one, the same however often the cron runs',
    () => {
      fc.assert(
        fc.property(caseArb, ({ calendar, severity, sla, openedDay, runs }) => {
          const cal: BusinessCalendar = calendar;
          const settings = OrgSettingsSchema.parse({ conflictSlaDays: { [severity]: sla } });
          const openedOn = new Date(OPEN_FROM + openedDay * DAY).toISOString().slice(0, 10);
          const start = conflict({ openedOn, severity });
          let state = start;
          const times = [...runs]
            .sort((a, b) => a - b)
            .map((h) => OPEN_FROM + openedDay * DAY + h * 3_600_000);
          for (const now of times) {
            const next: EscalationState | null = escalateConflict(state, cal, settings, now);
            if (next) {
              expect(next.slaPeriods).toBeGreaterThan(state.slaPeriods);
              expect(next.level - state.level).toBeLessThanOrEqual(next.slaPeriods - state.slaPeriods);
              state = { ...state, ...next };
            }
            // Idempotent at the same instant.
            expect(escalateConflict(state, cal, settings, now)).toBeNull();
          }
          const last = times[times.length - 1]!;
          const elapsed = slaPeriodsElapsed(start, cal, settings, last);
          expect(state.slaPeriods).toBe(elapsed);
          expect(state.level).toBe(Math.min(3, 1 + elapsed));
          const raises = state.levelHistory.filter((h) => h.cause === 'sla');
          expect(raises.map((h) => h.level)).toEqual([2, 3].slice(0, Math.min(2, elapsed)));
          // Each raise is dated at its own period's deadline, inside working hours, never after the run that made it.
          raises.forEach((h, k) => {
            expect(Date.parse(h.at)).toBe(slaDeadline(start, k + 1, cal, settings));
            expect(isWorkingTime(h.at, cal)).toBe(true);
            expect(Date.parse(h.at)).toBeLessThanOrEqual(last);
          });
          // One run at the end gives the same state as many along the way.
          const once = escalateConflict(start, cal, settings, last);
          expect(once ?? { level: 1, slaPeriods: 0, levelHistory: start.levelHistory }).toEqual({
            level: state.level,
            slaPeriods: state.slaPeriods,
            levelHistory: state.levelHistory,
          });
        }),
        { numRuns: 150 },
      );
    },
    SLOW,
  );

  it(
    'deadlines are working time, strictly increasing, one SLA apart',
    () => {
      fc.assert(
        fc.property(caseArb, ({ calendar, severity, sla, openedDay }) => {
          const settings = OrgSettingsSchema.parse({ conflictSlaDays: { [severity]: sla } });
          const openedOn = new Date(OPEN_FROM + openedDay * DAY).toISOString().slice(0, 10);
          const c = { openedOn, severity };
          let prev = Number.NEGATIVE_INFINITY;
          for (let k = 1; k <= 3; k++) {
            const d = slaDeadline(c, k, calendar, settings);
            expect(isWorkingTime(d, calendar)).toBe(true);
            expect(d).toBeGreaterThan(prev);
            expect(slaPeriodsElapsed(c, calendar, settings, d)).toBe(k);
            expect(slaPeriodsElapsed(c, calendar, settings, d - 1)).toBe(k - 1);
            prev = d;
          }
        }),
        { numRuns: 150 },
      );
    },
    SLOW,
  );
});
