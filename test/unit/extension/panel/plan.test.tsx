import { render } from 'preact-render-to-string';
import { describe, expect, it } from 'vitest';
import type { LocalAccount } from '../../../../extension/lib/db.ts';
import { enqueue, pendingMutations } from '../../../../extension/lib/outbox.ts';
import type { LocalCommitment, LocalConflict } from '../../../../extension/lib/plan-replica.ts';
import { applyPull, describeMutation } from '../../../../extension/lib/sync-engine.ts';
import { PlanSummary } from '../../../../extension/panel/plan/PlanSummary.tsx';
import { loadAccountPlan } from '../../../../extension/panel/plan/plan-data.ts';
import { planSettings, planView } from '../../../../extension/panel/plan/plan-view.ts';
import {
  buildCommitment,
  buildConflict,
  buildMeasurement,
  buildMilestoneReached,
  buildPlan,
  buildReview,
  closeCommitment,
  dueOnFor,
  interactionFor,
  mayChange,
  parseKpiValue,
  resolveConflict,
  saveLinked,
  type ThreadLink,
} from '../../../../extension/panel/plan/plan-writes.ts';
import { DEFAULT_ORG_SETTINGS } from '../../../../shared/reminders/settings.ts';
import type { ObjectiveInput, PageContext, PullResponse } from '../../../../shared/schemas/index.ts';
import { freshDb, USER_ID } from '../lib/support.ts';

const ZONE = 'Europe/Berlin';
// Friday 6 March 2026, 15:00 in Berlin.
const NOW = Date.parse('2026-03-06T14:00:00Z');
const ACCOUNT_ID = '0190a6f0-0000-7000-8000-00000000a001';
const OBJECTIVE_ID = '0190a6f0-0000-7000-8000-00000000b001';
const CONTACT_ID = '0190a6f0-0000-7000-8000-00000000c001';
const T0 = '2026-01-01T09:00:00.000Z';
const meta = { version: 3, createdAt: T0, updatedAt: T0, deletedAt: null };

const account: LocalAccount = {
  id: ACCOUNT_ID,
  name: 'Globex',
  domains: ['globex.test'],
  stakeholder: 'customer',
  tier: 'strategic',
  cadenceDays: null,
  ownerId: USER_ID,
  startsOn: null,
  endsOn: null,
  notes: '',
  ...meta,
};

const objective: ObjectiveInput = {
  id: OBJECTIVE_ID,
  accountId: ACCOUNT_ID,
  title: 'On-time delivery',
  unit: '%',
  baseline: 80,
  target: 95,
  dueOn: '2026-12-31',
  ownerId: USER_ID,
  counterpartId: null,
  weight: 3,
  state: 'open',
};

const context: PageContext = {
  site: 'gmail',
  kind: 'email-thread',
  ref: 'thread-kpi',
  title: 'Re: February delivery numbers',
  participants: [],
  occurredAt: '2026-03-05T10:00:00.000Z',
  url: 'https://mail.google.com/mail/u/0/#inbox/thread-kpi',
} as unknown as PageContext;

const link = (patch: Partial<ThreadLink> = {}): ThreadLink => ({
  context,
  match: null,
  logged: null,
  accountId: ACCOUNT_ID,
  timeZone: ZONE,
  ...patch,
});

function page(patch: Partial<PullResponse>): PullResponse {
  return {
    cookie: 10,
    lastMutationId: 0,
    hasMore: false,
    accounts: [account],
    contacts: [],
    interactions: [],
    reminders: [],
    plans: [],
    objectives: [],
    measurements: [],
    reviews: [],
    milestones: [],
    responsibilities: [],
    commitments: [],
    conflicts: [],
    ...patch,
  };
}

const serverObjective = { ...objective, createdBy: USER_ID, ...meta };

describe('typed KPI values', () => {
  it('reads the ways people write numbers, and refuses what is not one', () => {
    expect(parseKpiValue('92.5')).toBe(92.5);
    expect(parseKpiValue(' 92,5 % ')).toBe(92.5);
    expect(parseKpiValue('1,234,567.5')).toBe(1_234_567.5);
    expect(parseKpiValue('-3')).toBe(-3);
    expect(parseKpiValue('1e3')).toBe(1000);
    expect(parseKpiValue('')).toBeNull();
    expect(parseKpiValue('about 90')).toBeNull();
    expect(parseKpiValue('1e13')).toBeNull();
    expect(parseKpiValue('1.2.3')).toBeNull();
  });
});

describe('due-date quick picks', () => {
  it('are days in the user zone', () => {
    expect(dueOnFor('tomorrow', NOW, ZONE)).toBe('2026-03-09'); // the next working day after Friday
    expect(dueOnFor('3-business-days', NOW, ZONE)).toBe('2026-03-11');
    expect(dueOnFor('next-week', NOW, ZONE)).toBe('2026-03-09');
    expect(dueOnFor('2-weeks', NOW, ZONE)).toBe('2026-03-20');
    expect(dueOnFor('end-of-month', NOW, ZONE)).toBe('2026-03-31');
    expect(dueOnFor('end-of-month', Date.parse('2026-12-10T10:00:00Z'), ZONE)).toBe('2026-12-31');
    expect(dueOnFor('date', NOW, ZONE, '2026-04-01')).toBe('2026-04-01');
    expect(dueOnFor('date', NOW, ZONE, '')).toBeNull();
  });
});

describe('plan records built from the forms', () => {
  it('explain what is missing in plain words', () => {
    expect(
      buildMeasurement({ objectiveId: '', value: '1', measuredOn: '2026-03-05', note: '' }, null, NOW),
    ).toBe('Pick the objective it measures.');
    expect(
      buildMeasurement(
        { objectiveId: OBJECTIVE_ID, value: 'lots', measuredOn: '2026-03-05', note: '' },
        null,
        NOW,
      ),
    ).toMatch(/number/);
    const commitment = {
      accountId: ACCOUNT_ID,
      side: 'theirs' as const,
      ownerId: USER_ID,
      contactId: '',
      what: 'Forecast',
      dueOn: '2026-03-10',
    };
    expect(buildCommitment(commitment, null, NOW)).toBe('Pick the contact who promised it.');
    expect(buildCommitment({ ...commitment, what: '  ' }, null, NOW)).toBe('Say what was promised.');
    expect(
      buildConflict(
        { accountId: ACCOUNT_ID, title: 'x', severity: 'high', ownerId: '', openedOn: '2026-03-05' },
        null,
        NOW,
      ),
    ).toMatch(/handles/);
  });

  it('a promise of theirs names the contact and no owner; ours the owner and no contact', () => {
    const base = {
      accountId: ACCOUNT_ID,
      ownerId: USER_ID,
      contactId: CONTACT_ID,
      what: 'Share the Q3 forecast',
      dueOn: '2026-03-13',
    };
    expect(buildCommitment({ ...base, side: 'theirs' }, 'i1', NOW)).toMatchObject({
      side: 'theirs',
      ownerId: null,
      contactId: CONTACT_ID,
      state: 'open',
      closedOn: null,
      interactionId: 'i1',
    });
    expect(buildCommitment({ ...base, side: 'ours' }, null, NOW)).toMatchObject({
      ownerId: USER_ID,
      contactId: null,
    });
  });

  it('a conflict starts at level 1; resolving keeps the thread it was raised in and refuses a day before it', () => {
    const c = buildConflict(
      {
        accountId: ACCOUNT_ID,
        title: 'Late pallets',
        severity: 'high',
        ownerId: USER_ID,
        openedOn: '2026-03-05',
      },
      'raised-in',
      NOW,
    );
    if (typeof c === 'string') throw new Error(c);
    expect(c).toMatchObject({ level: 1, state: 'open', resolvedOn: null });
    const local = { ...c, createdBy: USER_ID, slaPeriods: 0, levelHistory: [], ...meta } as LocalConflict;
    expect(
      resolveConflict(local, { resolution: 'Fixed', lesson: '', resolvedOn: '2026-03-04' }, 'x'),
    ).toMatch(/cannot be resolved before/);
    expect(resolveConflict(local, { resolution: ' ', lesson: '', resolvedOn: '2026-03-06' }, 'x')).toMatch(
      /how it was resolved/,
    );
    expect(
      resolveConflict(
        local,
        { resolution: 'New carrier', lesson: 'Check capacity', resolvedOn: '2026-03-06' },
        'closing-thread',
      ),
    ).toMatchObject({
      state: 'resolved',
      resolvedOn: '2026-03-06',
      resolution: 'New carrier',
      lesson: 'Check capacity',
      interactionId: 'raised-in',
    });
  });

  it('closing a commitment keeps where it was made, or links the closing thread when it had none', () => {
    const c = {
      ...(buildCommitment(
        {
          accountId: ACCOUNT_ID,
          side: 'ours',
          ownerId: USER_ID,
          contactId: '',
          what: 'Quote',
          dueOn: '2026-03-04',
        },
        null,
        NOW,
      ) as object),
      createdBy: USER_ID,
      ...meta,
    } as LocalCommitment;
    expect(closeCommitment(c, 'kept', '2026-03-06', 'closing')).toMatchObject({
      state: 'kept',
      closedOn: '2026-03-06',
      interactionId: 'closing',
    });
    expect(
      closeCommitment({ ...c, interactionId: 'made-in' }, 'broken', '2026-03-06', 'closing'),
    ).toMatchObject({ state: 'broken', interactionId: 'made-in' });
  });

  it('a review keeps both ratings, and their rating may be missing', () => {
    const f = {
      accountId: ACCOUNT_ID,
      heldOn: '2026-03-05',
      ourRating: 4,
      theirRating: 3,
      worked: 'Weekly calls',
      change: '',
      decisions: '',
    };
    expect(buildReview(f, 'meeting', NOW)).toMatchObject({
      ourRating: 4,
      theirRating: 3,
      interactionId: 'meeting',
    });
    expect(buildReview({ ...f, theirRating: null }, null, NOW)).toMatchObject({ theirRating: null });
    expect(buildReview({ ...f, ourRating: 0 }, null, NOW)).toMatch(/1 to 5/);
  });

  it('a planned milestone reached keeps its plan; a new one is named', () => {
    const planned = {
      id: 'm1',
      accountId: ACCOUNT_ID,
      title: 'Go-live',
      dueOn: '2026-03-10',
      achievedOn: null,
      celebratedOn: null,
      lesson: '',
      interactionId: null,
      createdBy: USER_ID,
      ...meta,
    };
    expect(
      buildMilestoneReached(
        {
          accountId: ACCOUNT_ID,
          milestone: planned,
          title: '',
          achievedOn: '2026-03-05',
          lesson: 'Pilot first',
        },
        'thread',
        NOW,
      ),
    ).toMatchObject({
      id: 'm1',
      dueOn: '2026-03-10',
      achievedOn: '2026-03-05',
      lesson: 'Pilot first',
      interactionId: 'thread',
    });
    expect(
      buildMilestoneReached(
        { accountId: ACCOUNT_ID, milestone: null, title: ' ', achievedOn: '2026-03-05', lesson: '' },
        null,
        NOW,
      ),
    ).toBe('Name the milestone.');
  });

  it('only the author, the account owner, managers and admins change a record', () => {
    const other = { ownerId: 'someone-else' };
    expect(mayChange({ createdBy: USER_ID }, other, 'member', USER_ID)).toBe(true);
    expect(mayChange({ createdBy: 'x' }, other, 'member', USER_ID)).toBe(false);
    expect(mayChange({ createdBy: 'x' }, other, 'manager', USER_ID)).toBe(true);
    expect(mayChange({ createdBy: 'x' }, { ownerId: USER_ID }, 'member', USER_ID)).toBe(true);
  });
});

describe('saved with the thread, offline', () => {
  it('logs an unlogged thread as strategic in the same transaction and links the KPI value to it', async () => {
    const db = await freshDb();
    await applyPull(db, page({ objectives: [serverObjective] }), USER_ID);
    const thread = interactionFor(link(), NOW);
    expect(thread.create).toMatchObject({ tag: 'strategic', accountId: ACCOUNT_ID, title: context.title });
    const m = buildMeasurement(
      { objectiveId: OBJECTIVE_ID, value: '91', measuredOn: '2026-03-05', note: 'Feb' },
      thread.id,
      NOW,
    );
    if (typeof m === 'string') throw new Error(m);
    await saveLinked(db, USER_ID, thread.create, [{ name: 'measurement.put', args: m }], NOW);

    const outbox = await pendingMutations(db);
    expect(outbox.map((x) => x.name)).toEqual(['interaction.put', 'measurement.put']);
    expect((outbox[1]!.args as { interactionId: string }).interactionId).toBe(outbox[0]!.args.id);
    // The replica shows it at once, on its objective's account, pending.
    expect(await db.get('measurements', m.id)).toMatchObject({
      accountId: ACCOUNT_ID,
      value: 91,
      pending: true,
      createdBy: USER_ID,
    });
    expect(describeMutation(outbox[1]!)).toBe('The KPI value 91');
  });

  it("links to the user's log of the thread when there is one, and logs nothing new", () => {
    const logged = { id: 'already', occurredAt: '2026-03-05T10:00:00.000Z' } as never;
    expect(interactionFor(link({ logged }), NOW)).toEqual({ id: 'already', create: null });
    expect(interactionFor(link({ context: null }), NOW)).toEqual({ id: null, create: null });
  });

  it('a pull brings every plan record into the replica; pending writes stay on top', async () => {
    const db = await freshDb();
    const conflict = {
      ...(buildConflict(
        {
          accountId: ACCOUNT_ID,
          title: 'Late pallets',
          severity: 'high',
          ownerId: USER_ID,
          openedOn: '2026-03-02',
        },
        null,
        NOW,
      ) as object),
      createdBy: USER_ID,
      slaPeriods: 0,
      levelHistory: [{ level: 1, at: T0, cause: 'opened' }],
      ...meta,
    } as LocalConflict;
    await applyPull(db, page({ objectives: [serverObjective], conflicts: [conflict] }), USER_ID);
    const resolved = resolveConflict(
      conflict,
      { resolution: 'Carrier changed', lesson: '', resolvedOn: '2026-03-06' },
      null,
    );
    if (typeof resolved === 'string') throw new Error(resolved);
    await enqueue(db, 'conflict.put', resolved, USER_ID, new Date(NOW));
    // The server's copy arrives again (the push has not gone yet): the local resolution stays.
    await applyPull(db, page({ cookie: 11, conflicts: [{ ...conflict, level: 2, slaPeriods: 1 }] }), USER_ID);
    expect(await db.get('conflicts', conflict.id)).toMatchObject({
      state: 'resolved',
      pending: true,
      slaPeriods: 1,
      level: 1,
    });
    const data = await loadAccountPlan(db, ACCOUNT_ID);
    expect(data.objectives.map((o) => o.id)).toEqual([OBJECTIVE_ID]);
    expect(data.conflicts).toHaveLength(1);
  });
});

describe('the plan section', () => {
  const settings = planSettings({
    strategicReviewDays: 60,
    conflictSlaDays: { high: 3 },
    junk: 1,
    healthWeights: 'bad',
  });

  it('takes cached settings over the defaults only where they have the right shape', () => {
    expect(settings.strategicReviewDays).toBe(60);
    expect(settings.conflictSlaDays).toEqual({ ...DEFAULT_ORG_SETTINGS.conflictSlaDays, high: 3 });
    expect(settings.healthWeights).toEqual(DEFAULT_ORG_SETTINGS.healthWeights);
    expect('junk' in settings).toBe(false);
  });

  it('shows health with its reason, objectives behind first, the next review, commitments due soonest, conflicts by level', async () => {
    const db = await freshDb();
    const plan = {
      ...buildPlan(ACCOUNT_ID, 'First call for cold chain', '2026-01-05', NOW),
      createdBy: USER_ID,
      ...meta,
    };
    const second = {
      ...serverObjective,
      id: '0190a6f0-0000-7000-8000-00000000b002',
      title: 'Joint pipeline',
      unit: 'k€',
      baseline: 0,
      target: 500,
    };
    const mk = (what: string, dueOn: string, side: 'ours' | 'theirs') =>
      ({
        ...(buildCommitment(
          { accountId: ACCOUNT_ID, side, ownerId: USER_ID, contactId: CONTACT_ID, what, dueOn },
          null,
          NOW,
        ) as object),
        createdBy: USER_ID,
        ...meta,
      }) as unknown as LocalCommitment;
    const conflict = (title: string, level: number) =>
      ({
        ...(buildConflict(
          { accountId: ACCOUNT_ID, title, severity: 'medium', ownerId: USER_ID, openedOn: '2026-02-02' },
          null,
          NOW,
        ) as object),
        level,
        createdBy: USER_ID,
        slaPeriods: level - 1,
        levelHistory: [],
        ...meta,
      }) as unknown as LocalConflict;
    await applyPull(
      db,
      page({
        plans: [plan],
        objectives: [serverObjective, second],
        measurements: [
          {
            id: 'm-1',
            objectiveId: OBJECTIVE_ID,
            accountId: ACCOUNT_ID,
            value: 93,
            measuredOn: '2026-03-01',
            note: '',
            interactionId: null,
            createdBy: USER_ID,
            ...meta,
          },
        ],
        commitments: [mk('Forecast', '2026-03-20', 'theirs'), mk('Revised quote', '2026-03-04', 'ours')],
        conflicts: [conflict('Invoice dispute', 1), conflict('Late pallets', 2)],
      }),
      USER_ID,
    );
    const data = await loadAccountPlan(db, ACCOUNT_ID);
    const view = planView(account, data, [{ id: USER_ID, timeZone: ZONE }], settings, ZONE, NOW);
    expect(view.objectives.map((r) => [r.objective.title, r.progress.status])).toEqual([
      ['Joint pipeline', 'at-risk'],
      ['On-time delivery', 'on-track'],
    ]);
    expect(view.nextReview).toBe('2026-03-06'); // started 5 Jan + 60 days
    expect(view.reviewInDays).toBe(0);
    expect(view.commitments.map((c) => c.what)).toEqual(['Revised quote', 'Forecast']);
    expect(view.conflicts.map((c) => [c.conflict.title, c.pastSla])).toEqual([
      ['Late pallets', true],
      ['Invoice dispute', true],
    ]);
    expect(view.health.parts.find((p) => p.name === 'conflicts')!.score).toBeLessThan(100);
    expect(view.health.reason.length).toBeGreaterThan(0);

    const html = render(
      <PlanSummary
        view={view}
        hasPlan
        showHealth
        names={new Map([[USER_ID, 'Uma']])}
        contactNames={new Map([[CONTACT_ID, 'Carla Client']])}
        onClose={() => {}}
        onResolve={() => {}}
      />,
    );
    expect(html).toContain(
      view.health.reason
        .replace(/'/g, '&#39;')
        .replace(/&(?!#)/g, '&amp;')
        .slice(0, 20),
    );
    expect(html).toContain(`data-score="${view.health.score}"`);
    expect(html).toMatch(/Revised quote[\s\S]*2 days late[\s\S]*Forecast[\s\S]*in 14 days\) · Carla Client/);
    expect(html).toMatch(/Level 2<\/span> Late pallets[\s\S]*past its SLA/);
    expect(html).toContain('93 % → 95 % by 31 Dec 2026');
    expect(html).toContain('Next review</strong> 6 Mar 2026 (today)');
  });

  it('moves at once when a value toward the target is recorded offline', async () => {
    const db = await freshDb();
    await applyPull(
      db,
      page({
        plans: [{ ...buildPlan(ACCOUNT_ID, '', '2026-01-05', NOW), createdBy: USER_ID, ...meta }],
        objectives: [serverObjective],
      }),
      USER_ID,
    );
    const users = [{ id: USER_ID, timeZone: ZONE }];
    const before = planView(account, await loadAccountPlan(db, ACCOUNT_ID), users, settings, ZONE, NOW);
    const m = buildMeasurement(
      { objectiveId: OBJECTIVE_ID, value: '94', measuredOn: '2026-03-05', note: '' },
      null,
      NOW,
    );
    if (typeof m === 'string') throw new Error(m);
    await saveLinked(db, USER_ID, null, [{ name: 'measurement.put', args: m }], NOW);
    const after = planView(account, await loadAccountPlan(db, ACCOUNT_ID), users, settings, ZONE, NOW);
    const part = (v: typeof before) => v.health.parts.find((p) => p.name === 'objectives')!.score ?? 0;
    expect(after.objectives[0]!.progress.progress).toBeGreaterThan(before.objectives[0]!.progress.progress);
    expect(part(after)).toBeGreaterThanOrEqual(part(before));
    expect(after.objectives[0]!.progress.latest?.value).toBe(94);
  });
});
