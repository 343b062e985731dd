import type { MutationEnvelope } from '../../shared/schemas/index.ts';
import { uuidv7 } from '../../shared/uuid.ts';

// Relationship plans of the demo organisation (design §14): one healthy partnership (Acme
// Logistics) and one at risk (Globex Retail), each with objectives and their measurements,
// reviews, milestones, a two-sided responsibility matrix, promises both ways and, for Globex,
// a conflict past its SLA that the first cron run escalates. Records are pushed as they would
// have been written over the months, so created dates, expected progress and SLAs read true.

type Mutation = Omit<MutationEnvelope, 'id'>;

/** The people and contacts a demo plan names. */
export interface PlanCast {
  accountId: string;
  /** The account's owner (writes the plan), a manager and an admin (the upper escalation rungs). */
  owner: string;
  manager: string;
  admin: string;
  /** The account's contacts, in the order of demo-data.ts. */
  contacts: string[];
}

/** Mutations written by `by` on day `daysAgo` (relative to the seed's clock). */
export interface DemoWrite {
  daysAgo: number;
  by: string;
  mutation: Mutation;
}

const put = (daysAgo: number, by: string, name: string, args: Record<string, unknown>): DemoWrite => ({
  daysAgo,
  by,
  mutation: { name: name as Mutation['name'], args },
});

/** The day `n` days before `now`, as YYYY-MM-DD (negative: after). */
export function dayOf(now: Date, n: number): string {
  return new Date(now.getTime() - n * 86_400_000).toISOString().slice(0, 10);
}

/**
 * Acme Logistics: a healthy, long partnership. Delivery is improving toward its
 * target, the last review was six weeks ago, a milestone was reached and
 * celebrated, promises are kept on time, no conflict is open.
 */
export function acmePlan(c: PlanCast, now: Date): DemoWrite[] {
  const day = (n: number) => dayOf(now, n);
  const [dana, luis] = c.contacts as [string, string];
  const onTime = uuidv7();
  const cost = uuidv7();
  const out: DemoWrite[] = [
    put(200, c.owner, 'plan.put', {
      id: uuidv7(),
      accountId: c.accountId,
      status: 'active',
      startsOn: day(200),
      endsOn: day(-530),
      vision: 'Become Acme’s single logistics partner for the Nordics, measured by delivery and cost.',
      reviewEveryDays: 90,
      alliance: {
        duration: 'long',
        commitment: 'high',
        integration: 'medium',
        riskSharing: 'medium',
        flexibility: 'high',
      },
      escalation: [
        { level: 1, userIds: [c.owner], contactIds: [luis] },
        { level: 2, userIds: [c.manager], contactIds: [dana] },
        { level: 3, userIds: [c.admin], contactIds: [] },
      ],
    }),
    put(180, c.owner, 'objective.put', {
      id: onTime,
      accountId: c.accountId,
      title: 'On-time delivery',
      unit: '%',
      baseline: 82,
      target: 97,
      dueOn: day(-120),
      ownerId: c.owner,
      counterpartId: dana,
      weight: 5,
      state: 'open',
    }),
    put(180, c.owner, 'objective.put', {
      id: cost,
      accountId: c.accountId,
      title: 'Cost per shipment',
      unit: '€',
      baseline: 14.2,
      target: 12,
      dueOn: day(-200),
      ownerId: c.owner,
      counterpartId: luis,
      weight: 3,
      state: 'open',
    }),
  ];
  for (const [ago, value] of [
    [150, 85.5],
    [120, 88],
    [90, 89.4],
    [60, 91.2],
    [30, 92.8],
    [6, 94.1],
  ] as const) {
    out.push(
      put(ago, c.owner, 'measurement.put', {
        id: uuidv7(),
        objectiveId: onTime,
        value,
        measuredOn: day(ago),
        note: ago === 6 ? 'Dana’s monthly ops report' : '',
        interactionId: null,
      }),
    );
  }
  for (const [ago, value] of [
    [140, 13.9],
    [80, 13.2],
    [20, 12.7],
  ] as const) {
    out.push(
      put(ago, c.owner, 'measurement.put', {
        id: uuidv7(),
        objectiveId: cost,
        value,
        measuredOn: day(ago),
        note: '',
        interactionId: null,
      }),
    );
  }
  out.push(
    put(130, c.owner, 'review.put', {
      id: uuidv7(),
      accountId: c.accountId,
      heldOn: day(130),
      ourRating: 3,
      theirRating: 3,
      worked: 'Weekly ops call; shared delivery dashboard.',
      change: 'Escalations took too long; agree a ladder.',
      decisions: 'Escalation ladder agreed; pilot a joint warehouse in Gothenburg.',
      interactionId: null,
    }),
    put(42, c.owner, 'review.put', {
      id: uuidv7(),
      accountId: c.accountId,
      heldOn: day(42),
      ourRating: 4,
      theirRating: 4,
      worked: 'The warehouse pilot went live on time; delivery up nine points.',
      change: 'Forecasts still arrive late in the month.',
      decisions: 'Luis sends the rolling forecast by the 20th; we add EDI order intake.',
      interactionId: null,
    }),
    put(100, c.owner, 'milestone.put', {
      id: uuidv7(),
      accountId: c.accountId,
      title: 'Joint warehouse pilot live',
      dueOn: day(75),
      achievedOn: day(70),
      celebratedOn: day(64),
      lesson: 'Starting with one site and one weekly call kept the pilot on schedule.',
      interactionId: null,
    }),
    put(40, c.owner, 'milestone.put', {
      id: uuidv7(),
      accountId: c.accountId,
      title: 'EDI order intake in production',
      dueOn: day(-5),
      achievedOn: null,
      celebratedOn: null,
      lesson: '',
      interactionId: null,
    }),
  );
  // The matrix: each area has exactly one A.
  const cells: [string, string | null, string | null, 'R' | 'A' | 'C' | 'I'][] = [
    ['Delivery performance', null, dana, 'A'],
    ['Delivery performance', c.owner, null, 'R'],
    ['Delivery performance', c.manager, null, 'I'],
    ['Rolling forecast', null, luis, 'A'],
    ['Rolling forecast', c.owner, null, 'C'],
    ['EDI integration', c.owner, null, 'A'],
    ['EDI integration', null, luis, 'R'],
  ];
  for (const [area, userId, contactId, role] of cells) {
    out.push(
      put(125, c.owner, 'responsibility.put', {
        id: uuidv7(),
        accountId: c.accountId,
        area,
        objectiveId: area === 'Delivery performance' ? onTime : null,
        userId,
        contactId,
        role,
      }),
    );
  }
  const promise = (ago: number, side: 'ours' | 'theirs', what: string, due: number, closed: number | null) =>
    put(ago, c.owner, 'commitment.put', {
      id: uuidv7(),
      accountId: c.accountId,
      side,
      ownerId: side === 'ours' ? c.owner : null,
      contactId: side === 'theirs' ? luis : null,
      what,
      dueOn: day(due),
      state: closed === null ? 'open' : 'kept',
      closedOn: closed === null ? null : day(closed),
      interactionId: null,
    });
  out.push(
    promise(42, 'ours', 'Send the EDI specification', 35, 37),
    promise(42, 'ours', 'Quote for the second warehouse site', 21, 22),
    promise(42, 'theirs', 'Rolling forecast for Q1', 15, 16),
    promise(10, 'ours', 'Share the November delivery dashboard', -4, null),
    promise(10, 'theirs', 'Confirm the EDI test window', -8, null),
  );
  return out;
}

/**
 * Globex Retail: a partnership at risk. Contact has lapsed, the conversion
 * objective is off track with no fresh number, the review is overdue, our
 * promises slipped, and a high-severity conflict is past its SLA.
 */
export function globexPlan(c: PlanCast, now: Date): DemoWrite[] {
  const day = (n: number) => dayOf(now, n);
  const [hannah] = c.contacts as [string];
  const conversion = uuidv7();
  const pickup = uuidv7();
  const out: DemoWrite[] = [
    put(300, c.owner, 'plan.put', {
      id: uuidv7(),
      accountId: c.accountId,
      status: 'active',
      startsOn: day(300),
      endsOn: day(-65),
      vision: 'Lift Globex’s online conversion with our personalisation engine, store by store.',
      reviewEveryDays: 60,
      alliance: {
        duration: 'short',
        commitment: 'medium',
        integration: 'low',
        riskSharing: 'low',
        flexibility: 'medium',
      },
      escalation: [
        { level: 1, userIds: [c.owner], contactIds: [hannah] },
        { level: 2, userIds: [c.manager], contactIds: [] },
        { level: 3, userIds: [c.admin], contactIds: [] },
      ],
    }),
    put(280, c.owner, 'objective.put', {
      id: conversion,
      accountId: c.accountId,
      title: 'Online conversion rate',
      unit: '%',
      baseline: 2.1,
      target: 3.5,
      dueOn: day(-40),
      ownerId: c.owner,
      counterpartId: hannah,
      weight: 5,
      state: 'open',
    }),
    put(280, c.owner, 'objective.put', {
      id: pickup,
      accountId: c.accountId,
      title: 'Stores live with click & collect',
      unit: 'stores',
      baseline: 0,
      target: 120,
      dueOn: day(-60),
      ownerId: c.owner,
      counterpartId: hannah,
      weight: 3,
      state: 'open',
    }),
  ];
  for (const [ago, objectiveId, value] of [
    [200, conversion, 2.2],
    [120, conversion, 2.3],
    [52, conversion, 2.25],
    [150, pickup, 18],
    [90, pickup, 41],
    [45, pickup, 52],
  ] as const) {
    out.push(
      put(ago, c.owner, 'measurement.put', {
        id: uuidv7(),
        objectiveId,
        value,
        measuredOn: day(ago),
        note: '',
        interactionId: null,
      }),
    );
  }
  out.push(
    put(118, c.owner, 'review.put', {
      id: uuidv7(),
      accountId: c.accountId,
      heldOn: day(118),
      ourRating: 3,
      theirRating: 2,
      worked: 'The pilot stores adopted click & collect quickly.',
      change: 'Globex sees us as a vendor: we report late and rarely bring ideas.',
      decisions: 'Monthly steering with Hannah; a data-sharing agreement by the next review.',
      interactionId: null,
    }),
    put(250, c.owner, 'milestone.put', {
      id: uuidv7(),
      accountId: c.accountId,
      title: 'First 50 stores live',
      dueOn: day(60),
      achievedOn: day(44),
      celebratedOn: null,
      lesson: '',
      interactionId: null,
    }),
    put(118, c.owner, 'milestone.put', {
      id: uuidv7(),
      accountId: c.accountId,
      title: 'Data-sharing agreement signed',
      dueOn: day(-3),
      achievedOn: null,
      celebratedOn: null,
      lesson: '',
      interactionId: null,
    }),
  );
  // The matrix has two flags: nobody is accountable for data sharing, and two are for rollout.
  const cells: [string, string | null, string | null, 'R' | 'A' | 'C' | 'I'][] = [
    ['Store rollout', null, hannah, 'A'],
    ['Store rollout', c.owner, null, 'A'],
    ['Data sharing', c.owner, null, 'R'],
    ['Data sharing', null, hannah, 'C'],
    ['Conversion reporting', c.owner, null, 'A'],
    ['Conversion reporting', c.manager, null, 'I'],
  ];
  for (const [area, userId, contactId, role] of cells) {
    out.push(
      put(260, c.owner, 'responsibility.put', {
        id: uuidv7(),
        accountId: c.accountId,
        area,
        objectiveId: area === 'Conversion reporting' ? conversion : area === 'Store rollout' ? pickup : null,
        userId,
        contactId,
        role,
      }),
    );
  }
  const promise = (
    ago: number,
    side: 'ours' | 'theirs',
    what: string,
    due: number,
    state: 'open' | 'kept' | 'broken',
    closed: number | null,
  ) =>
    put(ago, c.owner, 'commitment.put', {
      id: uuidv7(),
      accountId: c.accountId,
      side,
      ownerId: side === 'ours' ? c.owner : null,
      contactId: side === 'theirs' ? hannah : null,
      what,
      dueOn: day(due),
      state,
      closedOn: closed === null ? null : day(closed),
      interactionId: null,
    });
  out.push(
    promise(118, 'ours', 'Monthly conversion report', 88, 'kept', 80),
    promise(118, 'ours', 'Draft of the data-sharing agreement', 90, 'kept', 61),
    promise(60, 'ours', 'A/B test plan for the checkout', 30, 'kept', 30),
    promise(40, 'ours', 'Root-cause analysis of the September dip', 12, 'open', null),
    promise(118, 'theirs', 'Legal review of the data-sharing draft', 45, 'broken', 20),
  );
  // Opened ten days ago at high severity (SLA five business days): the first cron run raises it to level 2.
  out.push(
    put(10, c.owner, 'conflict.put', {
      id: uuidv7(),
      accountId: c.accountId,
      title: 'Checkout outage blamed on our script',
      severity: 'high',
      level: 1,
      ownerId: c.owner,
      openedOn: day(10),
      state: 'open',
      resolution: '',
      resolvedOn: null,
      lesson: '',
      interactionId: null,
    }),
    put(150, c.owner, 'conflict.put', {
      id: uuidv7(),
      accountId: c.accountId,
      title: 'Invoice dispute over pilot fees',
      severity: 'medium',
      level: 1,
      ownerId: c.owner,
      openedOn: day(150),
      state: 'resolved',
      resolution: 'Credited half the pilot fee; fees fixed in the next order form.',
      resolvedOn: day(141),
      lesson: 'Write pilot fees into the order form, not an email.',
      interactionId: null,
    }),
  );
  return out;
}

/** Days within which Globex had no interaction, so its contact has visibly lapsed. */
export const GLOBEX_QUIET_DAYS = 24;
