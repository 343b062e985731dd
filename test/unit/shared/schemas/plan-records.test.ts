import { describe, expect, it } from 'vitest';
import {
  CommitmentInputSchema,
  ConflictCreateSchema,
  ConflictInputSchema,
  MilestoneInputSchema,
  ObjectiveCreateSchema,
  ObjectiveInputSchema,
  ObjectivePatchSchema,
  PlanInputSchema,
  PlanPutSchema,
  ResponsibilityInputSchema,
  ReviewInputSchema,
} from '../../../../shared/schemas/index.ts';

const id = (n: number) => `0190a1b2-c3d4-7e5f-8a9b-${String(n).padStart(12, '0')}`;
const ok = (schema: { safeParse: (v: unknown) => { success: boolean } }, v: unknown) =>
  schema.safeParse(v).success;
const messages = (schema: { safeParse: (v: unknown) => any }, v: unknown) =>
  (schema.safeParse(v).error?.issues ?? []).map(
    (i: { path: unknown[]; message: string }) => `${i.path.join('.')}: ${i.message}`,
  );

const plan = {
  id: id(1),
  accountId: id(2),
  status: 'active',
  startsOn: '2026-01-05',
  endsOn: null,
  vision: 'Become their logistics partner for Europe',
  reviewEveryDays: 90,
  alliance: {
    duration: 'long',
    commitment: 'high',
    integration: 'medium',
    riskSharing: 'low',
    flexibility: 'medium',
  },
  escalation: [
    { level: 1, userIds: [id(3)], contactIds: [id(4)] },
    { level: 2, userIds: [], contactIds: [id(5)] },
  ],
};

describe('plan', () => {
  it('accepts a full plan and rejects unknown fields', () => {
    expect(ok(PlanInputSchema, plan)).toBe(true);
    expect(ok(PlanInputSchema, { ...plan, orgId: id(9) })).toBe(false);
    expect(ok(PlanInputSchema, { ...plan, alliance: { ...plan.alliance, trust: 'high' } })).toBe(false);
  });

  it('ends no earlier than it starts', () => {
    expect(messages(PlanInputSchema, { ...plan, endsOn: '2026-01-04' })).toEqual([
      'endsOn: The plan cannot end before it starts',
    ]);
    expect(ok(PlanInputSchema, { ...plan, endsOn: '2026-01-05' })).toBe(true);
  });

  it('has at most one step per level, levels 1–3, each naming someone', () => {
    const twice = { ...plan, escalation: [plan.escalation[0], { ...plan.escalation[1], level: 1 }] };
    expect(messages(PlanInputSchema, twice)).toEqual([
      'escalation: Each escalation level appears at most once',
    ]);
    expect(
      ok(PlanInputSchema, { ...plan, escalation: [{ level: 4, userIds: [id(3)], contactIds: [] }] }),
    ).toBe(false);
    expect(
      messages(PlanInputSchema, { ...plan, escalation: [{ level: 1, userIds: [], contactIds: [] }] }),
    ).toEqual(['escalation.0.userIds: Name at least one person for this level']);
    expect(
      ok(PlanInputSchema, { ...plan, escalation: [{ level: 1, userIds: [id(3), id(3)], contactIds: [] }] }),
    ).toBe(false);
  });

  it('defaults what a PUT leaves out', () => {
    expect(PlanPutSchema.parse({ startsOn: '2026-01-05' })).toEqual({
      startsOn: '2026-01-05',
      status: 'active',
      endsOn: null,
      vision: '',
      reviewEveryDays: null,
      alliance: null,
      escalation: [],
    });
    expect(ok(PlanPutSchema, { startsOn: '2026-01-05', accountId: id(2) })).toBe(false);
  });
});

const objective = {
  id: id(10),
  accountId: id(2),
  title: 'On-time delivery',
  unit: '%',
  baseline: 82,
  target: 95,
  dueOn: '2026-12-31',
  ownerId: id(3),
  counterpartId: null,
  weight: 3,
  state: 'open',
};

describe('objective', () => {
  it('needs a target different from the baseline, a weight of 1–5 and finite values', () => {
    expect(ok(ObjectiveInputSchema, objective)).toBe(true);
    expect(ok(ObjectiveInputSchema, { ...objective, target: 60 })).toBe(true);
    expect(messages(ObjectiveInputSchema, { ...objective, target: 82 })).toEqual([
      'target: The target must differ from the baseline',
    ]);
    expect(ok(ObjectiveInputSchema, { ...objective, weight: 0 })).toBe(false);
    expect(ok(ObjectiveInputSchema, { ...objective, weight: 6 })).toBe(false);
    expect(ok(ObjectiveInputSchema, { ...objective, weight: 2.5 })).toBe(false);
    expect(ok(ObjectiveInputSchema, { ...objective, target: Number.POSITIVE_INFINITY })).toBe(false);
  });

  it('defaults on create, and a patch never moves it to another account', () => {
    const { unit: _u, counterpartId: _c, weight: _w, state: _s, id: _i, ...required } = objective;
    expect(ObjectiveCreateSchema.parse(required)).toMatchObject({
      unit: '',
      counterpartId: null,
      weight: 3,
      state: 'open',
    });
    expect(ok(ObjectivePatchSchema, { target: 99 })).toBe(true);
    expect(ok(ObjectivePatchSchema, { accountId: id(7) })).toBe(false);
  });
});

describe('responsibility', () => {
  const cell = {
    id: id(20),
    accountId: id(2),
    area: 'Logistics',
    objectiveId: null,
    userId: id(3),
    contactId: null,
    role: 'A',
  };
  it('names exactly one of a user or a contact', () => {
    expect(ok(ResponsibilityInputSchema, cell)).toBe(true);
    expect(ok(ResponsibilityInputSchema, { ...cell, userId: null, contactId: id(4) })).toBe(true);
    expect(messages(ResponsibilityInputSchema, { ...cell, contactId: id(4) })).toEqual([
      'userId: Name exactly one person: one of ours or one of their contacts',
    ]);
    expect(ok(ResponsibilityInputSchema, { ...cell, userId: null })).toBe(false);
    expect(ok(ResponsibilityInputSchema, { ...cell, role: 'X' })).toBe(false);
  });
});

describe('commitment', () => {
  const ours = {
    id: id(30),
    accountId: id(2),
    side: 'ours',
    ownerId: id(3),
    contactId: null,
    what: 'Send the revised forecast',
    dueOn: '2026-03-06',
    state: 'open',
    closedOn: null,
    interactionId: null,
  };
  it('of ours has an owner from our side; of theirs, a contact', () => {
    expect(ok(CommitmentInputSchema, ours)).toBe(true);
    expect(messages(CommitmentInputSchema, { ...ours, ownerId: null })).toEqual([
      'ownerId: A promise of ours names its owner on our side, and no contact',
    ]);
    const theirs = { ...ours, side: 'theirs', ownerId: null, contactId: id(4) };
    expect(ok(CommitmentInputSchema, theirs)).toBe(true);
    expect(messages(CommitmentInputSchema, { ...theirs, contactId: null })).toEqual([
      'contactId: A promise of theirs names the contact who made it, and no owner of ours',
    ]);
    expect(ok(CommitmentInputSchema, { ...theirs, ownerId: id(3) })).toBe(false);
  });

  it('has a closing date exactly when it is closed', () => {
    expect(ok(CommitmentInputSchema, { ...ours, state: 'kept', closedOn: '2026-03-07' })).toBe(true);
    expect(messages(CommitmentInputSchema, { ...ours, state: 'kept' })).toEqual([
      'closedOn: Give the day it was closed',
    ]);
    expect(ok(CommitmentInputSchema, { ...ours, closedOn: '2026-03-07' })).toBe(false);
  });
});

describe('conflict', () => {
  const open = {
    id: id(40),
    accountId: id(2),
    title: 'Late shipments',
    severity: 'high',
    level: 1,
    ownerId: id(3),
    openedOn: '2026-03-02',
    state: 'open',
    resolution: '',
    resolvedOn: null,
    lesson: '',
    interactionId: null,
  };
  it('starts at level 1 on create, and keeps levels 1–3', () => {
    const {
      id: _i,
      level: _l,
      state: _s,
      resolution: _r,
      resolvedOn: _o,
      lesson: _n,
      interactionId: _x,
      ...required
    } = open;
    expect(ConflictCreateSchema.parse(required)).toMatchObject({ level: 1, state: 'open', resolvedOn: null });
    expect(ok(ConflictCreateSchema, { ...required, level: 2 })).toBe(false);
    expect(ok(ConflictInputSchema, { ...open, level: 3 })).toBe(true);
    expect(ok(ConflictInputSchema, { ...open, level: 4 })).toBe(false);
    expect(ok(ConflictInputSchema, { ...open, severity: 'urgent' })).toBe(false);
  });

  it('is resolved with a date no earlier than it was opened', () => {
    expect(ok(ConflictInputSchema, { ...open, state: 'resolved', resolvedOn: '2026-03-02' })).toBe(true);
    expect(messages(ConflictInputSchema, { ...open, state: 'resolved' })).toEqual([
      'resolvedOn: Give the day it was resolved',
    ]);
    expect(messages(ConflictInputSchema, { ...open, state: 'resolved', resolvedOn: '2026-03-01' })).toEqual([
      'resolvedOn: It cannot be resolved before it was opened',
    ]);
    expect(ok(ConflictInputSchema, { ...open, resolvedOn: '2026-03-05' })).toBe(false);
  });
});

describe('review and milestone', () => {
  it('rates both sides 1–5, theirs optional', () => {
    const r = {
      id: id(50),
      accountId: id(2),
      heldOn: '2026-03-02',
      ourRating: 4,
      theirRating: null,
      worked: '',
      change: '',
      decisions: '',
      interactionId: null,
    };
    expect(ok(ReviewInputSchema, r)).toBe(true);
    expect(ok(ReviewInputSchema, { ...r, theirRating: 3 })).toBe(true);
    expect(ok(ReviewInputSchema, { ...r, ourRating: 0 })).toBe(false);
    expect(ok(ReviewInputSchema, { ...r, theirRating: 6 })).toBe(false);
  });

  it('is celebrated only once reached, not before', () => {
    const m = {
      id: id(60),
      accountId: id(2),
      title: 'First joint shipment',
      dueOn: null,
      achievedOn: '2026-03-02',
      celebratedOn: '2026-03-05',
      lesson: '',
      interactionId: null,
    };
    expect(ok(MilestoneInputSchema, m)).toBe(true);
    expect(ok(MilestoneInputSchema, { ...m, achievedOn: null })).toBe(false);
    expect(ok(MilestoneInputSchema, { ...m, celebratedOn: '2026-03-01' })).toBe(false);
  });
});
