import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { call, createOrg, interaction } from './helpers.ts';
import {
  addAccount,
  addPerson,
  browse,
  csrfOf,
  logAs,
  ORIGIN,
  postForm,
  signIn,
  teamWithManager,
} from './page-helpers.ts';

const codeOf = (html: string) => /data-testid="invite-code">([^<]+)</.exec(html)?.[1] ?? null;
const rowOf = (html: string, userId: string) =>
  new RegExp(`data-testid="team-person" data-user-id="${userId}" data-role="(\\w+)"`).exec(html)?.[1];

describe('the team page', () => {
  it('is for managers and admins; a member gets the explanation', async () => {
    const { member, cookie } = await teamWithManager();
    const res = await browse('/team', await signIn(member.token));
    expect(res.status).toBe(403);
    expect((await browse('/team', cookie)).status).toBe(200);
  });

  it('lets a manager invite a salesperson by name: the code and join link show once, and the code joins', async () => {
    const { cookie } = await teamWithManager();
    const page = await browse('/team', cookie);
    // A manager may not invite an admin, so the form does not offer it.
    expect(page.text).not.toContain('<option value="admin"');
    const res = await postForm(
      '/team/invites',
      { csrf: csrfOf(page.text), name: 'Sasha Seller', email: 'Sasha@Example.test', role: 'member' },
      { cookie, origin: ORIGIN },
    );
    expect(res.status).toBe(201);
    const code = codeOf(res.text);
    expect(code).toMatch(/^rinv_/);
    expect(res.text).toContain(`/join?code=${code}`);
    expect(res.text).toContain('data-copy="invite-code"');
    expect(res.text).toMatch(
      /data-testid="pending-invite" data-invite-id="[^"]+" data-email="sasha@example.test"/,
    );
    // The list does not show the code again.
    const again = await browse('/team', cookie);
    expect(again.text).not.toContain(code!);
    expect(again.text).toContain('Sasha Seller');

    const join = await browse(`/join?code=${encodeURIComponent(code!)}`);
    expect(join.status).toBe(200);
    expect(join.text).toContain('Sasha Seller, you');
    const redeemed = await call('POST', '/api/auth/redeem', { body: { code, device: 'Chrome' } });
    expect(redeemed.status).toBe(201);
    expect(redeemed.json.user).toMatchObject({
      name: 'Sasha Seller',
      email: 'sasha@example.test',
      role: 'member',
    });
    expect((await browse(`/join?code=${encodeURIComponent(code!)}`)).status).toBe(410);
  });

  it('keeps what was typed when an invite is refused, with the message by the field', async () => {
    const { manager, cookie } = await teamWithManager();
    const csrf = csrfOf((await browse('/team', cookie)).text);
    const bad = await postForm(
      '/team/invites',
      { csrf, name: 'Kim', email: 'kim-at-example', role: 'member' },
      { cookie, origin: ORIGIN },
    );
    expect(bad.status).toBe(400);
    expect(bad.text).toContain('data-testid="error-email"');
    expect(bad.text).toContain('value="Kim"');
    expect(bad.text).toContain('value="kim-at-example"');
    const admin = await postForm(
      '/team/invites',
      { csrf, name: 'Kim', email: 'kim@example.test', role: 'admin' },
      { cookie, origin: ORIGIN },
    );
    expect(admin.status).toBe(400);
    expect(admin.text).toContain('Only an admin may invite an admin.');
    expect(codeOf(admin.text)).toBeNull();
    // An active person's email points at the role change instead.
    const taken = await postForm(
      '/team/invites',
      { csrf, name: 'Mia', email: `${manager.id}@people.test`, role: 'member' },
      { cookie, origin: ORIGIN },
    );
    expect(taken.status).toBe(400);
    expect(taken.text).toMatch(/data-testid="error-email">Mia Manager is already a member/);
  });

  it('revokes a pending invite after a confirmation step; its code then fails', async () => {
    const { cookie } = await teamWithManager();
    const csrf = csrfOf((await browse('/team', cookie)).text);
    const made = await postForm(
      '/team/invites',
      { csrf, name: 'Ola', email: 'ola@example.test', role: 'member' },
      { cookie, origin: ORIGIN },
    );
    const code = codeOf(made.text)!;
    const id = /data-testid="pending-invite" data-invite-id="([^"]+)"/.exec(made.text)![1]!;
    const confirm = await browse(`/team/invites/${id}/revoke`, cookie);
    expect(confirm.status).toBe(200);
    expect(confirm.text).toContain('ola@example.test');
    expect((await call('GET', `/api/auth/invite?code=${encodeURIComponent(code)}`)).status).toBe(200);
    const res = await postForm(`/team/invites/${id}/revoke`, { csrf }, { cookie, origin: ORIGIN });
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe('/team?done=invite-revoked');
    const redeem = await call('POST', '/api/auth/redeem', { body: { code, device: 'x' } });
    expect(redeem.status).toBe(410);
    expect((await browse('/team', cookie)).text).not.toContain('ola@example.test');
  });

  it('lets an admin change a role, never a manager, and never demote the last admin', async () => {
    const { org, manager, member, cookie } = await teamWithManager();
    const adminCookie = await signIn(org.token);
    const page = await browse('/team', adminCookie);
    expect(rowOf(page.text, member.id)).toBe('member');
    const csrf = csrfOf(page.text);
    const promote = await postForm(
      `/team/people/${member.id}/role`,
      { csrf, role: 'manager' },
      { cookie: adminCookie, origin: ORIGIN },
    );
    expect(promote.status).toBe(303);
    expect(rowOf((await browse('/team', adminCookie)).text, member.id)).toBe('manager');

    const managerCsrf = csrfOf((await browse('/team', cookie)).text);
    const refused = await postForm(
      `/team/people/${member.id}/role`,
      { csrf: managerCsrf, role: 'admin' },
      { cookie, origin: ORIGIN },
    );
    expect(refused.status).toBe(400);
    expect(refused.text).toContain('data-testid="row-error">Only an admin changes roles.');
    expect((await call('GET', '/api/me', { token: member.token })).json.user.role).toBe('manager');

    const last = await postForm(
      `/team/people/${org.user.id}/role`,
      { csrf, role: 'member' },
      { cookie: adminCookie, origin: ORIGIN },
    );
    expect(last.status).toBe(400);
    expect(last.text).toContain('data-testid="row-error">The organisation needs an active admin');
    expect((await call('GET', '/api/me', { token: org.token })).json.user.role).toBe('admin');
    void manager;
  });

  it('deactivates a person after confirmation, hands their accounts over, and loses nothing', async () => {
    const { org, manager, member } = await teamWithManager();
    const adminCookie = await signIn(org.token);
    const accounts = [
      await addAccount(org, { name: 'Owned One', ownerId: member.id }),
      await addAccount(org, { name: 'Owned Two', ownerId: member.id }),
    ];
    await logAs(member.token, [
      interaction({ accountId: accounts[0]!, occurredAt: new Date(Date.now() - 86_400_000).toISOString() }),
    ]);
    const memberCookie = await signIn(member.token);
    const before = await env.DB.prepare('SELECT count(*) AS n FROM interactions WHERE org_id = ?')
      .bind(org.org.id)
      .first<number>('n');

    // Managers cannot deactivate.
    expect((await browse(`/team/people/${member.id}/deactivate`, await signIn(manager.token))).status).toBe(
      403,
    );
    const confirm = await browse(`/team/people/${member.id}/deactivate`, adminCookie);
    expect(confirm.status).toBe(200);
    expect(confirm.text).toContain('Hand their 2 accounts to');
    const csrf = csrfOf(confirm.text);
    const none = await postForm(
      `/team/people/${member.id}/deactivate`,
      { csrf, reassignTo: '' },
      { cookie: adminCookie, origin: ORIGIN },
    );
    expect(none.status).toBe(400);
    expect(none.text).toContain('data-testid="error-reassignTo"');
    expect((await call('GET', '/api/me', { token: member.token })).status).toBe(200);

    const res = await postForm(
      `/team/people/${member.id}/deactivate`,
      { csrf, reassignTo: manager.id },
      { cookie: adminCookie, origin: ORIGIN },
    );
    expect(res.status).toBe(200);
    expect(res.text).toContain('data-field="reassignedAccounts" data-value="2"');
    expect(res.text).toContain('handed to Mia Manager');
    // Their token and their browser session stop working at once.
    expect((await call('GET', '/api/me', { token: member.token })).status).toBe(401);
    expect((await browse('/accounts', memberCookie)).status).toBe(401);
    for (const id of accounts)
      expect((await call('GET', `/api/accounts/${id}`, { token: org.token })).json.ownerId).toBe(manager.id);
    const after = await env.DB.prepare(
      'SELECT count(*) AS n FROM interactions WHERE org_id = ? AND deleted_at IS NULL',
    )
      .bind(org.org.id)
      .first<number>('n');
    expect(after).toBe(before);
    const team = (await browse('/team', adminCookie)).text;
    expect(team).toContain('data-testid="former-people"');
    expect(rowOf(team, member.id)).toBeUndefined();
    // Deactivating again is refused in words.
    const again = await postForm(
      `/team/people/${member.id}/deactivate`,
      { csrf, reassignTo: manager.id },
      { cookie: adminCookie, origin: ORIGIN },
    );
    expect(again.status).toBe(404);
  });

  it('answers 404 for another org’s people and invites, and refuses forms without the CSRF token', async () => {
    const { org, cookie } = await teamWithManager();
    const adminCookie = await signIn(org.token);
    const other = await createOrg();
    const them = await addPerson(other, 'member', 'Their Person');
    const invite = await call('POST', '/api/invites', {
      token: other.token,
      body: { email: 'x@their.test', role: 'member' },
    });
    const csrf = csrfOf((await browse('/team', adminCookie)).text);
    for (const path of [`/team/people/${them.id}/deactivate`, `/team/invites/${invite.json.id}/revoke`]) {
      expect((await browse(path, adminCookie)).status, path).toBe(404);
      expect(
        (await postForm(path, { csrf, reassignTo: org.user.id }, { cookie: adminCookie, origin: ORIGIN }))
          .status,
        path,
      ).toBe(404);
    }
    const role = await postForm(
      `/team/people/${them.id}/role`,
      { csrf, role: 'admin' },
      { cookie: adminCookie, origin: ORIGIN },
    );
    expect(role.status).toBe(404);
    expect((await call('GET', '/api/me', { token: them.token })).json.user.role).toBe('member');
    expect((await call('GET', `/api/auth/invite?code=x`)).status).not.toBe(500);
    const forged = await postForm(
      '/team/invites',
      { csrf: 'f'.repeat(64), name: 'X', email: 'x@x.test', role: 'member' },
      { cookie, origin: ORIGIN },
    );
    expect(forged.status).toBe(403);
  });
});
