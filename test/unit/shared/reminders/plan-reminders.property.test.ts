import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { conflictCalendar, escalateConflict } from '../../../../shared/plans/conflict-sla.ts';
import { computePlanReminders, isPlanRule } from '../../../../shared/reminders/compute-plan.ts';
import { reconcile } from '../../../../shared/reminders/reconcile.ts';
import { calendarFor, makeRuleContext } from '../../../../shared/reminders/rule-context.ts';
import { isWorkingTime } from '../../../../shared/time/business-time.ts';
import { type PlanScenario, planScenarioArb, shuffled } from '../support/plan-scenario.ts';

/** The scenario with each open conflict escalated as the cron would have at `now`. */
function escalated(s: PlanScenario): PlanScenario {
  const ctx = makeRuleContext(s.settings, s.users, s.now);
  return {
    ...s,
    conflicts: s.conflicts.map((c) => {
      const next = escalateConflict(c, conflictCalendar(c, s.account, ctx), s.settings, s.now);
      return next ? { ...c, ...next } : c;
    }),
  };
}

/** Generous: the machine running the suite is often shared. */
const SLOW = 30_000;

describe('plan reminder properties', () => {
  it(
    'are deterministic, order-independent, for known users, in their working hours, and reconcile to a fixed point',
    () => {
      fc.assert(
        fc.property(planScenarioArb, fc.integer({ min: 1, max: 1_000 }), (raw, seed) => {
          const s = escalated(raw);
          const drafts = computePlanReminders(s);
          expect(computePlanReminders(s)).toEqual(drafts);
          const reordered = computePlanReminders({
            ...s,
            users: shuffled(s.users, seed),
            objectives: shuffled(s.objectives, seed + 1),
            measurements: shuffled(s.measurements, seed + 2),
            commitments: shuffled(s.commitments, seed + 3),
            conflicts: shuffled(s.conflicts, seed + 4),
            reviews: shuffled(s.reviews, seed + 5),
            milestones: shuffled(s.milestones, seed + 6),
          });
          expect(reordered).toEqual(drafts);
          expect(new Set(drafts.map((d) => d.id)).size).toBe(drafts.length);
          const users = new Map(s.users.map((u) => [u.id, u]));
          for (const d of drafts) {
            expect(isPlanRule(d.rule)).toBe(true);
            expect(d.accountId).toBe(s.account.id);
            const user = users.get(d.userId);
            expect(user).toBeDefined();
            expect(isWorkingTime(d.dueAt, calendarFor(user!, s.settings))).toBe(true);
          }
          const first = reconcile([], drafts, s.now);
          const stored = first.upserts.map((u) => ({ ...u }));
          expect(reconcile(stored, computePlanReminders(s), s.now)).toEqual({ upserts: [], closes: [] });
        }),
        { numRuns: 200 },
      );
    },
    SLOW,
  );
});
