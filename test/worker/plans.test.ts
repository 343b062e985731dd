import { beforeAll, describe, expect, it } from 'vitest';
import { uuidv7 } from '../../shared/uuid.ts';
import { account, call, contact, createTeam } from './helpers.ts';
import {
  commitment,
  conflict,
  day,
  measurement,
  milestone,
  objective,
  plan,
  responsibility,
  review,
} from './support/plans.ts';

type Team = Awaited<ReturnType<typeof createTeam>>;

describe('relationship plans over REST (design §14)', () => {
  let team: Team;
  let acc: string;
  beforeAll(async () => {
    team = await createTeam();
    const a = account({ ownerId: team.member.user.id });
    expect((await call('POST', '/api/accounts', { token: team.admin.token, body: a })).status).toBe(201);
    acc = a.id;
  });

  it('creates one plan per account with PUT, then replaces it keeping its id', async () => {
    const created = await call('PUT', `/api/plans/${acc}`, { token: team.member.token, body: plan() });
    expect(created.status, created.text).toBe(201);
    expect(created.json).toMatchObject({ accountId: acc, status: 'active', createdBy: team.member.user.id });
    const replaced = await call('PUT', `/api/plans/${acc}`, {
      token: team.member.token,
      body: plan({ vision: 'Grow together' }),
    });
    expect(replaced.status).toBe(200);
    expect(replaced.json).toMatchObject({ id: created.json.id, vision: 'Grow together' });
    expect((await call('GET', `/api/plans/${acc}`, { token: team.manager.token })).json.id).toBe(
      created.json.id,
    );
    const other = await call('PUT', `/api/plans/${acc}`, {
      token: team.member.token,
      body: plan({ id: uuidv7() }),
    });
    expect(other.status).toBe(409);
  });

  it('lets only the owner, managers and admins write the plan and objectives', async () => {
    const colleague = await (async () => {
      const { inviteUser } = await import('./helpers.ts');
      return inviteUser(team.admin.token, 'member');
    })();
    const put = await call('PUT', `/api/plans/${acc}`, { token: colleague.token, body: plan() });
    expect(put.status).toBe(403);
    const o = objective(acc, team.member.user.id);
    expect((await call('POST', '/api/objectives', { token: colleague.token, body: o })).status).toBe(403);
    expect((await call('POST', '/api/objectives', { token: team.manager.token, body: o })).status).toBe(201);
    // Anyone records a measurement; only its author (or the owner, a manager, an admin) changes it.
    const m = measurement(o.id);
    const posted = await call('POST', '/api/measurements', { token: colleague.token, body: m });
    expect(posted.status, posted.text).toBe(201);
    expect(posted.json).toMatchObject({ accountId: acc, createdBy: colleague.user.id });
    const third = await (await import('./helpers.ts')).inviteUser(team.admin.token, 'member');
    expect(
      (await call('PATCH', `/api/measurements/${m.id}`, { token: third.token, body: { value: 90 } })).status,
    ).toBe(403);
    expect(
      (await call('PATCH', `/api/measurements/${m.id}`, { token: colleague.token, body: { value: 90 } }))
        .status,
    ).toBe(200);
    expect(
      (await call('PATCH', `/api/measurements/${m.id}`, { token: team.member.token, body: { value: 91 } }))
        .status,
    ).toBe(200);
    expect((await call('DELETE', `/api/measurements/${m.id}`, { token: third.token })).status).toBe(403);
  });

  it('serves the whole plan with progress, outcomes, SLAs, flags and explained health', async () => {
    const o = objective(acc, team.member.user.id, {
      title: 'Fill rate',
      baseline: 0,
      target: 100,
      dueOn: '2099-12-31',
    });
    await call('POST', '/api/objectives', { token: team.member.token, body: o });
    await call('POST', '/api/measurements', {
      token: team.member.token,
      body: measurement(o.id, { value: 40, measuredOn: day(-1) }),
    });
    await call('POST', '/api/measurements', {
      token: team.member.token,
      body: measurement(o.id, { value: 30, measuredOn: day(-30) }),
    });
    const them = contact({ accountId: acc });
    await call('POST', '/api/contacts', { token: team.member.token, body: them });
    await call('POST', '/api/responsibilities', {
      token: team.member.token,
      body: responsibility(acc, { userId: team.member.user.id, role: 'R' }),
    });
    await call('POST', '/api/responsibilities', {
      token: team.member.token,
      body: responsibility(acc, { contactId: them.id, role: 'C' }),
    });
    await call('POST', '/api/commitments', {
      token: team.member.token,
      body: commitment(acc, team.member.user.id, { state: 'kept', dueOn: day(-20), closedOn: day(-18) }),
    });
    await call('POST', '/api/commitments', {
      token: team.member.token,
      body: commitment(acc, team.member.user.id, {
        side: 'theirs',
        ownerId: null,
        contactId: them.id,
        what: 'Sign the NDA',
        dueOn: day(-3),
      }),
    });
    const c = conflict(acc, team.member.user.id, { openedOn: '2020-01-06' });
    const posted = await call('POST', '/api/conflicts', { token: team.member.token, body: c });
    expect(posted.status, posted.text).toBe(201);
    await call('POST', '/api/reviews', { token: team.member.token, body: review(acc, { heldOn: day(-10) }) });
    await call('POST', '/api/milestones', { token: team.member.token, body: milestone(acc) });

    const res = await call('GET', `/api/accounts/${acc}/plan`, { token: team.manager.token });
    expect(res.status, res.text).toBe(200);
    const view = res.json;
    const fill = view.objectives.find((x: { id: string }) => x.id === o.id);
    expect(fill).toMatchObject({ progress: 0.4, direction: 'increase', status: 'on-track' });
    expect(fill.measurements.map((m: { value: number }) => m.value)).toEqual([30, 40]);
    expect(view.matrixFlags).toEqual([{ area: 'Logistics', flag: 'no-accountable' }]);
    expect(view.commitments.map((x: { outcome: string }) => x.outcome).sort()).toEqual([
      'kept-late',
      'overdue',
    ]);
    // Opened years ago and escalated by the recompute after the write: level 3, past its SLA.
    const logged = view.conflicts.find((x: { id: string }) => x.id === c.id);
    expect(logged).toMatchObject({ level: 3, pastSla: true, escalated: true, slaDays: 5, nextLevelAt: null });
    expect(logged.levelHistory.map((h: { cause: string }) => h.cause)).toEqual(['opened', 'sla', 'sla']);
    expect(view.nextReviewOn).toBe(day(80));
    expect(view.health.parts.map((p: { name: string }) => p.name)).toEqual([
      'cadence',
      'attention',
      'objectives',
      'commitments',
      'conflicts',
      'reviews',
    ]);
    expect(view.health.parts.find((p: { name: string }) => p.name === 'commitments')).toMatchObject({
      score: 0,
      reason: 'Our one promise in the last 180 days was kept late',
    });
    expect(view.health.trend.at(-1)).toMatchObject({ score: view.health.score, band: view.health.band });

    const list = await call('GET', '/api/health', { token: team.member.token });
    expect(list.status).toBe(200);
    expect(list.json.items.find((h: { accountId: string }) => h.accountId === acc)).toMatchObject({
      name: expect.any(String),
      band: expect.any(String),
      worstPart: expect.any(String),
    });
  });

  it('refuses bad references with the field named, and a new conflict above level 1', async () => {
    const bad = await call('POST', '/api/objectives', {
      token: team.admin.token,
      body: objective(acc, uuidv7()),
    });
    expect(bad.status).toBe(400);
    expect(bad.json.issues[0]).toMatchObject({ path: ['ownerId'] });
    const missingAccount = await call('POST', '/api/reviews', {
      token: team.admin.token,
      body: review(uuidv7()),
    });
    expect(missingAccount.status).toBe(404);
    const high = await call('POST', '/api/conflicts', {
      token: team.admin.token,
      body: conflict(acc, team.admin.user.id, { level: 2 }),
    });
    expect(high.status).toBe(400);
  });
});
