import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { reminderId } from '../../shared/reminders/index.ts';
import { call, createOrg } from './helpers.ts';
import { addPerson } from './support/people.ts';
import { insertAccount, insertInteraction, remindersOf, runCron } from './support/reminders.ts';

// The reminder Cron Trigger (design §6), called through the Worker's own `scheduled` handler
// with a controlled scheduledTime. The admin of `createOrg` works in Europe/Berlin, 09:00–17:00.

const active = <R extends { state: string; deleted_at: string | null }>(rows: R[]) =>
  rows.filter((r) => r.deleted_at === null && (r.state === 'open' || r.state === 'snoozed'));

async function seededOrg() {
  const { org, user, token } = await createOrg();
  const a = await insertAccount(org.id, { name: 'Acme', ownerId: user.id });
  const b = await insertAccount(org.id, { name: 'Globex', ownerId: user.id });
  const i1 = await insertInteraction(org.id, user.id, {
    accountId: a,
    occurredAt: '2026-10-01T10:00:00.000Z',
  });
  const i2 = await insertInteraction(org.id, user.id, {
    occurredAt: '2026-11-02T10:00:00.000Z',
    followUpAt: '2026-11-13T17:30:00.000Z', // Friday 18:30 in Berlin
    title: 'Send the quote',
  });
  const i3 = await insertInteraction(org.id, user.id, {
    accountId: b,
    occurredAt: '2026-11-05T10:00:00.000Z',
    awaitingReply: true,
    title: 'Proposal sent',
  });
  return { org, user, token, a, b, i1, i2, i3 };
}

describe('reminder cron', () => {
  it('creates the due reminders from data no write path recomputed, and a second run duplicates nothing', async () => {
    const { org, user, token, a, b, i1, i2, i3 } = await seededOrg();
    expect(await remindersOf(org.id)).toEqual([]);

    await runCron('2026-11-20T10:00:00.000Z');
    const first = await remindersOf(org.id);
    expect(first.map((r) => [r.rule, r.account_id, r.interaction_id, r.due_at, r.state])).toEqual([
      // 3 business days after Thursday 5 Nov 11:00 Berlin.
      ['awaiting-reply', b, i3, '2026-11-10T10:00:00.000Z', 'open'],
      // Friday evening lands on Monday 09:00 Berlin.
      ['follow-up', null, i2, '2026-11-16T08:00:00.000Z', 'open'],
      // 30 days after 1 Oct is Saturday 31 Oct: Monday 2 Nov, 09:00 CET (after the DST change).
      ['keep-in-touch', a, i1, '2026-11-02T08:00:00.000Z', 'open'],
      ['keep-in-touch', b, i3, '2026-12-07T08:00:00.000Z', 'open'],
    ]);
    expect(first.every((r) => r.user_id === user.id)).toBe(true);
    expect(first.find((r) => r.account_id === a)!.id).toBe(
      reminderId('keep-in-touch', a, `interaction:${i1}`),
    );

    await runCron('2026-11-20T10:15:00.000Z');
    await runCron('2026-11-20T10:30:00.000Z');
    expect(await remindersOf(org.id)).toEqual(first);

    // They reach the client through GET /api/reminders, escalated once more than 7 days overdue.
    const listed = await call('GET', '/api/reminders', { token });
    expect(listed.status).toBe(200);
    const kit = listed.json.items.find((r: { accountId: string }) => r.accountId === a);
    expect(kit).toMatchObject({ rule: 'keep-in-touch', state: 'open' });
    expect(kit.escalated).toBe(Date.now() - Date.parse(kit.dueAt) > 7 * 86_400_000);
  });

  it('revisits only what changed since the watermark: a new interaction closes the keep-in-touch reminder', async () => {
    const { org, user, a, i1 } = await seededOrg();
    await runCron('2026-11-20T10:00:00.000Z');
    const oldId = reminderId('keep-in-touch', a, `interaction:${i1}`);
    const i4 = await insertInteraction(org.id, user.id, {
      accountId: a,
      occurredAt: '2026-11-19T10:00:00.000Z',
      followUpAt: '2026-11-24T10:00:00.000Z',
      title: 'Call about the renewal',
    });
    const watermark = async () =>
      (await env.DB.prepare('SELECT watermark FROM cron_state WHERE org_id = ?')
        .bind(org.id)
        .first<number>('watermark'))!;
    const before = await watermark();

    await runCron('2026-11-20T10:15:00.000Z');
    const rows = await remindersOf(org.id);
    const old = rows.find((r) => r.id === oldId)!;
    // It fell due before it closed, so it stays visible as done, closed by the engine.
    expect(old).toMatchObject({ state: 'done', closed_by: 'auto', deleted_at: null });
    const kit = active(rows).filter((r) => r.rule === 'keep-in-touch' && r.account_id === a);
    expect(kit).toHaveLength(1);
    expect(kit[0]).toMatchObject({ interaction_id: i4, due_at: '2026-12-21T08:00:00.000Z' });
    expect(active(rows).find((r) => r.rule === 'follow-up' && r.interaction_id === i4)).toMatchObject({
      due_at: '2026-11-24T10:00:00.000Z',
    });
    expect(await watermark()).toBeGreaterThan(before);
  });

  it('keeps a snoozed reminder snoozed through recomputes, and reopens it when the snooze ends', async () => {
    const { org, token, a, i1 } = await seededOrg();
    await runCron('2026-11-20T10:00:00.000Z');
    const id = reminderId('keep-in-touch', a, `interaction:${i1}`);
    const until = '2026-12-01T10:00:00.000Z'; // Tuesday 11:00 in Berlin
    const snoozed = await call('POST', `/api/reminders/${id}/snooze`, { token, body: { until } });
    expect(snoozed.status).toBe(200);
    expect(snoozed.json).toMatchObject({ state: 'snoozed', snoozedUntil: until });

    // A change to the account, and then new settings (a full pass), recompute it twice.
    await env.DB.batch([
      env.DB.prepare('UPDATE orgs SET version = version + 1 WHERE id = ?1').bind(org.id),
      env.DB.prepare(
        "UPDATE accounts SET notes = 'moved offices', version = (SELECT version FROM orgs WHERE id = ?1) WHERE id = ?2",
      ).bind(org.id, a),
    ]);
    await runCron('2026-11-20T10:15:00.000Z');
    await env.DB.prepare(`UPDATE orgs SET settings = '{"escalationDays":8}' WHERE id = ?1`)
      .bind(org.id)
      .run();
    await runCron('2026-11-20T10:30:00.000Z');
    const still = (await remindersOf(org.id)).find((r) => r.id === id)!;
    expect(still).toMatchObject({ state: 'snoozed', snoozed_until: until, deleted_at: null });

    await runCron('2026-12-01T10:15:00.000Z');
    const woken = (await remindersOf(org.id)).find((r) => r.id === id)!;
    expect(woken).toMatchObject({ state: 'open', snoozed_until: until });
    expect(woken.version).toBeGreaterThan(still.version);
  });

  it('re-sends a reminder through pull when it crosses the 7-day escalation line, and only then', async () => {
    const { org, b, i3 } = await seededOrg();
    const ar = reminderId('awaiting-reply', i3, b); // due 2026-11-10T10:00Z
    await runCron('2026-11-17T09:50:00.000Z');
    const version = async () => (await remindersOf(org.id)).find((r) => r.id === ar)!.version;
    const before = await version();
    await runCron('2026-11-17T09:55:00.000Z');
    expect(await version()).toBe(before);
    await runCron('2026-11-17T10:10:00.000Z');
    const crossed = await version();
    expect(crossed).toBeGreaterThan(before);
    await runCron('2026-11-17T10:25:00.000Z');
    expect(await version()).toBe(crossed);
  });

  it('never overrides done or dismissed, even in a full recompute', async () => {
    const { org, token, a, b, i1, i3 } = await seededOrg();
    await runCron('2026-11-20T10:00:00.000Z');
    const kit = reminderId('keep-in-touch', a, `interaction:${i1}`);
    const ar = reminderId('awaiting-reply', i3, b);
    expect((await call('POST', `/api/reminders/${kit}/done`, { token })).status).toBe(200);
    expect((await call('POST', `/api/reminders/${ar}/dismiss`, { token })).status).toBe(200);
    const before = await remindersOf(org.id);

    await env.DB.prepare(`UPDATE orgs SET settings = '{"cadenceDays":{"tactical":30}}' WHERE id = ?1`)
      .bind(org.id)
      .run();
    await runCron('2026-11-20T11:00:00.000Z');
    const after = await remindersOf(org.id);
    expect(after.find((r) => r.id === kit)).toEqual(before.find((r) => r.id === kit));
    expect(after.find((r) => r.id === ar)).toEqual(before.find((r) => r.id === ar));
  });

  it('closes what someone who left still had open, in the full pass their leaving starts', async () => {
    const { org } = await createOrg();
    const leaver = await addPerson(org.id, 'member', 'Lee Leaver');
    const i = await insertInteraction(org.id, leaver.id, {
      occurredAt: '2026-11-02T10:00:00.000Z',
      followUpAt: '2026-11-16T10:00:00.000Z',
    });
    await runCron('2026-11-20T10:00:00.000Z');
    const id = reminderId('follow-up', i, '2026-11-16T10:00:00.000Z|');
    expect((await remindersOf(org.id)).find((r) => r.id === id)).toMatchObject({ state: 'open' });

    await env.DB.prepare('UPDATE users SET deleted_at = ?1 WHERE id = ?2')
      .bind('2026-11-20T10:05:00.000Z', leaver.id)
      .run();
    await runCron('2026-11-20T10:15:00.000Z');
    expect((await remindersOf(org.id)).find((r) => r.id === id)).toMatchObject({
      state: 'done',
      closed_by: 'auto',
    });
  });

  it('sends the weekly balance nudge on Monday, once', async () => {
    const { org, user } = await createOrg();
    for (let d = 0; d < 12; d++) {
      const day = String(2 + d).padStart(2, '0');
      await insertInteraction(org.id, user.id, { occurredAt: `2026-11-${day}T10:00:00.000Z` });
    }
    await runCron('2026-11-23T10:00:00.000Z');
    await runCron('2026-11-23T10:15:00.000Z');
    await runCron('2026-11-23T11:00:00.000Z');
    const balance = (await remindersOf(org.id)).filter((r) => r.rule === 'balance');
    expect(balance).toHaveLength(1);
    expect(balance[0]).toMatchObject({
      id: reminderId('balance', user.id, '2026-11-23'),
      due_at: '2026-11-23T08:00:00.000Z',
      state: 'open',
    });
  });
});
