import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { uuidv7 } from '../../shared/uuid.ts';
import { call, clientAddress, createOrg, createTeam, inviteUser } from './helpers.ts';

// Invites as a team manages them (design §13): the invited name, the preview before joining,
// the pending list, revocation, replacement, and bringing back a former member.

const invite = (token: string, body: Record<string, unknown>) =>
  call('POST', '/api/invites', { token, body });
const redeem = (body: Record<string, unknown>) => call('POST', '/api/auth/redeem', { body });

describe('invite lifecycle', () => {
  it('carries the invited name: the preview shows it and redeeming confirms or corrects it', async () => {
    const { token, org } = await createOrg();
    const email = `sam-${uuidv7()}@northwind.test`;
    const created = await invite(token, { email, role: 'member', name: 'Sam Seller' });
    expect(created.status).toBe(201);
    expect(created.json).toMatchObject({ id: expect.any(String), code: expect.stringMatching(/^rinv_/) });

    const preview = await call('GET', `/api/auth/invite?code=${encodeURIComponent(created.json.code)}`);
    expect(preview.status).toBe(200);
    expect(preview.json).toEqual({
      email,
      name: 'Sam Seller',
      role: 'member',
      kind: 'join',
      org: { id: org.id, name: org.name },
      expiresAt: created.json.expiresAt,
    });
    expect(preview.headers.get('cache-control')).toBe('no-store');
    // Previewing does not spend the code.
    const joined = await redeem({ code: created.json.code, device: 'Chrome', name: 'Samantha Seller' });
    expect(joined.status).toBe(201);
    expect(joined.json.user).toMatchObject({ name: 'Samantha Seller', email, role: 'member' });
    const spent = await call('GET', `/api/auth/invite?code=${encodeURIComponent(created.json.code)}`);
    expect(spent.status).toBe(410);
    expect((await call('GET', '/api/auth/invite?code=rinv_nope')).status).toBe(400);
    expect((await call('GET', '/api/auth/invite')).status).toBe(400);

    // Without a confirmed name, the invite's name is taken.
    const other = await invite(token, {
      email: `pat-${uuidv7()}@northwind.test`,
      role: 'manager',
      name: 'Pat',
    });
    const pat = await redeem({ code: other.json.code, device: 'Firefox' });
    expect(pat.json.user).toMatchObject({ name: 'Pat', role: 'manager' });
  });

  it('lists pending invites to managers and admins, and a revoked invite cannot be redeemed', async () => {
    const { admin, manager, member } = await createTeam();
    const a = await invite(admin.token, { email: `a-${uuidv7()}@x.test`, role: 'admin', name: 'Ann' });
    const b = await invite(manager.token, { email: `b-${uuidv7()}@x.test`, role: 'member' });
    const device = await invite(admin.token, { email: member.user.email, role: 'member' });
    const spent = await invite(admin.token, { email: `c-${uuidv7()}@x.test`, role: 'member' });
    await redeem({ code: spent.json.code, device: 'd' });

    const listed = await call('GET', '/api/invites', { token: manager.token });
    expect(listed.status).toBe(200);
    expect(listed.json.items.map((i: { id: string }) => i.id)).toEqual([
      device.json.id,
      b.json.id,
      a.json.id,
    ]);
    expect(listed.json.items[2]).toMatchObject({
      name: 'Ann',
      role: 'admin',
      kind: 'join',
      invitedBy: admin.user.id,
      invitedByName: 'Ada Admin',
    });
    expect(listed.json.items[0]).toMatchObject({ kind: 'device', name: expect.any(String) });
    expect(listed.text).not.toContain(a.json.code);
    expect((await call('GET', '/api/invites', { token: member.token })).status).toBe(403);
    // Pages cover every pending invite once.
    const first = await call('GET', '/api/invites?limit=2', { token: admin.token });
    const second = await call('GET', `/api/invites?limit=2&cursor=${first.json.nextCursor}`, {
      token: admin.token,
    });
    expect([...first.json.items, ...second.json.items].map((i: { id: string }) => i.id)).toEqual(
      listed.json.items.map((i: { id: string }) => i.id),
    );
    expect(second.json.nextCursor).toBeNull();

    expect((await call('DELETE', `/api/invites/${b.json.id}`, { token: member.token })).status).toBe(403);
    expect((await call('DELETE', `/api/invites/${b.json.id}`, { token: manager.token })).status).toBe(204);
    // Again: nothing left to revoke, same answer.
    expect((await call('DELETE', `/api/invites/${b.json.id}`, { token: admin.token })).status).toBe(204);
    expect((await call('DELETE', `/api/invites/${uuidv7()}`, { token: admin.token })).status).toBe(404);
    const refused = await redeem({ code: b.json.code, device: 'd' });
    expect(refused.status).toBe(410);
    expect(refused.json.type).toMatch(/gone$/);
    const after = await call('GET', '/api/invites', { token: admin.token });
    expect(after.json.items.map((i: { id: string }) => i.id)).not.toContain(b.json.id);
    const audit = await env.DB.prepare(
      "SELECT actor_id FROM audit_log WHERE action = 'invite.revoke' AND target = ?",
    )
      .bind(b.json.id)
      .all();
    expect(audit.results).toEqual([{ actor_id: manager.user.id }]);
  });

  it('replaces a pending invite for the same email, so only the latest role can be taken', async () => {
    const { token } = await createOrg();
    const email = `late-${uuidv7()}@x.test`;
    const asMember = await invite(token, { email, role: 'member' });
    const asManager = await invite(token, { email, role: 'manager' });
    expect((await redeem({ code: asMember.json.code, device: 'd' })).status).toBe(410);
    const joined = await redeem({ code: asManager.json.code, device: 'd' });
    expect(joined.json.user.role).toBe('manager');
  });

  it('stops a code working once its issuer has left or may no longer grant its role', async () => {
    const { admin, manager } = await createTeam();
    const code = (await invite(manager.token, { email: `n-${uuidv7()}@x.test`, role: 'manager' })).json.code;
    expect(
      (await call('PATCH', `/api/users/${manager.user.id}`, { token: admin.token, body: { role: 'member' } }))
        .status,
    ).toBe(200);
    expect((await redeem({ code, device: 'd' })).status).toBe(410);
  });

  it('brings a former member back with the invite’s role; their old tokens stay revoked', async () => {
    const { admin, member } = await createTeam();
    const gone = await call('POST', `/api/users/${member.user.id}/deactivate`, {
      token: admin.token,
      body: { reassignTo: admin.user.id },
    });
    expect(gone.status).toBe(200);
    const again = await inviteUser(admin.token, 'manager', member.user.email);
    expect(again.user).toMatchObject({ id: member.user.id, role: 'manager' });
    expect((await call('GET', '/api/me', { token: again.token })).json.user.active).toBe(true);
    expect((await call('GET', '/api/me', { token: member.token })).status).toBe(401);
    const people = await call('GET', '/api/users', { token: admin.token });
    expect(people.json.items.map((p: { id: string }) => p.id)).toContain(member.user.id);
  });

  it('holds code previews from one address to the strict limit, as redeeming is', async () => {
    const ip = clientAddress();
    const statuses: number[] = [];
    // AUTH_RATE_LIMITER allows 10 a minute; windows align to the clock, so 30 tries see at least 10 refused.
    for (let i = 0; i < 30; i++)
      statuses.push(
        (await call('GET', `/api/auth/invite?code=rinv_guess${i}`, { headers: { 'cf-connecting-ip': ip } }))
          .status,
      );
    expect(statuses.filter((s) => s === 429).length).toBeGreaterThanOrEqual(10);
    expect(statuses.every((s) => s === 400 || s === 429)).toBe(true);
  });
});
