import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { uuidv7 } from '../../shared/uuid.ts';
import { account, call, createOrg, createTeam, interaction, inviteUser } from './helpers.ts';
import { browse, signIn } from './page-helpers.ts';

// Deactivating a person who left (design §13, §16): everything that signs them in stops at once,
// their accounts change hands, their reminders close, and nothing they logged is lost.

const deactivate = (token: string, id: string, body: unknown) =>
  call('POST', `/api/users/${id}/deactivate`, { token, body });

const count = async (sql: string, ...args: unknown[]) =>
  (await env.DB.prepare(sql)
    .bind(...args)
    .first<{ n: number }>())!.n;

describe('deactivation', () => {
  it('revokes every token, session and invite at once, hands over the accounts and loses no interaction', async () => {
    const { org, admin, manager: leaver, member } = await createTeam();
    const recent = new Date(Date.now() - 3 * 86_400_000).toISOString();
    // The leaver owns two accounts, logs on them and on one owned by someone else.
    const [mine1, mine2, theirs] = [account({ tier: 'strategic' }), account({ tier: 'tactical' }), account()];
    for (const a of [mine1, mine2]) await call('POST', '/api/accounts', { token: leaver.token, body: a });
    await call('POST', '/api/accounts', { token: member.token, body: theirs });
    const logs = [
      interaction({ accountId: mine1.id, occurredAt: recent }),
      interaction({
        accountId: mine2.id,
        occurredAt: recent,
        tag: 'tactical',
        followUpAt: '2999-01-04T09:00:00.000Z',
      }),
      interaction({ accountId: theirs.id, occurredAt: recent, visibility: 'private' }),
    ];
    for (const i of logs)
      expect((await call('POST', '/api/interactions', { token: leaver.token, body: i })).status).toBe(201);
    const session = await signIn(leaver.token);
    const device = await call('POST', '/api/invites', {
      token: admin.token,
      body: { email: leaver.user.email, role: 'manager' },
    });
    const issued = await call('POST', '/api/invites', {
      token: leaver.token,
      body: { email: `n-${uuidv7()}@x.test`, role: 'member' },
    });
    const openBefore = await count(
      "SELECT count(*) AS n FROM reminders WHERE user_id = ? AND state IN ('open', 'snoozed') AND deleted_at IS NULL",
      leaver.user.id,
    );
    expect(openBefore).toBeGreaterThanOrEqual(3); // two keep-in-touch and a follow-up
    const summaryBefore = (await call('GET', '/api/summary', { token: admin.token })).json;
    const interactionsBefore = await count('SELECT count(*) AS n FROM interactions WHERE org_id = ?', org.id);

    const res = await deactivate(admin.token, leaver.user.id, { reassignTo: member.user.id });
    expect(res.status).toBe(200);
    expect(res.json).toMatchObject({
      user: { id: leaver.user.id, active: false, deactivatedAt: expect.any(String) },
      reassignedAccounts: 2,
      revokedTokens: 2, // the API token and the session (the web link was spent by signing in)
      revokedInvites: 2, // the device code for them, and the invite they issued
      closedReminders: openBefore,
    });

    // Signed out everywhere, at once.
    expect((await call('GET', '/api/me', { token: leaver.token })).status).toBe(401);
    expect((await browse('/', session)).status).not.toBe(200);
    expect(
      (await call('POST', '/api/auth/redeem', { body: { code: device.json.code, device: 'd' } })).status,
    ).toBe(410);
    expect(
      (await call('POST', '/api/auth/redeem', { body: { code: issued.json.code, device: 'd' } })).status,
    ).toBe(410);

    // No account is left without an active owner; their accounts are the heir's.
    expect(
      await count(
        'SELECT count(*) AS n FROM accounts WHERE org_id = ? AND owner_id = ?',
        org.id,
        leaver.user.id,
      ),
    ).toBe(0);
    for (const a of [mine1, mine2]) {
      const got = await call('GET', `/api/accounts/${a.id}`, { token: member.token });
      expect(got.json.ownerId).toBe(member.user.id);
    }
    // Replicas hear of it: the heir's next pull carries the accounts with their new owner.
    const pulled = await call('GET', `/api/sync/pull?clientId=${uuidv7()}`, { token: member.token });
    const owners = new Map(
      pulled.json.accounts.map((a: { id: string; ownerId: string }) => [a.id, a.ownerId]),
    );
    expect(owners.get(mine1.id)).toBe(member.user.id);

    // No interaction lost; they still count in the summary, as a former member's.
    expect(await count('SELECT count(*) AS n FROM interactions WHERE org_id = ?', org.id)).toBe(
      interactionsBefore,
    );
    expect(
      await count(
        'SELECT count(*) AS n FROM interactions WHERE user_id = ? AND deleted_at IS NULL',
        leaver.user.id,
      ),
    ).toBe(3);
    const summary = (await call('GET', '/api/summary', { token: admin.token })).json;
    const row = summary.people.find((p: { userId: string }) => p.userId === leaver.user.id);
    const rowBefore = summaryBefore.people.find((p: { userId: string }) => p.userId === leaver.user.id);
    expect(row).toMatchObject({ total: rowBefore.total, former: true, name: rowBefore.name });
    expect(summary.weeks).toEqual(summaryBefore.weeks);
    const timeline = await call('GET', `/api/interactions?accountId=${mine1.id}`, { token: member.token });
    expect(timeline.json.items.map((i: { id: string }) => i.id)).toContain(logs[0]!.id);

    // Their reminders are closed; the keep-in-touch of the moved accounts is the heir's now.
    expect(
      await count(
        "SELECT count(*) AS n FROM reminders WHERE user_id = ? AND state IN ('open', 'snoozed') AND deleted_at IS NULL",
        leaver.user.id,
      ),
    ).toBe(0);
    const heirs = await call('GET', '/api/reminders?state=all', { token: member.token });
    const kit = heirs.json.items.filter((r: { rule: string }) => r.rule === 'keep-in-touch');
    expect(kit.map((r: { accountId: string }) => r.accountId)).toEqual(
      expect.arrayContaining([mine1.id, mine2.id]),
    );
    expect(kit.every((r: { state: string }) => r.state === 'open')).toBe(true);

    const audit = await env.DB.prepare(
      "SELECT actor_id, detail FROM audit_log WHERE action = 'user.deactivate' AND target = ?",
    )
      .bind(leaver.user.id)
      .first<{ actor_id: string; detail: string }>();
    expect(audit!.actor_id).toBe(admin.user.id);
    expect(JSON.parse(audit!.detail)).toMatchObject({ reassignTo: member.user.id, accounts: 2 });

    // Already former: 409, nothing changes.
    expect((await deactivate(admin.token, leaver.user.id, { reassignTo: member.user.id })).status).toBe(409);
  }, 30_000);

  it('moves hundreds of accounts in versions a pull page never has to split', async () => {
    const { org, admin, member } = await createTeam();
    // Written in one go, as an import would: many accounts under one version.
    const ids = Array.from({ length: 230 }, () => uuidv7());
    await env.DB.batch([
      env.DB.prepare('UPDATE orgs SET version = version + 1 WHERE id = ?1').bind(org.id),
      env.DB.prepare(
        `INSERT INTO accounts (id, org_id, name, domains, stakeholder, tier, owner_id, notes, version, created_at, updated_at)
         SELECT value, ?1, 'Bulk ' || value, '[]', 'customer', 'tactical', ?2, '', (SELECT version FROM orgs WHERE id = ?1),
           '2026-09-01T09:00:00.000Z', '2026-09-01T09:00:00.000Z' FROM json_each(?3)`,
      ).bind(org.id, member.user.id, JSON.stringify(ids)),
    ]);
    const res = await deactivate(admin.token, member.user.id, { reassignTo: admin.user.id });
    expect(res.json.reassignedAccounts).toBe(230);
    const perVersion = await env.DB.prepare(
      `SELECT version, count(*) AS n FROM accounts WHERE org_id = ?1 AND owner_id = ?2 GROUP BY version`,
    )
      .bind(org.id, admin.user.id)
      .all<{ version: number; n: number }>();
    expect(perVersion.results.reduce((s, r) => s + r.n, 0)).toBe(230);
    expect(Math.max(...perVersion.results.map((r) => r.n))).toBeLessThanOrEqual(100);
    // A client that knew the accounts before receives every one of them again, with the new owner.
    let cookie = 0;
    const seen = new Map<string, string>();
    for (;;) {
      const page = await call('GET', `/api/sync/pull?clientId=${uuidv7()}&cookie=${cookie}`, {
        token: admin.token,
      });
      for (const a of page.json.accounts) seen.set(a.id, a.ownerId);
      cookie = page.json.cookie;
      if (!page.json.hasMore) break;
    }
    expect(ids.every((id) => seen.get(id) === admin.user.id)).toBe(true);
  }, 30_000);

  it('refuses the last admin, a non-admin caller and an heir who is not an active colleague', async () => {
    const { admin, manager, member } = await createTeam();
    expect((await deactivate(manager.token, member.user.id, { reassignTo: manager.user.id })).status).toBe(
      403,
    );
    expect((await deactivate(member.token, member.user.id, { reassignTo: admin.user.id })).status).toBe(403);
    const last = await deactivate(admin.token, admin.user.id, { reassignTo: manager.user.id });
    expect(last.status).toBe(409);
    expect(last.json.title).toBe('The last admin');
    expect((await call('GET', '/api/me', { token: admin.token })).status).toBe(200);

    const other = await createOrg();
    const refusals = [];
    for (const reassignTo of [member.user.id, other.user.id, uuidv7()]) {
      const res = await deactivate(admin.token, member.user.id, { reassignTo });
      expect(res.status).toBe(400);
      expect(res.json.issues[0].path).toEqual(['reassignTo']);
      refusals.push(res.text);
    }
    // Another org's person is refused exactly as a missing one.
    expect(refusals[1]).toBe(refusals[2]);
    expect((await deactivate(admin.token, member.user.id, { reassignTo: 'me' })).status).toBe(400);
    expect((await deactivate(admin.token, member.user.id, {})).status).toBe(400);

    // With a second admin, an admin may leave, and their accounts go to whom they name.
    const second = await inviteUser(admin.token, 'admin');
    const gone = await deactivate(second.token, admin.user.id, { reassignTo: second.user.id });
    expect(gone.status).toBe(200);
    const heirGone = await deactivate(second.token, member.user.id, { reassignTo: admin.user.id });
    expect(heirGone.status).toBe(400);
  });
});
