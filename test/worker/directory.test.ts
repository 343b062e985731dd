import { describe, expect, it } from 'vitest';
import { uuidv7 } from '../../shared/uuid.ts';
import { account, call, contact, createTeam, interaction } from './helpers.ts';

describe('accounts', () => {
  it('creates with defaults, reads, patches by merging, and deletes as a tombstone', async () => {
    const { member } = await createTeam();
    const token = member.token;
    const created = await call('POST', '/api/accounts', {
      token,
      body: { name: 'Initech', stakeholder: 'customer', tier: 'tactical', domains: ['Initech.com'] },
    });
    expect(created.status).toBe(201);
    expect(created.json).toMatchObject({
      name: 'Initech',
      domains: ['initech.com'],
      ownerId: member.user.id,
      cadenceDays: null,
      notes: '',
      deletedAt: null,
    });
    const id = created.json.id;
    const patched = await call('PATCH', `/api/accounts/${id}`, {
      token,
      body: { tier: 'strategic', cadenceDays: 14 },
    });
    expect(patched.status).toBe(200);
    expect(patched.json).toMatchObject({
      name: 'Initech',
      tier: 'strategic',
      cadenceDays: 14,
      domains: ['initech.com'],
    });
    expect(patched.json.version).toBeGreaterThan(created.json.version);
    expect((await call('PATCH', `/api/accounts/${id}`, { token, body: { tier: 'urgent' } })).status).toBe(
      400,
    );
    expect((await call('PATCH', `/api/accounts/${id}`, { token, body: { orgId: 'x' } })).status).toBe(400);
    expect((await call('DELETE', `/api/accounts/${id}`, { token })).status).toBe(204);
    expect((await call('GET', `/api/accounts/${id}`, { token })).status).toBe(404);
    expect((await call('DELETE', `/api/accounts/${id}`, { token })).status).toBe(404);
    // The tombstone reaches sync clients.
    const pull = await call('GET', `/api/sync/pull?clientId=${uuidv7()}&cookie=0`, { token });
    expect(pull.json.accounts.find((a: { id: string }) => a.id === id).deletedAt).not.toBeNull();
    // Its domain no longer matches.
    const lookup = await call('GET', '/api/lookup?email=bob@initech.com', { token });
    expect(lookup.json.account).toBeNull();
  });

  it('lets only the owner, a manager or an admin change an owned account', async () => {
    const { admin, manager, member } = await createTeam();
    const owned = await call('POST', '/api/accounts', { token: manager.token, body: account() });
    expect(owned.json.ownerId).toBe(manager.user.id);
    const id = owned.json.id;
    expect(
      (await call('PATCH', `/api/accounts/${id}`, { token: member.token, body: { notes: 'x' } })).status,
    ).toBe(403);
    expect((await call('DELETE', `/api/accounts/${id}`, { token: member.token })).status).toBe(403);
    expect(
      (await call('PATCH', `/api/accounts/${id}`, { token: admin.token, body: { notes: 'ok' } })).status,
    ).toBe(200);
    // Handing it to the member lets the member edit it.
    const handed = await call('PATCH', `/api/accounts/${id}`, {
      token: manager.token,
      body: { ownerId: member.user.id },
    });
    expect(handed.json.ownerId).toBe(member.user.id);
    expect(
      (await call('PATCH', `/api/accounts/${id}`, { token: member.token, body: { notes: 'mine' } })).status,
    ).toBe(200);
    // An owner must be a user of this org.
    const stranger = await call('PATCH', `/api/accounts/${id}`, {
      token: admin.token,
      body: { ownerId: uuidv7() },
    });
    expect(stranger.status).toBe(400);
  });

  it('refuses to create over an existing id', async () => {
    const { admin } = await createTeam();
    const body = account();
    expect((await call('POST', '/api/accounts', { token: admin.token, body })).status).toBe(201);
    expect((await call('POST', '/api/accounts', { token: admin.token, body })).status).toBe(409);
  });

  it('searches by name prefix, case-insensitively, and pages in name order', async () => {
    const { admin } = await createTeam();
    const names = ['alpha', 'Alphabet', 'ALPINE', 'beta', 'Al', 'gamma', 'alpha'];
    for (const name of names)
      expect(
        (await call('POST', '/api/accounts', { token: admin.token, body: account({ name }) })).status,
      ).toBe(201);
    const hits = await call('GET', '/api/accounts?q=AL', { token: admin.token });
    expect(hits.json.items.map((a: { name: string }) => a.name)).toEqual([
      'Al',
      'alpha',
      'alpha',
      'Alphabet',
      'ALPINE',
    ]);
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: any = await call('GET', `/api/accounts?limit=2${cursor ? `&cursor=${cursor}` : ''}`, {
        token: admin.token,
      });
      expect(page.json.items.length).toBeLessThanOrEqual(2);
      seen.push(...page.json.items.map((a: { name: string }) => a.name));
      cursor = page.json.nextCursor;
    } while (cursor);
    expect(seen).toEqual(['Al', 'alpha', 'alpha', 'Alphabet', 'ALPINE', 'beta', 'gamma']);
    expect((await call('GET', '/api/accounts?limit=201', { token: admin.token })).status).toBe(400);
    expect((await call('GET', '/api/accounts?limit=0', { token: admin.token })).status).toBe(400);
    expect((await call('GET', '/api/accounts?cursor=W10', { token: admin.token })).status).toBe(400);
    expect((await call('GET', '/api/accounts?sort=name', { token: admin.token })).status).toBe(400);
    expect((await call('GET', '/api/accounts?q=%25', { token: admin.token })).json.items).toEqual([]);
  });
});

describe('contacts', () => {
  it('lets a member create, patch and delete, and keeps emails unique', async () => {
    const { member, manager } = await createTeam();
    const body = contact({ emails: ['Jane@Acme.test'] });
    const created = await call('POST', '/api/contacts', { token: member.token, body });
    expect(created.status).toBe(201);
    expect(created.json.emails).toEqual(['jane@acme.test']);
    const dup = await call('POST', '/api/contacts', {
      token: manager.token,
      body: contact({ emails: ['JANE@acme.test'] }),
    });
    expect(dup.status).toBe(409);
    const patched = await call('PATCH', `/api/contacts/${body.id}`, {
      token: manager.token,
      body: { title: 'CTO' },
    });
    expect(patched.json).toMatchObject({ title: 'CTO', emails: ['jane@acme.test'], name: body.name });
    expect((await call('DELETE', `/api/contacts/${body.id}`, { token: member.token })).status).toBe(204);
    // Deleted, its email is free again.
    expect(
      (
        await call('POST', '/api/contacts', {
          token: manager.token,
          body: contact({ emails: ['jane@acme.test'] }),
        })
      ).status,
    ).toBe(201);
  });

  it('filters by account and refuses an account of nowhere', async () => {
    const { admin } = await createTeam();
    const acc = await call('POST', '/api/accounts', { token: admin.token, body: account() });
    await call('POST', '/api/contacts', { token: admin.token, body: contact({ accountId: acc.json.id }) });
    await call('POST', '/api/contacts', { token: admin.token, body: contact() });
    const list = await call('GET', `/api/contacts?accountId=${acc.json.id}`, { token: admin.token });
    expect(list.json.items).toHaveLength(1);
    const orphan = await call('POST', '/api/contacts', {
      token: admin.token,
      body: contact({ accountId: uuidv7() }),
    });
    expect(orphan.status).toBe(404);
  });
});

describe('GET /api/lookup', () => {
  it('matches contact email first, then account domain, never free mail', async () => {
    const { member, admin } = await createTeam();
    const acme = await call('POST', '/api/accounts', {
      token: admin.token,
      body: account({ name: 'Acme', domains: ['acme.test'] }),
    });
    const other = await call('POST', '/api/accounts', {
      token: admin.token,
      body: account({ name: 'Other' }),
    });
    const jane = await call('POST', '/api/contacts', {
      token: admin.token,
      body: contact({ emails: ['jane@acme.test'], accountId: other.json.id }),
    });
    const gmailBob = await call('POST', '/api/contacts', {
      token: admin.token,
      body: contact({ emails: ['bob@gmail.com'] }),
    });
    await call('POST', '/api/accounts', {
      token: admin.token,
      body: account({ name: 'Google?', domains: ['gmail.com'] }),
    });

    const byContact = await call('GET', '/api/lookup?email=JANE%40ACME.test', { token: member.token });
    expect(byContact.status).toBe(200);
    expect(byContact.json).toMatchObject({
      matchedBy: 'contact-email',
      email: 'jane@acme.test',
      freeMail: false,
    });
    expect(byContact.json.contact.id).toBe(jane.json.id);
    expect(byContact.json.account.id).toBe(other.json.id);

    const byDomain = await call('GET', '/api/lookup?email=joe@eu.acme.test', { token: member.token });
    expect(byDomain.json).toMatchObject({ matchedBy: 'account-domain', contact: null });
    expect(byDomain.json.account.id).toBe(acme.json.id);

    const free = await call('GET', '/api/lookup?email=someone@gmail.com', { token: member.token });
    expect(free.json).toMatchObject({ matchedBy: null, contact: null, account: null, freeMail: true });
    const freeContact = await call('GET', '/api/lookup?email=bob@gmail.com', { token: member.token });
    expect(freeContact.json.contact.id).toBe(gmailBob.json.id);

    const none = await call('GET', '/api/lookup?email=x@nowhere.test', { token: member.token });
    expect(none.json).toMatchObject({ matchedBy: null, contact: null, account: null });
    expect((await call('GET', '/api/lookup?email=nope', { token: member.token })).status).toBe(400);
    expect((await call('GET', '/api/lookup', { token: member.token })).status).toBe(400);
  });
});

describe('PATCH /api/interactions/:id', () => {
  it('merges a patch for the author and refuses everyone else', async () => {
    const { member, manager } = await createTeam();
    const item = interaction();
    await call('POST', '/api/interactions', { token: member.token, body: item });
    const res = await call('PATCH', `/api/interactions/${item.id}`, {
      token: member.token,
      body: { tag: 'tactical', notes: 'changed' },
    });
    expect(res.status).toBe(200);
    expect(res.json).toMatchObject({
      tag: 'tactical',
      notes: 'changed',
      title: item.title,
      source: item.source,
    });
    expect(
      (await call('PATCH', `/api/interactions/${item.id}`, { token: member.token, body: { title: '' } }))
        .status,
    ).toBe(400);
    expect(
      (
        await call('PATCH', `/api/interactions/${item.id}`, {
          token: member.token,
          body: { userId: uuidv7() },
        })
      ).status,
    ).toBe(400);
    expect(
      (await call('PATCH', `/api/interactions/${item.id}`, { token: manager.token, body: { notes: 'x' } }))
        .status,
    ).toBe(403);
    expect((await call('DELETE', `/api/interactions/${item.id}`, { token: manager.token })).status).toBe(403);
  });
});
