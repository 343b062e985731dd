import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { reminderId } from '../../shared/reminders/index.ts';
import { uuidv7 } from '../../shared/uuid.ts';
import { account, call, createOrg, interaction } from './helpers.ts';
import { addPerson } from './support/people.ts';
import { conflict, plan } from './support/plans.ts';
import { remindersOf, runCron } from './support/reminders.ts';

// The cron's side of plans (design §14, §15): conflicts escalated once per SLA period to the
// people of their level, and health kept current with one snapshot per account per day.

const slaReminders = async (orgId: string) =>
  (await remindersOf(orgId)).filter((r) => r.rule === 'conflict-sla' && r.deleted_at === null);

describe('conflict escalation by the cron', () => {
  it('raises the level once per SLA period and reaches the people of each level once', async () => {
    const { org, token, user: admin } = await createOrg();
    // Everyone in UTC, 09:00–17:00, Monday to Friday.
    const owner = await addPerson(org.id, 'member', 'Olivia Owner');
    const second = await addPerson(org.id, 'manager', 'Sam Second');
    const gone = await addPerson(org.id, 'manager', 'Gary Gone');
    const third = await addPerson(org.id, 'admin', 'Tara Third');
    const acc = account({ ownerId: owner.id });
    await call('POST', '/api/accounts', { token, body: acc });
    const ladder = [
      { level: 2, userIds: [second.id, gone.id], contactIds: [] },
      { level: 3, userIds: [third.id], contactIds: [] },
    ];
    expect(
      (await call('PUT', `/api/plans/${acc.id}`, { token, body: plan({ escalation: ladder }) })).status,
    ).toBe(201);
    // Critical (2 business days), opened Tuesday 1 December: periods end Thu 3rd and Mon 7th, 09:00 UTC.
    const c = conflict(acc.id, owner.id, { severity: 'critical', openedOn: '2026-12-01' });
    const posted = await call('POST', '/api/conflicts', { token: owner.token, body: c });
    expect(posted.status, posted.text).toBe(201);
    // Gary leaves before the conflict escalates: the ladder still names him.
    await env.DB.prepare('UPDATE users SET deleted_at = ?1 WHERE id = ?2')
      .bind('2026-12-02T10:00:00.000Z', gone.id)
      .run();

    await runCron('2026-12-03T08:45:00.000Z');
    expect(await slaReminders(org.id)).toEqual([]);

    await runCron('2026-12-03T09:00:00.000Z');
    const stored = await call('GET', `/api/conflicts/${c.id}`, { token });
    expect(stored.json).toMatchObject({ level: 2, slaPeriods: 1 });
    expect(stored.json.levelHistory.at(-1)).toEqual({
      level: 2,
      at: '2026-12-03T09:00:00.000Z',
      cause: 'sla',
    });
    const first = await slaReminders(org.id);
    expect(first.map((r) => r.user_id).sort()).toEqual([owner.id, second.id].sort());
    expect(first.find((r) => r.user_id === second.id)).toMatchObject({
      id: reminderId('conflict-sla', `${c.id}|${second.id}`, 'level:2'),
      due_at: '2026-12-03T09:00:00.000Z',
      state: 'open',
      account_id: acc.id,
    });

    // Later runs in the same period change nothing, and Sam's done stays done.
    await call('POST', `/api/reminders/${first.find((r) => r.user_id === second.id)!.id}/done`, {
      token: second.token,
    });
    await runCron('2026-12-03T09:15:00.000Z');
    await runCron('2026-12-04T16:00:00.000Z');
    expect((await call('GET', `/api/conflicts/${c.id}`, { token })).json.level).toBe(2);
    const again = await slaReminders(org.id);
    expect(again.map((r) => r.id).sort()).toEqual(first.map((r) => r.id).sort());
    expect(again.find((r) => r.user_id === second.id)!.state).toBe('done');

    await runCron('2026-12-07T09:30:00.000Z');
    expect((await call('GET', `/api/conflicts/${c.id}`, { token })).json).toMatchObject({
      level: 3,
      slaPeriods: 2,
    });
    const top = await slaReminders(org.id);
    expect(
      top
        .map(
          (r) =>
            `${r.user_id === owner.id ? 'owner' : r.user_id === second.id ? 'second' : r.user_id === third.id ? 'third' : 'other'}@${r.title.match(/level (\d)/)![1]}`,
        )
        .sort(),
    ).toEqual(['owner@2', 'owner@3', 'second@2', 'third@3']);
    expect(top.some((r) => r.user_id === gone.id || r.user_id === admin.id)).toBe(false);
    // The top of the ladder: no more periods to count, however long it stays open.
    await runCron('2026-12-21T09:30:00.000Z');
    expect((await slaReminders(org.id)).length).toBe(4);

    // Resolving it closes every one of them.
    const resolved = await call('PATCH', `/api/conflicts/${c.id}`, {
      token: owner.token,
      body: {
        state: 'resolved',
        resolvedOn: '2026-12-21',
        resolution: 'New carrier',
        lesson: 'Escalate sooner',
      },
    });
    expect(resolved.status, resolved.text).toBe(200);
    expect((await slaReminders(org.id)).filter((r) => r.state === 'open')).toEqual([]);
  }, 30_000);

  it('sends the raised level to replicas through pull', async () => {
    const { org, token } = await createOrg();
    const owner = await addPerson(org.id, 'member', 'Olivia Owner');
    const acc = account({ ownerId: owner.id });
    await call('POST', '/api/accounts', { token, body: acc });
    const c = conflict(acc.id, owner.id, { severity: 'critical', openedOn: '2026-12-01' });
    await call('POST', '/api/conflicts', { token: owner.token, body: c });
    const clientId = uuidv7();
    const before = await call('GET', `/api/sync/pull?clientId=${clientId}`, { token: owner.token });
    expect(before.json.conflicts.find((x: { id: string }) => x.id === c.id).level).toBe(1);
    await runCron('2026-12-03T10:00:00.000Z');
    const after = await call('GET', `/api/sync/pull?clientId=${clientId}&cookie=${before.json.cookie}`, {
      token: owner.token,
    });
    expect(after.json.conflicts.map((x: { id: string; level: number }) => [x.id, x.level])).toEqual([
      [c.id, 2],
    ]);
    expect(after.json.reminders.map((r: { rule: string }) => r.rule)).toEqual(['conflict-sla']);
  });
});

describe('health upkeep by the cron', () => {
  it('keeps one snapshot per account per day, and records a drop of band', async () => {
    const { token, user } = await createOrg();
    const acc = account({ ownerId: user.id });
    await call('POST', '/api/accounts', { token, body: acc });
    await call('PUT', `/api/plans/${acc.id}`, {
      token,
      body: plan({ startsOn: '2026-12-01', reviewEveryDays: 90 }),
    });
    await call('POST', '/api/interactions', {
      token,
      body: interaction({ accountId: acc.id, tag: 'strategic', occurredAt: '2026-12-01T10:00:00.000Z' }),
    });
    const health = () =>
      env.DB.prepare(
        'SELECT score, band, previous_band, band_changed_at FROM account_health WHERE account_id = ?1',
      )
        .bind(acc.id)
        .first<{
          score: number;
          band: string;
          previous_band: string | null;
          band_changed_at: string | null;
        }>();
    const snapshots = async () =>
      (
        await env.DB.prepare(
          'SELECT day, score, band FROM health_snapshots WHERE account_id = ?1 ORDER BY day',
        )
          .bind(acc.id)
          .all<{ day: string; score: number; band: string }>()
      ).results;

    await runCron('2026-12-02T09:00:00.000Z');
    await runCron('2026-12-02T09:15:00.000Z');
    expect(await health()).toMatchObject({ score: 100, band: 'healthy', previous_band: null });
    expect((await snapshots()).map((s) => s.day)).toContain('2026-12-02');

    // Two months without a word: cadence (14 days) is spent; attention and reviews hold.
    await runCron('2027-01-31T09:00:00.000Z');
    expect(await health()).toMatchObject({
      band: 'watch',
      previous_band: 'healthy',
      band_changed_at: '2027-01-31T09:00:00.000Z',
    });
    const days = await snapshots();
    expect(days.map((s) => s.day)).toEqual(expect.arrayContaining(['2026-12-02', '2027-01-31']));
    expect(days.at(-1)).toMatchObject({ day: '2027-01-31', band: 'watch' });
    // A second run that day writes no second snapshot.
    await runCron('2027-01-31T09:15:00.000Z');
    expect((await snapshots()).length).toBe(days.length);

    const list = await call('GET', '/api/health?band=watch', { token });
    expect(list.json.items.map((h: { accountId: string }) => h.accountId)).toEqual([acc.id]);
    expect(list.json.items[0]).toMatchObject({
      worstPart: 'cadence',
      reason: expect.stringMatching(/^No contact in \d+ days/),
    });
  }, 30_000);
});
