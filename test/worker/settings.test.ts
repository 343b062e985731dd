import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { DEFAULT_ORG_SETTINGS, reminderId } from '../../shared/reminders/index.ts';
import { updateSettings } from '../../worker/settings/settings.ts';
import { call, createOrg, createTeam } from './helpers.ts';
import { insertAccount, insertInteraction, remindersOf, runCron } from './support/reminders.ts';

// The org's settings from a screen (design §6, §13): read by everyone with every default,
// changed by an admin with a partial, strict object, and followed by the reminder recompute.

const stored = async (orgId: string) =>
  JSON.parse(
    (await env.DB.prepare('SELECT settings FROM orgs WHERE id = ?')
      .bind(orgId)
      .first<{ settings: string }>())!.settings,
  );

describe('settings', () => {
  it('are read by every member with every default filled in, the internal domain from setup', async () => {
    const { org, member } = await createTeam();
    const res = await call('GET', '/api/settings', { token: member.token });
    expect(res.status).toBe(200);
    const domain = (await env.DB.prepare("SELECT email FROM users WHERE org_id = ? AND role = 'admin'")
      .bind(org.id)
      .first<{ email: string }>())!.email.split('@')[1];
    expect(res.json).toEqual({
      settings: { ...DEFAULT_ORG_SETTINGS, internalDomains: [domain] },
      recompute: { running: false },
    });
    // Only what was set is stored, so later defaults still reach the org.
    expect(await stored(org.id)).toEqual({ internalDomains: [domain] });
  });

  it('gives a free-mail admin no internal domain', async () => {
    const res = await call('POST', '/api/setup', {
      token: 'test-setup-token',
      body: {
        org: { name: `Gmail shop ${Date.now()}` },
        admin: { name: 'G', email: 'g@gmail.com', timeZone: 'UTC' },
      },
    });
    const settings = await call('GET', '/api/settings', { token: res.json.token });
    expect(settings.json.settings.internalDomains).toEqual([]);
  });

  it('are changed by an admin only, partially, and validated strictly', async () => {
    const { org, admin, manager, member } = await createTeam();
    const before = await stored(org.id);
    for (const token of [member.token, manager.token])
      expect((await call('PATCH', '/api/settings', { token, body: { escalationDays: 5 } })).status).toBe(403);

    const bad: [unknown, (string | number)[]][] = [
      [{ nagging: true }, []],
      [{ cadenceDays: { strategic: 10, monthly: 1 } }, ['cadenceDays']],
      [{ cadenceDays: { strategic: 0 } }, ['cadenceDays', 'strategic']],
      [{ holidays: ['25/12/2026'] }, ['holidays', 0]],
      [{ disabledRules: ['nagging'] }, ['disabledRules', 0]],
      [{ internalDomains: ['gmail.com'] }, ['internalDomains', 0]],
      [{ balance: { maxTacticalShare: 2 } }, ['balance', 'maxTacticalShare']],
      [{ workingHours: { start: '18:00' } }, ['workingHours', 'end']], // after the default end
      [{ escalationDays: '7' }, ['escalationDays']],
      [[], []],
    ];
    for (const [body, path] of bad) {
      const res = await call('PATCH', '/api/settings', { token: admin.token, body });
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(res.headers.get('content-type')).toContain('application/problem+json');
      expect(
        res.json.issues.map((i: { path: unknown[] }) => i.path),
        JSON.stringify(body),
      ).toContainEqual(path);
    }
    expect(await stored(org.id)).toEqual(before);

    const ok = await call('PATCH', '/api/settings', {
      token: admin.token,
      body: {
        cadenceDays: { strategic: 10 },
        holidays: ['2026-12-24'],
        internalDomains: ['Northwind.Example'],
      },
    });
    expect(ok.status).toBe(200);
    expect(ok.json.settings).toMatchObject({
      cadenceDays: { strategic: 10, tactical: 30 },
      holidays: ['2026-12-24'],
      internalDomains: ['northwind.example'],
      escalationDays: 7,
    });
    const next = await call('PATCH', '/api/settings', {
      token: admin.token,
      body: { cadenceDays: { tactical: 45 } },
    });
    expect(next.json.settings.cadenceDays).toEqual({ strategic: 10, tactical: 45 });
    expect(await stored(org.id)).toEqual({
      cadenceDays: { strategic: 10, tactical: 45 },
      holidays: ['2026-12-24'],
      internalDomains: ['northwind.example'],
    });
    expect((await call('GET', '/api/me', { token: member.token })).json.org.settings.cadenceDays).toEqual({
      strategic: 10,
      tactical: 45,
    });
    const audit = await env.DB.prepare(
      "SELECT count(*) AS n FROM audit_log WHERE action = 'settings.update' AND org_id = ?",
    )
      .bind(org.id)
      .first<{ n: number }>();
    expect(audit!.n).toBe(2);
  });

  it('start the full recompute: the keep-in-touch due time follows a new cadence after the cron', async () => {
    const { org, user, token } = await createOrg();
    const a = await insertAccount(org.id, { tier: 'strategic', ownerId: user.id });
    // Monday 2 Nov, 11:00 in Berlin, the admin's zone.
    const i = await insertInteraction(org.id, user.id, {
      accountId: a,
      occurredAt: '2026-11-02T10:00:00.000Z',
    });
    await runCron('2026-11-03T10:00:00.000Z');
    const kit = reminderId('keep-in-touch', a, `interaction:${i}`);
    const dueAt = async () => (await remindersOf(org.id)).find((r) => r.id === kit)?.due_at;
    expect(await dueAt()).toBe('2026-11-16T10:00:00.000Z'); // 14 days
    const running = async () => (await call('GET', '/api/settings', { token })).json.recompute.running;
    expect(await running()).toBe(false);

    // Started but given no time: the page says the recompute is running until the cron ends it.
    const caller = { orgId: org.id, userId: user.id, role: 'admin' as const, tokenId: 't' };
    const res = await updateSettings(
      env.DB,
      caller,
      { cadenceDays: { strategic: 10 } },
      new Date('2026-11-03T10:05:00.000Z'),
      {
        recomputeBudgetMs: -1,
      },
    );
    expect(res.recompute.running).toBe(true);
    expect(await running()).toBe(true);
    const state = await env.DB.prepare('SELECT full_cursor FROM cron_state WHERE org_id = ?')
      .bind(org.id)
      .first();
    expect(state).toEqual({ full_cursor: '' });
    expect(await dueAt()).toBe('2026-11-16T10:00:00.000Z');

    await runCron('2026-11-03T10:15:00.000Z');
    expect(await running()).toBe(false);
    expect(await dueAt()).toBe('2026-11-12T10:00:00.000Z'); // 10 days: Thursday 12 Nov, 11:00 Berlin

    // Through the API, a small org's pass finishes before the answer.
    const patched = await call('PATCH', '/api/settings', { token, body: { cadenceDays: { strategic: 21 } } });
    expect(patched.json.recompute.running).toBe(false);
    expect(await dueAt()).toBe('2026-11-23T10:00:00.000Z');
  });

  it('say the recompute is running after a person’s hours change, until the cron has caught up', async () => {
    const { member, admin } = await createTeam();
    await runCron(new Date().toISOString());
    expect((await call('GET', '/api/settings', { token: admin.token })).json.recompute.running).toBe(false);
    await call('PATCH', '/api/me', { token: member.token, body: { timeZone: 'Asia/Tokyo' } });
    expect((await call('GET', '/api/settings', { token: admin.token })).json.recompute.running).toBe(true);
    await runCron(new Date().toISOString());
    expect((await call('GET', '/api/settings', { token: admin.token })).json.recompute.running).toBe(false);
  });
});
