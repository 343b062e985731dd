/** Small builders for relationship-plan inputs, with readable ids (see builders.ts for users and accounts). */
import type {
  CommitmentLike,
  ConflictLike,
  MeasurementLike,
  MilestoneLike,
  ObjectiveLike,
  PlanLike,
  ResponsibilityLike,
  ReviewLike,
} from '../../../../shared/plans/inputs.ts';

let seq = 0;
const next = (prefix: string) => `${prefix}-${String(++seq).padStart(4, '0')}`;

export function plan(overrides: Partial<PlanLike> = {}): PlanLike {
  return {
    id: 'plan-globex',
    accountId: 'acct-globex',
    status: 'active',
    startsOn: '2026-01-05',
    reviewEveryDays: null,
    escalation: [],
    deletedAt: null,
    ...overrides,
  };
}

export function objective(overrides: Partial<ObjectiveLike> = {}): ObjectiveLike {
  return {
    id: next('obj'),
    accountId: 'acct-globex',
    title: 'On-time delivery',
    unit: '%',
    baseline: 80,
    target: 95,
    dueOn: '2026-12-31',
    ownerId: 'user-alice',
    weight: 3,
    state: 'open',
    createdAt: '2026-01-01T00:00:00Z',
    deletedAt: null,
    ...overrides,
  };
}

export function measurement(objectiveId: string, overrides: Partial<MeasurementLike> = {}): MeasurementLike {
  return { id: next('m'), objectiveId, value: 85, measuredOn: '2026-03-01', deletedAt: null, ...overrides };
}

export function commitment(overrides: Partial<CommitmentLike> = {}): CommitmentLike {
  return {
    id: next('com'),
    accountId: 'acct-globex',
    side: 'ours',
    ownerId: 'user-alice',
    contactId: null,
    what: 'Send the revised forecast',
    dueOn: '2026-03-06',
    state: 'open',
    closedOn: null,
    interactionId: null,
    deletedAt: null,
    ...overrides,
  };
}

export function conflict(overrides: Partial<ConflictLike> = {}): ConflictLike {
  return {
    id: next('con'),
    accountId: 'acct-globex',
    title: 'Late shipments to Rotterdam',
    severity: 'high',
    level: 1,
    ownerId: 'user-alice',
    openedOn: '2026-03-02',
    state: 'open',
    resolvedOn: null,
    interactionId: null,
    slaPeriods: 0,
    levelHistory: [{ level: 1, at: '2026-03-02T15:00:00.000Z', cause: 'opened' }],
    deletedAt: null,
    ...overrides,
  };
}

export function review(overrides: Partial<ReviewLike> = {}): ReviewLike {
  return {
    id: next('rev'),
    accountId: 'acct-globex',
    heldOn: '2026-01-20',
    ourRating: 3,
    theirRating: 3,
    deletedAt: null,
    ...overrides,
  };
}

export function milestone(overrides: Partial<MilestoneLike> = {}): MilestoneLike {
  return {
    id: next('ms'),
    accountId: 'acct-globex',
    title: 'First joint shipment',
    dueOn: '2026-03-20',
    achievedOn: null,
    celebratedOn: null,
    interactionId: null,
    deletedAt: null,
    ...overrides,
  };
}

export function cell(overrides: Partial<ResponsibilityLike> = {}): ResponsibilityLike {
  return {
    id: next('cell'),
    area: 'Logistics',
    objectiveId: null,
    userId: 'user-alice',
    contactId: null,
    role: 'A',
    deletedAt: null,
    ...overrides,
  };
}
