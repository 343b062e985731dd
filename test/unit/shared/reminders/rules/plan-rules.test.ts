import { describe, expect, it } from 'vitest';
import {
  computePlanReminders,
  type PlanRemindersInput,
} from '../../../../../shared/reminders/compute-plan.ts';
import { reconcile } from '../../../../../shared/reminders/reconcile.ts';
import { reminderId } from '../../../../../shared/reminders/reminder-id.ts';
import { OrgSettingsSchema } from '../../../../../shared/schemas/settings.ts';
import { account, alice, bob, interaction, NOW, priya, USERS } from '../../support/builders.ts';
import {
  commitment,
  conflict,
  measurement,
  milestone,
  objective,
  plan,
  review,
} from '../../support/plan-builders.ts';

function drafts(overrides: Partial<PlanRemindersInput> = {}) {
  return computePlanReminders({
    account: account(),
    plan: null,
    objectives: [],
    measurements: [],
    commitments: [],
    conflicts: [],
    reviews: [],
    milestones: [],
    users: USERS,
    now: NOW,
    ...overrides,
  });
}
const ofRule = (rule: string, overrides: Partial<PlanRemindersInput> = {}) =>
  drafts(overrides).filter((d) => d.rule === rule);

describe('plan-review', () => {
  it('is due on the next review date at the start of the account owner’s hours', () => {
    const p = plan({ startsOn: '2026-01-05', reviewEveryDays: 60 });
    expect(ofRule('plan-review', { plan: p })).toEqual([
      {
        id: reminderId('plan-review', p.id, '2026-03-06'),
        rule: 'plan-review',
        userId: alice.id,
        accountId: 'acct-globex',
        interactionId: null,
        title: 'Partnership review with Globex due 2026-03-06',
        dueAt: '2026-03-06T14:00:00.000Z',
      },
    ]);
  });

  it('moves to a new id when a review is held, so the old one closes', () => {
    const p = plan({ reviewEveryDays: 60 });
    const before = ofRule('plan-review', { plan: p });
    const after = ofRule('plan-review', { plan: p, reviews: [review({ heldOn: '2026-03-09' })] });
    expect(after[0]).toMatchObject({ dueAt: '2026-05-08T13:00:00.000Z' });
    const result = reconcile(
      before.map((d) => ({ ...d, state: 'open' as const, snoozedUntil: null })),
      after,
      NOW,
    );
    expect(result.closes.map((c) => c.id)).toEqual([before[0]!.id]);
  });

  it('needs an active plan', () => {
    expect(ofRule('plan-review', { plan: plan({ status: 'draft' }) })).toEqual([]);
    expect(ofRule('plan-review', { plan: plan({ status: 'closed' }) })).toEqual([]);
    expect(ofRule('plan-review', { plan: plan({ deletedAt: NOW }) })).toEqual([]);
    expect(
      ofRule('plan-review', {
        plan: plan(),
        settings: OrgSettingsSchema.parse({ disabledRules: ['plan-review'] }),
      }),
    ).toEqual([]);
  });
});

describe('kpi-stale', () => {
  const o = objective({ ownerId: bob.id, createdAt: '2026-01-10T12:00:00Z' });

  it('reminds the objective’s owner 30 days after the latest measurement, in their hours', () => {
    const m = measurement(o.id, { measuredOn: '2026-02-20' });
    expect(ofRule('kpi-stale', { objectives: [o], measurements: [m] })).toEqual([
      {
        id: reminderId('kpi-stale', o.id, `measurement:${m.id}`),
        rule: 'kpi-stale',
        userId: bob.id,
        accountId: 'acct-globex',
        interactionId: null,
        title: "Record a value for 'On-time delivery' (Globex): none since 2026-02-20",
        dueAt: '2026-03-23T08:00:00.000Z', // 2026-03-22 is a Sunday: Monday 09:00 Berlin
      },
    ]);
  });

  it('counts from the objective’s creation without a measurement, and follows the setting', () => {
    const settings = OrgSettingsSchema.parse({ kpiStaleDays: 14 });
    expect(ofRule('kpi-stale', { objectives: [o], settings })[0]).toMatchObject({
      id: reminderId('kpi-stale', o.id, 'created'),
      dueAt: '2026-01-26T08:00:00.000Z',
    });
  });

  it('is replaced by a new measurement, and skips objectives achieved, dropped or reached', () => {
    const first = ofRule('kpi-stale', { objectives: [o] })[0]!;
    const m = measurement(o.id, { measuredOn: '2026-03-09' });
    expect(ofRule('kpi-stale', { objectives: [o], measurements: [m] })[0]!.id).not.toBe(first.id);
    expect(ofRule('kpi-stale', { objectives: [{ ...o, state: 'achieved' }] })).toEqual([]);
    expect(ofRule('kpi-stale', { objectives: [{ ...o, state: 'dropped' }] })).toEqual([]);
    expect(
      ofRule('kpi-stale', { objectives: [o], measurements: [measurement(o.id, { value: 96 })] }),
    ).toEqual([]);
  });

  it('falls back to the account owner when the objective’s owner has left', () => {
    expect(ofRule('kpi-stale', { objectives: [{ ...o, ownerId: 'user-left' }] })[0]!.userId).toBe(alice.id);
  });
});

describe('commitment-due', () => {
  it('reminds our owner on the due date', () => {
    const c = commitment({ ownerId: priya.id, dueOn: '2026-03-12', interactionId: 'int-1' });
    expect(ofRule('commitment-due', { commitments: [c] })).toEqual([
      {
        id: reminderId('commitment-due', c.id, '2026-03-12'),
        rule: 'commitment-due',
        userId: priya.id,
        accountId: 'acct-globex',
        interactionId: 'int-1',
        title: 'Our promise to Globex is due 2026-03-12: Send the revised forecast',
        dueAt: '2026-03-12T03:30:00.000Z', // 09:00 in Kolkata
      },
    ]);
  });

  it('reminds the account owner the day after one of theirs falls due (a Friday: on Monday)', () => {
    const c = commitment({
      side: 'theirs',
      ownerId: null,
      contactId: 'contact-1',
      what: 'Sign the NDA',
      dueOn: '2026-03-13',
    });
    expect(ofRule('commitment-due', { commitments: [c] })[0]).toMatchObject({
      userId: alice.id,
      title: 'Globex promised this by 2026-03-13; check on it: Sign the NDA',
      dueAt: '2026-03-16T13:00:00.000Z',
    });
  });

  it('closes when the promise is closed or moves when its date does', () => {
    const c = commitment({ dueOn: '2026-03-12' });
    expect(
      ofRule('commitment-due', { commitments: [{ ...c, state: 'kept', closedOn: '2026-03-11' }] }),
    ).toEqual([]);
    expect(ofRule('commitment-due', { commitments: [{ ...c, dueOn: '2026-03-19' }] })[0]!.id).not.toBe(
      ofRule('commitment-due', { commitments: [c] })[0]!.id,
    );
  });
});

describe('conflict-sla', () => {
  const ladder = plan({
    escalation: [
      { level: 2, userIds: [bob.id, 'user-left'], contactIds: ['contact-cfo'] },
      { level: 3, userIds: [priya.id], contactIds: [] },
    ],
  });
  const c = conflict({
    ownerId: alice.id,
    openedOn: '2026-03-02',
    level: 2,
    slaPeriods: 1,
    levelHistory: [
      { level: 1, at: '2026-03-02T15:00:00.000Z', cause: 'opened' },
      { level: 2, at: '2026-03-09T13:00:00.000Z', cause: 'sla' },
    ],
  });

  it('reaches the owner and our people at the new level, once each, and skips people who left', () => {
    const list = ofRule('conflict-sla', { plan: ladder, conflicts: [c] });
    expect(list.map((d) => [d.userId, d.dueAt]).sort()).toEqual([
      [alice.id, '2026-03-09T13:00:00.000Z'],
      [bob.id, '2026-03-09T13:00:00.000Z'],
    ]);
    expect(list[0]!.title).toBe(
      'Conflict with Globex past its SLA, now at level 2: Late shipments to Rotterdam',
    );
    expect(new Set(list.map((d) => d.id)).size).toBe(2);
    expect(list.map((d) => d.id).sort()).toEqual(
      [alice.id, bob.id].map((u) => reminderId('conflict-sla', `${c.id}|${u}`, 'level:2')).sort(),
    );
  });

  it('adds the next level’s people when the level rises again, keeping the earlier ones', () => {
    const higher = {
      ...c,
      level: 3,
      slaPeriods: 2,
      levelHistory: [...c.levelHistory, { level: 3, at: '2026-03-16T13:00:00.000Z', cause: 'sla' as const }],
    };
    const list = ofRule('conflict-sla', { plan: ladder, conflicts: [higher] });
    expect(list.map((d) => `${d.userId}@${d.title.match(/level (\d)/)![1]}`).sort()).toEqual([
      `${alice.id}@2`,
      `${alice.id}@3`,
      `${bob.id}@2`,
      `${priya.id}@3`,
    ]);
  });

  it('fires once per level even when a level is lowered and reached again', () => {
    const again = {
      ...c,
      levelHistory: [
        ...c.levelHistory,
        { level: 1, at: '2026-03-10T15:00:00.000Z', cause: 'manual' as const },
        { level: 2, at: '2026-03-17T13:00:00.000Z', cause: 'sla' as const },
      ],
    };
    expect(ofRule('conflict-sla', { plan: ladder, conflicts: [again] })).toEqual(
      ofRule('conflict-sla', { plan: ladder, conflicts: [c] }),
    );
  });

  it('goes to the account owner when the conflict’s owner has left, and stops once resolved', () => {
    const orphan = { ...c, ownerId: 'user-left' };
    expect(ofRule('conflict-sla', { conflicts: [orphan] }).map((d) => d.userId)).toEqual([alice.id]);
    expect(
      ofRule('conflict-sla', {
        plan: ladder,
        conflicts: [{ ...c, state: 'resolved', resolvedOn: '2026-03-10' }],
      }),
    ).toEqual([]);
    expect(
      ofRule('conflict-sla', {
        plan: ladder,
        conflicts: [{ ...c, levelHistory: c.levelHistory.slice(0, 1) }],
      }),
    ).toEqual([]);
  });
});

describe('milestone-due and celebrate', () => {
  it('reminds the account owner 7 days before a milestone is due', () => {
    const m = milestone({ dueOn: '2026-03-20' });
    expect(ofRule('milestone-due', { milestones: [m] })).toEqual([
      {
        id: reminderId('milestone-due', m.id, '2026-03-20'),
        rule: 'milestone-due',
        userId: alice.id,
        accountId: 'acct-globex',
        interactionId: null,
        title: 'Milestone with Globex due 2026-03-20: First joint shipment',
        dueAt: '2026-03-13T13:00:00.000Z',
      },
    ]);
    expect(ofRule('milestone-due', { milestones: [{ ...m, achievedOn: '2026-03-10' }] })).toEqual([]);
    expect(ofRule('milestone-due', { milestones: [{ ...m, dueOn: null }] })).toEqual([]);
  });

  it('asks to celebrate 3 business days after a milestone is reached, until it is', () => {
    const m = milestone({ achievedOn: '2026-03-12', interactionId: 'int-9' }); // Thursday
    expect(ofRule('celebrate', { milestones: [m] })).toEqual([
      {
        id: reminderId('celebrate', m.id, '2026-03-12'),
        rule: 'celebrate',
        userId: alice.id,
        accountId: 'acct-globex',
        interactionId: 'int-9',
        title: "Celebrate 'First joint shipment' with Globex, and note the lesson",
        dueAt: '2026-03-17T13:00:00.000Z', // Fri, Mon, Tue
      },
    ]);
    expect(ofRule('celebrate', { milestones: [{ ...m, celebratedOn: '2026-03-13' }] })).toEqual([]);
    const holiday = OrgSettingsSchema.parse({ holidays: ['2026-03-16'] });
    expect(ofRule('celebrate', { milestones: [m], settings: holiday })[0]!.dueAt).toBe(
      '2026-03-18T13:00:00.000Z',
    );
  });
});

describe('plan reminders as a whole', () => {
  it('go to the latest author when the account has no active owner, without using their words', () => {
    const secret = interaction({
      userId: bob.id,
      occurredAt: '2026-03-09T10:00:00Z',
      title: 'SECRET merger talks',
    });
    const list = drafts({
      account: account({ ownerId: null }),
      plan: plan(),
      milestones: [milestone()],
      interactions: [secret],
    });
    expect(list.length).toBeGreaterThan(0);
    expect(list.every((d) => d.userId === bob.id)).toBe(true);
    expect(JSON.stringify(list)).not.toContain('SECRET');
  });

  it('are none for a deleted account, and sorted by id', () => {
    const input = {
      plan: plan(),
      milestones: [milestone()],
      commitments: [commitment()],
      objectives: [objective()],
    };
    expect(drafts({ ...input, account: account({ deletedAt: NOW }) })).toEqual([]);
    const list = drafts(input);
    expect(list.map((d) => d.id)).toEqual([...list.map((d) => d.id)].sort());
  });
});
