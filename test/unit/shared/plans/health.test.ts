import { describe, expect, it } from 'vitest';
import {
  type ContactClock,
  computeHealth,
  contactClock,
  explainMove,
  type HealthInput,
} from '../../../../shared/plans/health/index.ts';
import { bandDropped, healthBand } from '../../../../shared/plans/health/names.ts';
import { OrgSettingsSchema } from '../../../../shared/schemas/settings.ts';
import { account, interaction, NOW, USERS } from '../support/builders.ts';
import { commitment, conflict, measurement, objective, plan, review } from '../support/plan-builders.ts';

const DAY = 86_400_000;
const ago = (days: number) => new Date(Date.parse(NOW) - days * DAY).toISOString();
const fresh: ContactClock = { lastAt: ago(3), lastStrategicAt: ago(10) };

function health(overrides: Partial<HealthInput> = {}) {
  return computeHealth({
    account: account(),
    plan: null,
    contact: fresh,
    users: USERS,
    now: NOW,
    ...overrides,
  });
}
const part = (h: ReturnType<typeof health>, name: string) => h.parts.find((p) => p.name === name)!;

describe('health: contact cadence and strategic attention', () => {
  it('is full within the cadence and says when the last contact was', () => {
    expect(part(health(), 'cadence')).toMatchObject({
      score: 100,
      reason: 'Last contact 3 days ago, within the 14-day cadence',
    });
    expect(part(health({ contact: { lastAt: ago(1), lastStrategicAt: null } }), 'cadence').reason).toBe(
      'Last contact yesterday, within the 14-day cadence',
    );
  });

  it('leaves the cadence out when keep-in-touch is switched off (cadence 0)', () => {
    const h = health({ account: account({ cadenceDays: 0 }), contact: { ...fresh, lastAt: ago(400) } });
    expect(part(h, 'cadence')).toMatchObject({ score: null });
    expect(h.score).not.toBeNull();
  });

  it('falls linearly to 0 at twice the cadence', () => {
    expect(part(health({ contact: { ...fresh, lastAt: ago(21) } }), 'cadence')).toMatchObject({
      score: 50,
      reason: 'No contact in 21 days, past the 14-day cadence',
    });
    expect(part(health({ contact: { ...fresh, lastAt: ago(41) } }), 'cadence')).toMatchObject({
      score: 0,
      reason: 'No contact in 41 days, over twice the 14-day cadence',
    });
    // A tactical account's cadence is 30 days; an account's own cadence wins.
    expect(
      part(
        health({ account: account({ tier: 'tactical' }), contact: { ...fresh, lastAt: ago(45) } }),
        'cadence',
      ).score,
    ).toBe(50);
    expect(
      part(
        health({ account: account({ cadenceDays: 7 }), contact: { ...fresh, lastAt: ago(10) } }),
        'cadence',
      ).score,
    ).toBe(57);
  });

  it('counts from the account’s creation when there was never an interaction', () => {
    const h = health({
      account: account({ createdAt: ago(5) }),
      contact: { lastAt: null, lastStrategicAt: null },
    });
    expect(part(h, 'cadence')).toMatchObject({
      score: 100,
      reason: 'No interaction since the account was added 5 days ago; the cadence is 14 days',
    });
    expect(part(h, 'attention').reason).toBe(
      'No strategic interaction since the account was added 5 days ago (review period 90 days)',
    );
  });

  it('measures strategic attention against the review period', () => {
    expect(part(health(), 'attention')).toMatchObject({
      score: 100,
      reason: 'Last strategic interaction 10 days ago, within the 90-day review period',
    });
    expect(part(health({ contact: { ...fresh, lastStrategicAt: ago(135) } }), 'attention')).toMatchObject({
      score: 50,
      reason: 'No strategic interaction in 135 days, past the 90-day review period',
    });
  });

  it('counts private interactions without any of their words appearing', () => {
    const secret = interaction({
      occurredAt: ago(2),
      tag: 'strategic',
      title: 'SECRET merger talks',
      // Extra fields a caller may pass along with a full record.
      ...({ notes: 'CONFIDENTIAL figures', visibility: 'private' } as object),
    });
    const older = interaction({ occurredAt: ago(30), title: 'Invoice question' });
    const clock = contactClock([older, secret]);
    expect(clock).toEqual({ lastAt: Date.parse(ago(2)), lastStrategicAt: Date.parse(ago(2)) });
    const h = health({ contact: clock, plan: plan(), objectives: [objective({ createdAt: ago(10) })] });
    expect(part(h, 'cadence')).toMatchObject({
      score: 100,
      reason: 'Last contact 2 days ago, within the 14-day cadence',
    });
    expect(part(h, 'attention').score).toBe(100);
    const text = JSON.stringify(h);
    expect(text).not.toContain('SECRET');
    expect(text).not.toContain('merger');
    expect(text).not.toContain('CONFIDENTIAL');
    expect(text).not.toContain('Invoice');
  });

  it('ignores deleted interactions', () => {
    const gone = interaction({ occurredAt: ago(1), deletedAt: ago(0) });
    expect(contactClock([gone, interaction({ occurredAt: ago(9) })]).lastAt).toBe(Date.parse(ago(9)));
  });
});

describe('health: objectives', () => {
  // Set 100 days ago, due in 100: half the time gone.
  const timed = {
    createdAt: ago(100),
    dueOn: new Date(Date.parse(NOW) + 100 * DAY).toISOString().slice(0, 10),
  };

  it('has no data without objectives, and drops dropped ones', () => {
    expect(part(health(), 'objectives')).toEqual({
      name: 'objectives',
      score: null,
      weight: 0,
      reason: 'No objectives set yet',
    });
    const dropped = objective({ ...timed, state: 'dropped' });
    expect(part(health({ objectives: [dropped] }), 'objectives').score).toBeNull();
  });

  it('names the objective that costs the most, with its progress', () => {
    const good = objective({ ...timed, title: 'Fill rate', baseline: 0, target: 100, weight: 1 });
    const bad = objective({ ...timed, title: 'On-time delivery', baseline: 80, target: 95, weight: 3 });
    const ms = [
      measurement(good.id, { value: 60, measuredOn: NOW.slice(0, 10) }),
      measurement(bad.id, { value: 81, measuredOn: NOW.slice(0, 10) }),
    ];
    const p = part(health({ objectives: [good, bad], measurements: ms }), 'objectives');
    // Fill rate on track (100 × 1), delivery off track (0 × 3): 25.
    expect(p).toMatchObject({
      score: 25,
      reason: "'On-time delivery' is off track: 7% of the way, 50% expected",
    });
  });

  it('says how long an objective has gone unmeasured', () => {
    const o = objective({ ...timed, title: 'On-time delivery', baseline: 80, target: 95 });
    const stale = measurement(o.id, { value: 84, measuredOn: ago(41).slice(0, 10) });
    expect(part(health({ objectives: [o], measurements: [stale] }), 'objectives').reason).toBe(
      "No measurement for 'On-time delivery' in 41 days; it is at risk (27% of the way, 50% expected)",
    );
    const fine = measurement(o.id, { value: 88, measuredOn: ago(41).slice(0, 10) });
    expect(part(health({ objectives: [o], measurements: [fine] }), 'objectives')).toMatchObject({
      score: 100,
      reason: "The objective is on track, but no measurement for 'On-time delivery' in 41 days",
    });
  });

  it('counts achieved as 100 and at risk as 50, weighted', () => {
    const a = objective({ ...timed, title: 'A', baseline: 0, target: 10, weight: 1 });
    const b = objective({ ...timed, title: 'B', baseline: 0, target: 10, weight: 1 });
    const ms = [
      measurement(a.id, { value: 10, measuredOn: NOW.slice(0, 10) }),
      measurement(b.id, { value: 3, measuredOn: NOW.slice(0, 10) }),
    ];
    expect(part(health({ objectives: [a, b], measurements: ms }), 'objectives')).toMatchObject({
      score: 75,
      reason: "'B' is at risk: 30% of the way, 50% expected",
    });
    expect(part(health({ objectives: [a], measurements: ms }), 'objectives').reason).toBe(
      'The objective is achieved',
    );
  });
});

describe('health: commitments', () => {
  const today = NOW.slice(0, 10);

  it('has no data without a verdict on one of ours', () => {
    expect(
      part(health({ commitments: [commitment({ dueOn: '2026-04-01' })] }), 'commitments').score,
    ).toBeNull();
  });

  it('says how many of our promises were kept late', () => {
    const list = [
      commitment({ state: 'kept', dueOn: '2026-02-01', closedOn: '2026-02-01' }),
      commitment({ state: 'kept', dueOn: '2026-02-01', closedOn: '2026-01-20' }),
      commitment({ state: 'kept', dueOn: '2026-02-01', closedOn: '2026-01-31' }),
      commitment({ state: 'kept', dueOn: '2026-02-01', closedOn: '2026-02-03' }),
      commitment({ state: 'kept', dueOn: '2026-02-10', closedOn: today }),
    ];
    expect(part(health({ commitments: list }), 'commitments')).toMatchObject({
      score: 60,
      reason: '2 of our 5 promises in the last 180 days were kept late',
    });
  });

  it('lists every kind of failure, the largest first', () => {
    const list = [
      commitment({ state: 'kept', dueOn: '2026-02-01', closedOn: '2026-02-01' }),
      commitment({ state: 'broken', dueOn: '2026-02-01', closedOn: '2026-02-02' }),
      commitment({ state: 'broken', dueOn: '2026-02-01', closedOn: '2026-02-02' }),
      commitment({ state: 'open', dueOn: '2026-03-01' }),
      commitment({ state: 'kept', dueOn: '2026-02-01', closedOn: '2026-02-03' }),
    ];
    expect(part(health({ commitments: list }), 'commitments')).toMatchObject({
      score: 20,
      reason: '2 of our 5 promises in the last 180 days were broken, 1 was kept late and 1 is open past due',
    });
    expect(part(health({ commitments: list.slice(0, 1) }), 'commitments').reason).toBe(
      'Our one promise in the last 180 days was kept on time',
    );
    expect(part(health({ commitments: list.slice(1, 2) }), 'commitments')).toMatchObject({
      score: 0,
      reason: 'Our one promise in the last 180 days was broken',
    });
  });
});

describe('health: conflicts', () => {
  it('has no data with no plan and none open, and is full with a plan and none open', () => {
    expect(part(health(), 'conflicts').score).toBeNull();
    const resolved = conflict({ state: 'resolved', resolvedOn: '2026-03-04' });
    expect(part(health({ conflicts: [resolved] }), 'conflicts').score).toBeNull();
    expect(part(health({ plan: plan(), conflicts: [resolved] }), 'conflicts')).toMatchObject({
      score: 100,
      reason: 'No open conflicts',
    });
  });

  it('takes each open conflict’s penalty, doubled past its SLA, floored at 0', () => {
    // High (5 business days) opened Monday 2026-03-09: within SLA on Tuesday 10th.
    const recent = conflict({ title: 'Damaged pallets', severity: 'high', openedOn: '2026-03-09' });
    expect(part(health({ conflicts: [recent] }), 'conflicts')).toMatchObject({
      score: 70,
      reason: "One open conflict: 'Damaged pallets' (high) is open since 2026-03-09",
    });
    // Opened 2026-03-02: its SLA ended on Monday 9th.
    const old = conflict({ title: 'Late shipments', severity: 'high', openedOn: '2026-03-02', level: 2 });
    expect(part(health({ conflicts: [old] }), 'conflicts')).toMatchObject({
      score: 40,
      reason: "One open conflict: 'Late shipments' (high, level 2) is past its 5-business-day SLA",
    });
    const low = conflict({ severity: 'low', openedOn: '2026-03-09' });
    expect(part(health({ conflicts: [old, recent, low] }), 'conflicts')).toMatchObject({
      score: 5,
      reason: "3 open conflicts: 'Late shipments' (high, level 2) is past its 5-business-day SLA",
    });
    const critical = conflict({ severity: 'critical', openedOn: '2026-02-02' });
    expect(part(health({ conflicts: [critical, old] }), 'conflicts').score).toBe(0);
  });
});

describe('health: reviews', () => {
  it('is full while the next review is more than 14 days away', () => {
    const p = plan({ startsOn: '2026-01-05', reviewEveryDays: 90 }); // due 2026-04-05
    expect(part(health({ plan: p }), 'reviews')).toMatchObject({
      score: 100,
      reason: 'The first review is due in 26 days (2026-04-05)',
    });
  });

  it('falls linearly over the last 14 days and is 0 once overdue', () => {
    const p = plan({ reviewEveryDays: 30 });
    expect(part(health({ plan: p, reviews: [review({ heldOn: '2026-02-15' })] }), 'reviews')).toMatchObject({
      score: 50,
      reason: 'The next review is due in 7 days (2026-03-17)',
    });
    expect(part(health({ plan: p, reviews: [review({ heldOn: '2026-01-29' })] }), 'reviews')).toMatchObject({
      score: 0,
      reason: 'The next review is overdue by 10 days (due 2026-02-28)',
    });
    expect(part(health({ plan: p, reviews: [review({ heldOn: '2026-02-08' })] }), 'reviews').reason).toBe(
      'The next review is due today',
    );
  });

  it('has no data for a closed plan, or with neither plan nor review', () => {
    expect(part(health({ plan: plan({ status: 'closed' }) }), 'reviews').score).toBeNull();
    expect(part(health(), 'reviews').score).toBeNull();
    expect(part(health({ reviews: [review({ heldOn: '2026-02-15' })] }), 'reviews').score).toBe(100);
  });
});

describe('health: the score', () => {
  it('rescales the weights over the parts that have data', () => {
    const h = health({ contact: { lastAt: ago(21), lastStrategicAt: ago(10) } });
    // Cadence 50 (weight 20) and attention 100 (weight 15) only: (50×20 + 100×15) / 35 = 71.4.
    expect(h.score).toBe(71);
    expect(h.parts.map((p) => [p.name, p.weight])).toEqual([
      ['cadence', 57.1],
      ['attention', 42.9],
      ['objectives', 0],
      ['commitments', 0],
      ['conflicts', 0],
      ['reviews', 0],
    ]);
    expect(h).toMatchObject({
      band: 'healthy',
      worstPart: 'cadence',
      reason: 'No contact in 21 days, past the 14-day cadence',
    });
  });

  it('weighs every part by the org’s weights when all have data', () => {
    const o = objective({ createdAt: ago(10), baseline: 0, target: 10 });
    const input = {
      plan: plan({ reviewEveryDays: 30 }),
      reviews: [review({ heldOn: '2026-01-29' })], // overdue: 0
      objectives: [o],
      measurements: [measurement(o.id, { value: 1, measuredOn: NOW.slice(0, 10) })], // on track: 100
      commitments: [commitment({ state: 'kept', dueOn: '2026-02-01', closedOn: '2026-02-01' })], // 100
      conflicts: [conflict({ severity: 'critical', openedOn: '2026-03-10' })], // 50
    };
    const h = health(input);
    expect(h.parts.map((p) => p.score)).toEqual([100, 100, 100, 100, 50, 0]);
    expect(h.parts.reduce((s, p) => s + p.weight, 0)).toBeCloseTo(100);
    expect(h.score).toBe(83); // (20+15+25+15)·100 + 15·50 + 10·0 = 8,250 / 100
    expect(h.worstPart).toBe('reviews');
    const settings = OrgSettingsSchema.parse({ healthWeights: { reviews: 0, conflicts: 0 } });
    expect(health({ ...input, settings }).score).toBe(100);
    expect(health({ ...input, settings }).worstPart).toBe('reviews');
  });

  it('counts parts equally when every included weight is zero', () => {
    const settings = OrgSettingsSchema.parse({ healthWeights: { cadence: 0, attention: 0 } });
    const h = health({ settings, contact: { lastAt: ago(21), lastStrategicAt: ago(10) } });
    expect(h.score).toBe(75);
    expect(h.parts.slice(0, 2).map((p) => p.weight)).toEqual([50, 50]);
  });

  it('puts scores in bands: healthy ≥ 70, watch 40–69, at risk < 40', () => {
    expect([100, 70, 69, 40, 39, 0].map(healthBand)).toEqual([
      'healthy',
      'healthy',
      'watch',
      'watch',
      'at-risk',
      'at-risk',
    ]);
    expect(bandDropped('healthy', 'watch')).toBe(true);
    expect(bandDropped('watch', 'at-risk')).toBe(true);
    expect(bandDropped('at-risk', 'watch')).toBe(false);
    expect(bandDropped('watch', 'watch')).toBe(false);
    expect(health({ contact: { lastAt: ago(40), lastStrategicAt: ago(170) } })).toMatchObject({
      score: 5,
      band: 'at-risk',
    });
  });

  it('explains what moved the score', () => {
    const before = health();
    const after = health({ contact: { ...fresh, lastAt: ago(25) } });
    expect(explainMove(before, after)).toEqual({
      part: 'cadence',
      from: 100,
      to: 21,
      reason: 'No contact in 25 days, past the 14-day cadence',
    });
    expect(explainMove(before, before)).toBeNull();
  });
});
