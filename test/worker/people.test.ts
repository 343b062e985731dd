import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { uuidv7 } from '../../shared/uuid.ts';
import { call, createOrg, createTeam, inviteUser } from './helpers.ts';

// The org's people (design §13): the list, one's own profile, roles and the last admin.

const patchUser = (token: string, id: string, body: unknown) =>
  call('PATCH', `/api/users/${id}`, { token, body });

describe('people', () => {
  it('lists the active people by name for every member, former ones on request', async () => {
    const { admin, manager, member } = await createTeam();
    await call('PATCH', '/api/me', { token: manager.token, body: { name: '李 Manager' } });
    const listed = await call('GET', '/api/users', { token: member.token });
    expect(listed.status).toBe(200);
    expect(listed.json.nextCursor).toBeNull();
    expect(listed.json.items.map((p: { id: string }) => p.id).sort()).toEqual(
      [admin.user.id, manager.user.id, member.user.id].sort(),
    );
    expect(listed.json.items.find((p: { id: string }) => p.id === admin.user.id)).toEqual({
      id: admin.user.id,
      name: 'Ada Admin',
      email: admin.user.email,
      role: 'admin',
      timeZone: 'Europe/Berlin',
      workingHours: null,
      active: true,
      deactivatedAt: null,
      createdAt: expect.any(String),
    });
    // Names in any script page through the cursor.
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: any = await call('GET', `/api/users?limit=1${cursor ? `&cursor=${cursor}` : ''}`, {
        token: member.token,
      });
      expect(page.status).toBe(200);
      seen.push(...page.json.items.map((p: { name: string }) => p.name));
      cursor = page.json.nextCursor;
    } while (cursor);
    expect(seen).toEqual(listed.json.items.map((p: { name: string }) => p.name));

    await call('POST', `/api/users/${member.user.id}/deactivate`, {
      token: admin.token,
      body: { reassignTo: manager.user.id },
    });
    const active = await call('GET', '/api/users', { token: manager.token });
    expect(active.json.items.map((p: { id: string }) => p.id)).not.toContain(member.user.id);
    const all = await call('GET', '/api/users?includeFormer=true', { token: manager.token });
    expect(all.json.items.find((p: { id: string }) => p.id === member.user.id)).toMatchObject({
      active: false,
      deactivatedAt: expect.any(String),
    });
  });

  it('lets anyone change their own name, zone and hours, and validates them strictly', async () => {
    const { member } = await createTeam();
    const hours = { days: [1, 2, 3, 4], start: '08:00', end: '16:00' };
    const res = await call('PATCH', '/api/me', {
      token: member.token,
      body: { name: 'Sam Seller', timeZone: 'America/New_York', workingHours: hours },
    });
    expect(res.status).toBe(200);
    expect(res.json).toMatchObject({ name: 'Sam Seller', timeZone: 'America/New_York', workingHours: hours });
    const me = await call('GET', '/api/me', { token: member.token });
    expect(me.json.user).toMatchObject({ name: 'Sam Seller', workingHours: hours });
    expect(me.json.org.settings.cadenceDays).toEqual({ strategic: 14, tactical: 30 });
    const back = await call('PATCH', '/api/me', { token: member.token, body: { workingHours: null } });
    expect(back.json.workingHours).toBeNull();
    for (const body of [
      { role: 'admin' },
      { timeZone: 'Mars/Olympus' },
      { workingHours: { days: [1], start: '17:00', end: '09:00' } },
      { name: '' },
      { email: 'x@y.test' },
    ]) {
      const bad = await call('PATCH', '/api/me', { token: member.token, body });
      expect(bad.status, JSON.stringify(body)).toBe(400);
      expect(bad.json.issues.length).toBeGreaterThan(0);
    }
  });

  it('lets only an admin change roles: a manager cannot promote', async () => {
    const { admin, manager, member } = await createTeam();
    const promote = await patchUser(manager.token, member.user.id, { role: 'manager' });
    expect(promote.status).toBe(403);
    expect(promote.headers.get('content-type')).toContain('application/problem+json');
    expect((await patchUser(manager.token, manager.user.id, { role: 'admin' })).status).toBe(403);
    expect((await patchUser(member.token, member.user.id, { role: 'manager' })).status).toBe(403);
    // Nor another person's profile.
    expect((await patchUser(manager.token, member.user.id, { name: 'X' })).status).toBe(403);
    // Their own profile, and an unchanged role, are fine.
    expect((await patchUser(manager.token, manager.user.id, { name: 'M', role: 'manager' })).status).toBe(
      200,
    );
    const roles = async () =>
      (await call('GET', '/api/users', { token: admin.token })).json.items.map((p: any) => [p.id, p.role]);
    expect(await roles()).toContainEqual([member.user.id, 'member']);

    const done = await patchUser(admin.token, member.user.id, { role: 'manager', name: 'Sam' });
    expect(done.status).toBe(200);
    expect(done.json).toMatchObject({ role: 'manager', name: 'Sam' });
    // The new role applies to the person's next request.
    expect((await call('GET', '/api/summary', { token: member.token })).status).toBe(200);
    const audit = await env.DB.prepare(
      "SELECT detail FROM audit_log WHERE action = 'user.role' AND target = ?",
    )
      .bind(member.user.id)
      .first<{ detail: string }>();
    expect(JSON.parse(audit!.detail)).toMatchObject({ from: 'member', to: 'manager' });
  });

  it('never lets the last admin be demoted, even by themself or two admins at once', async () => {
    const { token, user } = await createOrg();
    const alone = await patchUser(token, user.id, { role: 'manager' });
    expect(alone.status).toBe(409);
    expect(alone.json.title).toBe('The last admin');
    const second = await inviteUser(token, 'admin');
    // Two admins demote each other at once: the org keeps one.
    const both = await Promise.all([
      patchUser(token, second.user.id, { role: 'member' }),
      patchUser(second.token, user.id, { role: 'member' }),
    ]);
    expect(both.map((r) => r.status).sort()).toEqual([200, 409]);
    const admins = await env.DB.prepare(
      "SELECT count(*) AS n FROM users WHERE org_id = (SELECT org_id FROM users WHERE id = ?) AND role = 'admin' AND deleted_at IS NULL",
    )
      .bind(user.id)
      .first<{ n: number }>();
    expect(admins!.n).toBe(1);
  });

  it('answers 404 for an unknown person and 409 for a former one', async () => {
    const { admin, member } = await createTeam();
    expect((await patchUser(admin.token, uuidv7(), { name: 'X' })).status).toBe(404);
    await call('POST', `/api/users/${member.user.id}/deactivate`, {
      token: admin.token,
      body: { reassignTo: admin.user.id },
    });
    const again = await patchUser(admin.token, member.user.id, { role: 'manager' });
    expect(again.status).toBe(409);
    expect(again.json.title).toBe('Former member');
  });
});
