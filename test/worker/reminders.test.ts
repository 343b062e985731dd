import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { call, createTeam, seedReminder } from './helpers.ts';

describe('reminders', () => {
  it('lists own active reminders soonest first, with state filters and paging', async () => {
    const { org, member, manager } = await createTeam();
    const past = await seedReminder(env.DB, org.id, member.user.id, { dueAt: '2020-01-01T09:00:00.000Z' });
    const future = await seedReminder(env.DB, org.id, member.user.id, { dueAt: '2999-01-01T09:00:00.000Z' });
    const done = await seedReminder(env.DB, org.id, member.user.id, { state: 'done' });
    await seedReminder(env.DB, org.id, manager.user.id);
    const active = await call('GET', '/api/reminders', { token: member.token });
    expect(active.status).toBe(200);
    expect(active.json.items.map((r: { id: string }) => r.id)).toEqual([past, future]);
    expect(active.json.items[0].escalated).toBe(true);
    const due = await call('GET', '/api/reminders?state=due', { token: member.token });
    expect(due.json.items.map((r: { id: string }) => r.id)).toEqual([past]);
    const doneList = await call('GET', '/api/reminders?state=done', { token: member.token });
    expect(doneList.json.items.map((r: { id: string }) => r.id)).toEqual([done]);
    const first = await call('GET', '/api/reminders?limit=1', { token: member.token });
    expect(first.json.items).toHaveLength(1);
    const second = await call('GET', `/api/reminders?limit=1&cursor=${first.json.nextCursor}`, {
      token: member.token,
    });
    expect(second.json.items.map((r: { id: string }) => r.id)).toEqual([future]);
    expect(second.json.nextCursor).toBeNull();
    expect((await call('GET', '/api/reminders?state=late', { token: member.token })).status).toBe(400);
  });

  it('marks done, dismisses and snoozes through the mutators; only the owner may', async () => {
    const { org, member, manager } = await createTeam();
    const a = await seedReminder(env.DB, org.id, member.user.id);
    const b = await seedReminder(env.DB, org.id, member.user.id);
    const c = await seedReminder(env.DB, org.id, member.user.id);
    expect((await call('POST', `/api/reminders/${a}/done`, { token: manager.token })).status).toBe(404);
    const doneRes = await call('POST', `/api/reminders/${a}/done`, { token: member.token });
    expect(doneRes.status).toBe(200);
    expect(doneRes.json.state).toBe('done');
    const dismissed = await call('POST', `/api/reminders/${b}/dismiss`, { token: member.token, body: {} });
    expect(dismissed.json.state).toBe('dismissed');
    expect(
      (await call('POST', `/api/reminders/${b}/dismiss`, { token: member.token, body: { why: 1 } })).status,
    ).toBe(400);
    const until = '2999-03-02T09:00:00.000Z';
    const snoozed = await call('POST', `/api/reminders/${c}/snooze`, {
      token: member.token,
      body: { until },
    });
    expect(snoozed.status).toBe(200);
    expect(snoozed.json.state).toBe('snoozed');
    // The reminder engine may move it into working hours, never earlier.
    expect(Date.parse(snoozed.json.snoozedUntil)).toBeGreaterThanOrEqual(Date.parse(until));
    expect((await call('POST', `/api/reminders/${c}/snooze`, { token: member.token, body: {} })).status).toBe(
      400,
    );
    const audit = await env.DB.prepare(
      "SELECT count(*) AS n FROM audit_log WHERE action LIKE 'reminder.%' AND org_id = ?",
    )
      .bind(org.id)
      .first<{ n: number }>();
    expect(audit?.n).toBe(3);
  });

  it('resolves snooze presets in the user’s zone and working hours', async () => {
    const { org, member } = await createTeam();
    const id = await seedReminder(env.DB, org.id, member.user.id);
    await env.DB.prepare("UPDATE users SET time_zone = 'America/New_York' WHERE id = ?")
      .bind(member.user.id)
      .run();
    const before = Date.now();
    const res = await call('POST', `/api/reminders/${id}/snooze`, {
      token: member.token,
      body: { preset: 'tomorrow-morning' },
    });
    expect(res.status).toBe(200);
    expect(res.json.state).toBe('snoozed');
    const until = new Date(res.json.snoozedUntil);
    expect(until.getTime()).toBeGreaterThan(before);
    expect(until.getTime() - before).toBeLessThan(5 * 86_400_000);
    // 09:00 in New York, on a weekday.
    const local = new Intl.DateTimeFormat('en-US', {
      timeZone: 'America/New_York',
      hour: '2-digit',
      minute: '2-digit',
      weekday: 'short',
      hourCycle: 'h23',
    }).format(until);
    expect(local).toMatch(/^(Mon|Tue|Wed|Thu|Fri),? 09:00$/);
  });
});
