import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { reminderId, snoozeUntil } from '../../shared/reminders/index.ts';
import { getZonedDateTime } from '../../shared/time/index.ts';
import { uuidv7 } from '../../shared/uuid.ts';
import { account, call, createOrg, interaction } from './helpers.ts';
import { remindersOf, runCron } from './support/reminders.ts';

// Recompute on write (design §6): a push or a REST write recomputes the reminders of what it
// touched in the same request, and clients see them through pull and GET /api/reminders.

async function pusher() {
  const { org, user, token } = await createOrg();
  const clientId = uuidv7();
  let next = 1;
  const push = async (name: string, args: unknown) => {
    const res = await call('POST', '/api/sync/push', {
      token,
      body: { clientId, mutations: [{ id: next++, name, args }] },
    });
    expect(res.status).toBe(200);
    expect(res.json.rejected).toEqual([]);
    return res;
  };
  return { org, user, token, push };
}

const BERLIN = 'Europe/Berlin';

describe('reminders recomputed on write', () => {
  it('creates a follow-up reminder at once, in working hours, and sends it through pull', async () => {
    const { token, push } = await pusher();
    const item = interaction({ followUpAt: '2026-11-27T17:30:00.000Z', title: 'Send the contract' });
    await push('interaction.put', item);

    const listed = await call('GET', '/api/reminders', { token });
    expect(listed.json.items).toEqual([
      expect.objectContaining({
        rule: 'follow-up',
        interactionId: item.id,
        title: 'Follow up: Send the contract',
        // Friday 18:30 in Berlin moves to Monday 09:00.
        dueAt: '2026-11-30T08:00:00.000Z',
        state: 'open',
        escalated: false,
      }),
    ]);
    const pulled = await call('GET', `/api/sync/pull?clientId=${uuidv7()}&cookie=0`, { token });
    expect(pulled.status).toBe(200);
    expect(pulled.json.reminders.map((r: { id: string }) => r.id)).toEqual([listed.json.items[0].id]);

    // Clearing the follow-up closes it; it never fell due, so it leaves as a tombstone pull carries.
    const cookie = pulled.json.cookie;
    await push('interaction.put', { ...item, followUpAt: null });
    expect((await call('GET', '/api/reminders', { token })).json.items).toEqual([]);
    const after = await call('GET', `/api/sync/pull?clientId=${uuidv7()}&cookie=${cookie}`, { token });
    expect(after.json.reminders).toEqual([
      expect.objectContaining({ id: listed.json.items[0].id, state: 'done' }),
    ]);
    expect(after.json.reminders[0].deletedAt).not.toBeNull();
  });

  it('closing a relationship (cadence 0) closes its keep-in-touch and alliance-ending reminders', async () => {
    const { user, token, push } = await pusher();
    const acct = account({ tier: 'tactical', name: 'Pilot', endsOn: '2026-12-15', ownerId: user.id });
    await push('account.put', acct);
    const rules = async () =>
      (await call('GET', '/api/reminders', { token })).json.items.map((r: { rule: string }) => r.rule).sort();
    expect(await rules()).toEqual(['alliance-ending', 'keep-in-touch']);
    await push('account.put', { ...acct, cadenceDays: 0 });
    expect(await rules()).toEqual([]);
  });

  it('closes a keep-in-touch reminder once a new interaction is logged through push', async () => {
    const { org, token, push } = await pusher();
    const acct = account({ tier: 'tactical', name: 'Initech' });
    await push('account.put', acct);
    const first = interaction({
      accountId: acct.id,
      occurredAt: '2026-10-01T10:00:00.000Z',
      tag: 'tactical',
    });
    await push('interaction.put', first);
    const kit = reminderId('keep-in-touch', acct.id, `interaction:${first.id}`);
    const listed = await call('GET', '/api/reminders', { token });
    expect(listed.json.items.map((r: { id: string }) => r.id)).toEqual([kit]);
    expect(listed.json.items[0].dueAt).toBe('2026-11-02T08:00:00.000Z');

    const second = interaction({
      accountId: acct.id,
      occurredAt: '2026-11-20T15:00:00.000Z',
      tag: 'tactical',
    });
    await push('interaction.put', second);
    const now = await call('GET', '/api/reminders', { token });
    expect(now.json.items).toEqual([
      expect.objectContaining({
        id: reminderId('keep-in-touch', acct.id, `interaction:${second.id}`),
        dueAt: '2026-12-21T08:00:00.000Z',
      }),
    ]);
    const done = await call('GET', '/api/reminders?state=done', { token });
    expect(done.json.items.map((r: { id: string }) => r.id)).toEqual([kit]);

    // Deleting the new interaction restarts the old clock: the engine's own close is undone.
    await push('interaction.delete', { id: second.id });
    const back = await call('GET', '/api/reminders', { token });
    expect(back.json.items.map((r: { id: string }) => r.id)).toEqual([kit]);

    // The cron job agrees: nothing to add or close.
    const before = await remindersOf(org.id);
    await runCron('2026-11-24T10:00:00.000Z');
    expect(await remindersOf(org.id)).toEqual(before);
  });

  it('recomputes the account an interaction leaves, and REST writes recompute too', async () => {
    const { token, push } = await pusher();
    const a = account({ tier: 'tactical' });
    const b = account({ tier: 'tactical' });
    await push('account.put', a);
    await push('account.put', b);
    const item = interaction({
      accountId: a.id,
      awaitingReply: true,
      occurredAt: '2026-11-16T10:00:00.000Z',
    });
    await push('interaction.put', item);
    const rules = async () =>
      (await call('GET', '/api/reminders', { token })).json.items
        .map((r: { rule: string; accountId: string }) => `${r.rule}:${r.accountId === a.id ? 'a' : 'b'}`)
        .sort();
    expect(await rules()).toEqual(['awaiting-reply:a', 'keep-in-touch:a', 'keep-in-touch:b']);

    const moved = await call('PATCH', `/api/interactions/${item.id}`, { token, body: { accountId: b.id } });
    expect(moved.status).toBe(200);
    expect(await rules()).toEqual(['awaiting-reply:b', 'keep-in-touch:a', 'keep-in-touch:b']);
  });

  it('keeps done and dismissed through write recomputes', async () => {
    const { token, push } = await pusher();
    const item = interaction({ followUpAt: '2026-11-24T10:00:00.000Z', awaitingReply: true });
    await push('interaction.put', item);
    const ids = (await call('GET', '/api/reminders', { token })).json.items.map((r: { id: string }) => r.id);
    expect(ids).toHaveLength(2);
    await push('reminder.done', { id: ids[0] });
    await push('reminder.dismiss', { id: ids[1] });
    await push('interaction.put', { ...item, notes: 'Edited the notes' });
    const all = (await call('GET', '/api/reminders?state=all', { token })).json.items;
    expect(all.map((r: { state: string }) => r.state).sort()).toEqual(['dismissed', 'done']);
  });
});

describe('snooze presets', () => {
  it('resolve into the user’s working hours, through REST and through push', async () => {
    const { org, user, token, push } = await pusher();
    const item = interaction({ followUpAt: '2026-11-24T10:00:00.000Z', awaitingReply: true });
    await push('interaction.put', item);
    const [r1, r2] = (await call('GET', '/api/reminders', { token })).json.items.map(
      (r: { id: string }) => r.id,
    );

    const t0 = Date.now();
    const tomorrow = await call('POST', `/api/reminders/${r1}/snooze`, {
      token,
      body: { preset: 'tomorrow-morning' },
    });
    expect(tomorrow.status).toBe(200);
    const at = tomorrow.json.snoozedUntil as string;
    expect([
      snoozeUntil({ preset: 'tomorrow-morning' }, t0, BERLIN),
      snoozeUntil({ preset: 'tomorrow-morning' }, Date.now(), BERLIN),
    ]).toContain(at);
    const local = getZonedDateTime(at, BERLIN);
    expect([local.hour, local.minute]).toEqual([9, 0]);
    expect(local.weekday).toBeLessThanOrEqual(5);
    expect(Date.parse(at)).toBeGreaterThan(t0);

    await push('reminder.snooze', { id: r2, preset: 'next-monday' });
    const row = (await remindersOf(org.id)).find((r) => r.id === r2)!;
    expect(row.state).toBe('snoozed');
    const monday = getZonedDateTime(row.snoozed_until!, BERLIN);
    expect([monday.weekday, monday.hour, monday.minute]).toEqual([1, 9, 0]);
    expect(Date.parse(row.snoozed_until!) - Date.now()).toBeLessThanOrEqual(8 * 86_400_000);

    // A chosen instant outside working hours is moved to the next working start.
    const saturday = await call('POST', `/api/reminders/${r1}/snooze`, {
      token,
      body: { until: '2999-03-02T12:00:00.000Z' }, // a Saturday
    });
    const snapped = getZonedDateTime(saturday.json.snoozedUntil, BERLIN);
    expect([snapped.weekday, snapped.hour]).toEqual([1, 9]);
    expect(user.id).toBeTruthy();
    expect(
      await env.DB.prepare('SELECT count(*) AS n FROM reminders WHERE org_id = ?').bind(org.id).first('n'),
    ).toBe(2);
  });
});
