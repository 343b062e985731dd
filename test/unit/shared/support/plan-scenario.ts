/** A random but realistic account plan for the health and plan-reminder property tests. */
import fc from 'fast-check';
import type { HealthInput } from '../../../../shared/plans/health/compute.ts';
import type {
  CommitmentLike,
  ConflictLike,
  MeasurementLike,
  MilestoneLike,
  ObjectiveLike,
  ReviewLike,
} from '../../../../shared/plans/inputs.ts';
import type { ReminderUser } from '../../../../shared/reminders/inputs.ts';
import { OrgSettingsSchema } from '../../../../shared/schemas/settings.ts';
import { holidaysArb, workingHoursArb, zoneArb } from './arbitraries.ts';

const DAY = 86_400_000;
const BASE = Date.UTC(2026, 0, 1);

/** A date within ±400 days of 2026-01-01. */
const dateArb = fc
  .integer({ min: -400, max: 400 })
  .map((d) => new Date(BASE + d * DAY).toISOString().slice(0, 10));
const instantArb = fc
  .integer({ min: -400 * 24, max: 400 * 24 })
  .map((h) => new Date(BASE + h * 3_600_000).toISOString());
const idArb = (prefix: string, n: number) => fc.integer({ min: 0, max: n - 1 }).map((k) => `${prefix}-${k}`);

export interface PlanScenario extends Required<Omit<HealthInput, 'settings'>> {
  settings: NonNullable<HealthInput['settings']>;
  milestones: MilestoneLike[];
}

const objectiveArb = fc
  .record({
    baseline: fc.integer({ min: -100, max: 100 }),
    delta: fc.integer({ min: -100, max: 100 }).filter((d) => d !== 0),
    weight: fc.integer({ min: 1, max: 5 }),
    state: fc.constantFrom('open', 'open', 'open', 'achieved', 'dropped') as fc.Arbitrary<
      ObjectiveLike['state']
    >,
    createdAt: instantArb,
    dueOn: dateArb,
    ownerId: idArb('user', 3),
    deleted: fc.integer({ min: 0, max: 9 }).map((n) => n === 0),
  })
  .map(({ delta, deleted, ...o }) => ({
    ...o,
    target: o.baseline + delta,
    deletedAt: deleted ? '2026-01-01T00:00:00Z' : null,
  }));

const measurementArb = fc.record({
  objective: fc.nat(),
  value: fc.integer({ min: -250, max: 250 }),
  measuredOn: dateArb,
  deleted: fc.integer({ min: 0, max: 9 }).map((n) => n === 0),
});

const commitmentArb = fc
  .record({
    side: fc.constantFrom('ours', 'theirs') as fc.Arbitrary<'ours' | 'theirs'>,
    ownerId: idArb('user', 3),
    dueOn: dateArb,
    state: fc.constantFrom('open', 'kept', 'broken', 'cancelled') as fc.Arbitrary<CommitmentLike['state']>,
    closedOn: dateArb,
  })
  .map((c) => ({
    accountId: 'acct-1',
    side: c.side,
    ownerId: c.side === 'ours' ? c.ownerId : null,
    contactId: c.side === 'theirs' ? 'contact-1' : null,
    what: 'Send the forecast',
    dueOn: c.dueOn,
    state: c.state,
    closedOn: c.state === 'open' ? null : c.closedOn,
    interactionId: null,
  }));

const conflictArb = fc
  .record({
    severity: fc.constantFrom('low', 'medium', 'high', 'critical') as fc.Arbitrary<ConflictLike['severity']>,
    level: fc.integer({ min: 1, max: 3 }),
    ownerId: idArb('user', 3),
    openedOn: dateArb,
    resolved: fc.boolean(),
  })
  .map((c) => ({
    accountId: 'acct-1',
    title: 'Late shipments',
    severity: c.severity,
    level: c.level,
    ownerId: c.ownerId,
    openedOn: c.openedOn,
    state: c.resolved ? ('resolved' as const) : ('open' as const),
    resolvedOn: c.resolved ? c.openedOn : null,
    interactionId: null,
    slaPeriods: 0,
    levelHistory: [],
  }));

const milestoneArb = fc.record({
  title: fc.constant('Joint launch'),
  dueOn: fc.option(dateArb, { nil: null }),
  achievedOn: fc.option(dateArb, { nil: null }),
  celebrated: fc.boolean(),
});

const weightArb = fc.integer({ min: 0, max: 100 });

export const planScenarioArb: fc.Arbitrary<PlanScenario> = fc
  .record({
    users: fc.array(
      fc.record({ timeZone: zoneArb, workingHours: fc.option(workingHoursArb, { nil: null }) }),
      {
        minLength: 1,
        maxLength: 2,
      },
    ),
    owner: fc.integer({ min: -1, max: 2 }),
    tier: fc.constantFrom('tactical', 'strategic') as fc.Arbitrary<'tactical' | 'strategic'>,
    cadenceDays: fc.option(fc.integer({ min: 1, max: 60 }), { nil: null }),
    createdAt: instantArb,
    plan: fc.option(
      fc.record({
        status: fc.constantFrom('draft', 'active', 'active', 'closed') as fc.Arbitrary<
          'draft' | 'active' | 'closed'
        >,
        startsOn: dateArb,
        reviewEveryDays: fc.option(fc.integer({ min: 7, max: 180 }), { nil: null }),
        ladder: fc.array(fc.integer({ min: 0, max: 2 }), { maxLength: 3 }),
      }),
      { nil: null },
    ),
    lastAt: fc.option(instantArb, { nil: null }),
    lastStrategicAt: fc.option(instantArb, { nil: null }),
    objectives: fc.array(objectiveArb, { maxLength: 4 }),
    measurements: fc.array(measurementArb, { maxLength: 10 }),
    commitments: fc.array(commitmentArb, { maxLength: 6 }),
    conflicts: fc.array(conflictArb, { maxLength: 4 }),
    reviews: fc.array(fc.record({ heldOn: dateArb, ourRating: fc.integer({ min: 1, max: 5 }) }), {
      maxLength: 3,
    }),
    milestones: fc.array(milestoneArb, { maxLength: 3 }),
    weights: fc
      .record({
        cadence: weightArb,
        attention: weightArb,
        objectives: weightArb,
        commitments: weightArb,
        conflicts: weightArb,
        reviews: weightArb,
      })
      .filter((w) => Object.values(w).some((v) => v > 0)),
    workingHours: workingHoursArb,
    holidays: holidaysArb,
    now: instantArb,
  })
  .map((r) => {
    const users: ReminderUser[] = r.users.map((u, k) => ({ id: `user-${k}`, ...u }));
    const objectives: ObjectiveLike[] = r.objectives.map((o, k) => ({
      id: `obj-${k}`,
      accountId: 'acct-1',
      title: `Objective ${k}`,
      unit: '',
      ...o,
    }));
    const measurements: MeasurementLike[] =
      objectives.length === 0
        ? []
        : r.measurements.map((m, k) => ({
            id: `m-${String(k).padStart(3, '0')}`,
            objectiveId: objectives[m.objective % objectives.length]!.id,
            value: m.value,
            measuredOn: m.measuredOn,
            deletedAt: m.deleted ? '2026-01-01T00:00:00Z' : null,
          }));
    const reviews: ReviewLike[] = r.reviews.map((v, k) => ({
      id: `rev-${k}`,
      accountId: 'acct-1',
      heldOn: v.heldOn,
      ourRating: v.ourRating,
      theirRating: null,
    }));
    const milestones: MilestoneLike[] = r.milestones.map((m, k) => ({
      id: `ms-${k}`,
      accountId: 'acct-1',
      title: m.title,
      dueOn: m.dueOn,
      achievedOn: m.achievedOn,
      celebratedOn: m.achievedOn && m.celebrated ? m.achievedOn : null,
      interactionId: null,
    }));
    return {
      users,
      account: {
        id: 'acct-1',
        name: 'Acme',
        tier: r.tier,
        cadenceDays: r.cadenceDays,
        ownerId: r.owner < 0 ? null : `user-${r.owner}`,
        endsOn: null,
        createdAt: r.createdAt,
        deletedAt: null,
      },
      plan: r.plan && {
        id: 'plan-1',
        accountId: 'acct-1',
        status: r.plan.status,
        startsOn: r.plan.startsOn,
        reviewEveryDays: r.plan.reviewEveryDays,
        escalation: r.plan.ladder.map((u, k) => ({ level: k + 1, userIds: [`user-${u}`], contactIds: [] })),
      },
      contact: { lastAt: r.lastAt, lastStrategicAt: r.lastStrategicAt },
      objectives,
      measurements,
      commitments: r.commitments.map((c, k) => ({ id: `com-${k}`, ...c })),
      conflicts: r.conflicts.map((c, k) => ({ id: `con-${k}`, ...c })),
      reviews,
      milestones,
      settings: OrgSettingsSchema.parse({
        healthWeights: r.weights,
        workingHours: r.workingHours,
        holidays: r.holidays,
      }),
      now: r.now,
    };
  });

/** The same array with its items in a different order (for order-independence checks). */
export function shuffled<T>(items: readonly T[], seed: number): T[] {
  const out = [...items];
  let s = seed || 1;
  for (let i = out.length - 1; i > 0; i--) {
    s = (s * 1_103_515_245 + 12_345) % 2_147_483_648;
    const j = s % (i + 1);
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}
