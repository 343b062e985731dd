import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { computeHealth } from '../../../../shared/plans/health/compute.ts';
import { healthBand } from '../../../../shared/plans/health/names.ts';
import { latestMeasurement, reachesTarget } from '../../../../shared/plans/objective-progress.ts';
import { toEpochMs } from '../../../../shared/time/instant.ts';
import { planScenarioArb, shuffled } from '../support/plan-scenario.ts';

/** Generous: the machine running the suite is often shared. */
const SLOW = 30_000;

describe('health properties', () => {
  it(
    'stays in 0–100, is deterministic and independent of input order, and explains every part',
    () => {
      fc.assert(
        fc.property(planScenarioArb, fc.integer({ min: 1, max: 1_000 }), (s, seed) => {
          const h = computeHealth(s);
          expect(Number.isInteger(h.score)).toBe(true);
          expect(h.score).toBeGreaterThanOrEqual(0);
          expect(h.score).toBeLessThanOrEqual(100);
          expect(h.band).toBe(healthBand(h.score));
          expect(computeHealth(s)).toEqual(h);
          const reordered = computeHealth({
            ...s,
            objectives: shuffled(s.objectives, seed),
            measurements: shuffled(s.measurements, seed + 1),
            commitments: shuffled(s.commitments, seed + 2),
            conflicts: shuffled(s.conflicts, seed + 3),
            reviews: shuffled(s.reviews, seed + 4),
            users: shuffled(s.users, seed + 5),
          });
          expect(reordered).toEqual(h);
          let weights = 0;
          for (const p of h.parts) {
            expect(p.reason.length).toBeGreaterThan(0);
            if (p.score === null) expect(p.weight).toBe(0);
            else {
              expect(p.score).toBeGreaterThanOrEqual(0);
              expect(p.score).toBeLessThanOrEqual(100);
              weights += p.weight;
            }
          }
          expect(Math.abs(weights - 100)).toBeLessThan(0.5);
          const worst = h.parts.find((p) => p.name === h.worstPart)!;
          expect(worst.score).toBe(Math.min(...h.parts.flatMap((p) => (p.score === null ? [] : [p.score]))));
          expect(h.reason).toBe(worst.reason);
        }),
        { numRuns: 200 },
      );
    },
    SLOW,
  );

  it(
    'a measurement that moves toward the target never lowers the objectives part',
    () => {
      fc.assert(
        fc.property(
          planScenarioArb.filter((s) => s.objectives.length > 0),
          fc.nat(),
          fc.double({ min: 0, max: 1.5, noNaN: true }),
          fc.integer({ min: 0, max: 30 }),
          (s, pick, step, daysLater) => {
            const o = s.objectives[pick % s.objectives.length]!;
            const latest = latestMeasurement(s.measurements, o.id);
            const from = latest?.value ?? o.baseline;
            // A newer reading, from the latest value toward the target (or past it, unless it was already
            // past it: then "toward" stops at the target).
            const value = from + (reachesTarget(o, from) ? Math.min(step, 1) : step) * (o.target - from);
            const after = latest ? Date.parse(latest.measuredOn) : toEpochMs(s.now);
            const measuredOn = new Date(after + daysLater * 86_400_000).toISOString().slice(0, 10);
            const before = computeHealth(s).parts.find((p) => p.name === 'objectives')!;
            const added = { id: 'm-zzz', objectiveId: o.id, value, measuredOn };
            const now = computeHealth({ ...s, measurements: [...s.measurements, added] }).parts.find(
              (p) => p.name === 'objectives',
            )!;
            expect(now.score ?? 0).toBeGreaterThanOrEqual(before.score ?? 0);
          },
        ),
        { numRuns: 200 },
      );
    },
    SLOW,
  );
});
