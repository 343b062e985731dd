import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { call, createOrg, createTeam, inviteUser } from './helpers.ts';

describe('invites and redeem', () => {
  it('turns a 7-day, single-use code into a token for a new user', async () => {
    const { token, org } = await createOrg();
    const before = Date.now();
    const invite = await call('POST', '/api/invites', {
      token,
      body: { email: 'New.Person@Example.test', role: 'member' },
    });
    expect(invite.status).toBe(201);
    expect(invite.json.code).toMatch(/^rinv_/);
    const ttl = Date.parse(invite.json.expiresAt) - before;
    expect(ttl).toBeGreaterThan(7 * 86_400_000 - 60_000);
    expect(ttl).toBeLessThanOrEqual(7 * 86_400_000 + 60_000);

    const redeemed = await call('POST', '/api/auth/redeem', {
      body: { code: invite.json.code, device: 'Chrome on laptop' },
    });
    expect(redeemed.status).toBe(201);
    expect(redeemed.json.token).toMatch(/^rap_/);
    expect(redeemed.json.user).toMatchObject({
      email: 'new.person@example.test',
      role: 'member',
      name: 'new.person',
    });
    expect(redeemed.json.org).toEqual({ id: org.id, name: org.name });
    const me = await call('GET', '/api/me', { token: redeemed.json.token });
    expect(me.status).toBe(200);
    expect(me.json.user.id).toBe(redeemed.json.user.id);

    const again = await call('POST', '/api/auth/redeem', { body: { code: invite.json.code, device: 'x' } });
    expect(again.status).toBe(410);
    expect(again.headers.get('content-type')).toContain('application/problem+json');
    // The code is stored only as a hash.
    const stored = await env.DB.prepare("SELECT hash FROM tokens WHERE kind = 'invite'").all<{
      hash: string;
    }>();
    for (const r of stored.results) expect(r.hash).not.toContain(invite.json.code.slice(5, 20));
  });

  it('lets only one of two concurrent redeems of a code succeed', async () => {
    const { token } = await createOrg();
    const invite = await call('POST', '/api/invites', {
      token,
      body: { email: 'race@example.test', role: 'member' },
    });
    const results = await Promise.all(
      [1, 2, 3].map(() =>
        call('POST', '/api/auth/redeem', { body: { code: invite.json.code, device: 'd' } }),
      ),
    );
    expect(results.map((r) => r.status).sort()).toEqual([201, 410, 410]);
  });

  it('answers an expired code 410 and an unknown one 400', async () => {
    const { token } = await createOrg();
    const invite = await call('POST', '/api/invites', {
      token,
      body: { email: 'late@example.test', role: 'member' },
    });
    await env.DB.prepare(
      "UPDATE tokens SET expires_at = '2020-01-01T00:00:00.000Z' WHERE kind = 'invite'",
    ).run();
    expect(
      (await call('POST', '/api/auth/redeem', { body: { code: invite.json.code, device: 'd' } })).status,
    ).toBe(410);
    expect(
      (await call('POST', '/api/auth/redeem', { body: { code: 'rinv_nope', device: 'd' } })).status,
    ).toBe(400);
  });

  it('forbids a manager to invite an admin, or to re-invite an existing person', async () => {
    const { admin, manager, member } = await createTeam();
    const asAdmin = await call('POST', '/api/invites', {
      token: manager.token,
      body: { email: 'boss@x.test', role: 'admin' },
    });
    expect(asAdmin.status).toBe(403);
    const existing = await call('POST', '/api/invites', {
      token: manager.token,
      body: { email: member.user.email.toUpperCase(), role: 'member' },
    });
    expect(existing.status).toBe(409);
    // Re-inviting a member as something else used to answer 201 and keep them a member:
    // now it is refused, and the answer points at the role change.
    const promote = await call('POST', '/api/invites', {
      token: admin.token,
      body: { email: member.user.email, role: 'manager' },
    });
    expect(promote.status).toBe(409);
    expect(promote.json.detail).toContain(`/api/users/${member.user.id}`);
    expect(promote.json.issues[0].path).toEqual(['email']);
    // With their current role, an admin's code signs the person in on another device, as themself.
    const device = await call('POST', '/api/invites', {
      token: admin.token,
      body: { email: member.user.email, role: 'member' },
    });
    expect(device.status).toBe(201);
    const second = await call('POST', '/api/auth/redeem', {
      body: { code: device.json.code, device: 'phone', name: 'Not my name' },
    });
    expect(second.status).toBe(201);
    expect(second.json.user).toMatchObject({ id: member.user.id, role: 'member' });
    expect(second.json.user.name).not.toBe('Not my name');
  });

  it('validates the invite body strictly', async () => {
    const { token } = await createOrg();
    for (const body of [
      { email: 'x', role: 'member' },
      { email: 'a@b.test', role: 'owner' },
      { email: 'a@b.test', role: 'member', orgId: 'x' },
    ]) {
      const res = await call('POST', '/api/invites', { token, body });
      expect(res.status).toBe(400);
      expect(res.json.issues.length).toBeGreaterThan(0);
    }
  });
});

describe('tokens', () => {
  it('lists own tokens for a member and all of the org for an admin, never the secret', async () => {
    const { admin, member } = await createTeam();
    const own = await call('GET', '/api/tokens', { token: member.token });
    expect(own.status).toBe(200);
    expect(own.json.items).toHaveLength(1);
    expect(own.json.items[0]).toMatchObject({
      userId: member.user.id,
      kind: 'api',
      label: 'test',
      current: true,
    });
    expect(own.text).not.toContain(member.token);
    expect(own.text).not.toMatch(/"hash"/);
    const all = await call('GET', '/api/tokens', { token: admin.token });
    const users = new Set(all.json.items.map((t: { userId: string }) => t.userId));
    expect(users.has(member.user.id)).toBe(true);
    expect(users.has(admin.user.id)).toBe(true);
    // Paging covers every token exactly once.
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: any = await call('GET', `/api/tokens?limit=1${cursor ? `&cursor=${cursor}` : ''}`, {
        token: admin.token,
      });
      seen.push(...page.json.items.map((t: { id: string }) => t.id));
      cursor = page.json.nextCursor;
    } while (cursor);
    expect(seen.sort()).toEqual(all.json.items.map((t: { id: string }) => t.id).sort());
  });

  it('revokes: own for a member, any for an admin; a revoked token answers 401', async () => {
    const { admin, member, manager } = await createTeam();
    const mine = (await call('GET', '/api/tokens', { token: manager.token })).json.items[0].id;
    const theirs = (await call('GET', '/api/tokens', { token: member.token })).json.items[0].id;
    expect((await call('DELETE', `/api/tokens/${theirs}`, { token: manager.token })).status).toBe(404);
    expect((await call('DELETE', `/api/tokens/${mine}`, { token: manager.token })).status).toBe(204);
    expect((await call('GET', '/api/me', { token: manager.token })).status).toBe(401);
    expect((await call('DELETE', `/api/tokens/${theirs}`, { token: admin.token })).status).toBe(204);
    expect((await call('GET', '/api/me', { token: member.token })).status).toBe(401);
    const listed = await call('GET', '/api/tokens?includeInactive=true', { token: admin.token });
    expect(listed.json.items.find((t: { id: string }) => t.id === theirs).revokedAt).not.toBeNull();
  });

  it('lets an admin revoke a pending invite, which then cannot be redeemed', async () => {
    const { token } = await createOrg();
    const invite = await call('POST', '/api/invites', {
      token,
      body: { email: 'pending@x.test', role: 'member' },
    });
    const list = await call('GET', '/api/tokens?kind=invite', { token });
    expect(list.json.items).toHaveLength(1);
    expect(list.json.items[0]).toMatchObject({ email: 'pending@x.test', role: 'member' });
    expect((await call('DELETE', `/api/tokens/${list.json.items[0].id}`, { token })).status).toBe(204);
    expect(
      (await call('POST', '/api/auth/redeem', { body: { code: invite.json.code, device: 'd' } })).status,
    ).toBe(410);
  });

  it('helper inviteUser works for every role from an admin', async () => {
    const { token } = await createOrg();
    for (const role of ['member', 'manager', 'admin'] as const) {
      const u = await inviteUser(token, role);
      expect(u.user.role).toBe(role);
    }
  });
});
