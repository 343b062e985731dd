import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { call, createOrg, interaction } from './helpers.ts';
import {
  addAccount,
  browse,
  csrfOf,
  logAs,
  ORIGIN,
  postForm,
  signIn,
  teamWithManager,
} from './page-helpers.ts';

/** The profile form's fields as the page renders them for `account`, with `changes` applied. */
function profile(account: Record<string, unknown>, changes: Record<string, string> = {}) {
  return {
    name: String(account.name),
    tier: String(account.tier),
    stakeholder: String(account.stakeholder),
    cadenceDays: account.cadenceDays == null ? '' : String(account.cadenceDays),
    ownerId: String(account.ownerId ?? ''),
    domains: (account.domains as string[]).join(', '),
    startsOn: String(account.startsOn ?? ''),
    endsOn: String(account.endsOn ?? ''),
    notes: String(account.notes ?? ''),
    ...changes,
  };
}

async function accountJson(token: string, id: string) {
  const res = await call('GET', `/api/accounts/${id}`, { token });
  return res.json;
}

describe('the account page', () => {
  it('lets the owner edit the profile through the account.put mutator, then shows it', async () => {
    const { org, member } = await teamWithManager();
    const id = await addAccount(org, { name: 'Globex', tier: 'tactical', ownerId: member.id });
    const cookie = await signIn(member.token);
    const page = await browse(`/accounts/${id}`, cookie);
    expect(page.status).toBe(200);
    expect(page.text).toContain('data-testid="edit-profile"');
    const before = await accountJson(org.token, id);
    const res = await postForm(
      `/accounts/${id}`,
      {
        csrf: csrfOf(page.text),
        ...profile(before, {
          tier: 'strategic',
          stakeholder: 'partner',
          cadenceDays: '10',
          domains: 'globex.com, Globex.DE',
          startsOn: '2026-01-01',
          endsOn: '2027-06-30',
          notes: 'Joint roadmap agreed.',
        }),
      },
      { cookie, origin: ORIGIN },
    );
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe(`/accounts/${id}?done=account-saved`);
    const after = await accountJson(org.token, id);
    expect(after).toMatchObject({
      tier: 'strategic',
      stakeholder: 'partner',
      cadenceDays: 10,
      domains: ['globex.com', 'globex.de'],
      startsOn: '2026-01-01',
      endsOn: '2027-06-30',
      notes: 'Joint roadmap agreed.',
      ownerId: member.id,
    });
    expect(after.version).toBeGreaterThan(before.version);
    const audit = await env.DB.prepare(
      "SELECT count(*) AS n FROM audit_log WHERE org_id = ? AND action = 'account.put' AND target = ? AND actor_id = ?",
    )
      .bind(org.org.id, id, member.id)
      .first<number>('n');
    expect(audit).toBeGreaterThanOrEqual(1);
    // The domain now matches mail, as after any account.put.
    const lookup = await call('GET', '/api/lookup?email=jo@globex.de', { token: member.token });
    expect(lookup.json.account?.id).toBe(id);
    const shown = await browse(`/accounts/${id}?done=account-saved`, cookie);
    expect(shown.text).toContain('Profile saved.');
    expect(shown.text).toContain('data-field="cadenceDays" data-value="10"');
    expect(shown.text).toContain('data-ends-on="2027-06-30"');
  });

  it('keeps what was typed and shows each message by its field when the profile is invalid', async () => {
    const { org, cookie } = await teamWithManager();
    const id = await addAccount(org, { name: 'Initech' });
    const before = await accountJson(org.token, id);
    const csrf = csrfOf((await browse(`/accounts/${id}`, cookie)).text);
    const res = await postForm(
      `/accounts/${id}`,
      {
        csrf,
        ...profile(before, {
          name: 'Initech Renamed',
          cadenceDays: 'fortnightly',
          domains: 'initech.com, not a domain',
          startsOn: '2026-05-01',
          endsOn: '2026-04-01',
          notes: 'Typed notes that must survive',
        }),
      },
      { cookie, origin: ORIGIN },
    );
    expect(res.status).toBe(400);
    expect(res.text).toContain('data-testid="error-summary"');
    expect(res.text).toMatch(/data-testid="error-cadenceDays">Enter whole days from 0 to 365/);
    expect(res.text).toMatch(/data-testid="error-domains">“not” is not a domain name/);
    expect(res.text).toMatch(/data-testid="error-endsOn">The end is before the start/);
    expect(res.text).toContain('aria-invalid="true"');
    // The form is open and holds every typed value.
    expect(res.text).toMatch(/<details class="disclosure" open[^>]*data-testid="edit-profile"/);
    expect(res.text).toContain('value="Initech Renamed"');
    expect(res.text).toContain('value="fortnightly"');
    expect(res.text).toContain('value="initech.com, not a domain"');
    expect(res.text).toContain('Typed notes that must survive</textarea>');
    expect((await accountJson(org.token, id)).name).toBe('Initech');
  });

  it('shows a member the profile of someone else’s account read-only and refuses their post', async () => {
    const { org, manager, member } = await teamWithManager();
    const id = await addAccount(org, { name: 'Hooli', ownerId: manager.id });
    const cookie = await signIn(member.token);
    const page = await browse(`/accounts/${id}`, cookie);
    expect(page.status).toBe(200);
    expect(page.text).not.toContain('data-testid="edit-profile"');
    expect(page.text).toContain('Only the owner, a manager or an admin can edit this profile.');
    const before = await accountJson(org.token, id);
    const res = await postForm(
      `/accounts/${id}`,
      { csrf: csrfOf(page.text), ...profile(before, { name: 'Taken over' }) },
      { cookie, origin: ORIGIN },
    );
    expect(res.status).toBe(400);
    expect(res.text).toMatch(
      /data-testid="page-error">Only the account(&#39;|')s owner, a manager or an admin may edit it/,
    );
    expect((await accountJson(org.token, id)).name).toBe('Hooli');
    expect((await browse(`/accounts/${id}/delete`, cookie)).status).toBe(303);
    const del = await postForm(
      `/accounts/${id}/delete`,
      { csrf: csrfOf(page.text) },
      { cookie, origin: ORIGIN },
    );
    expect(del.status).toBe(400);
    expect((await call('GET', `/api/accounts/${id}`, { token: org.token })).status).toBe(200);
  });

  it('refuses a form without the session’s CSRF token, or from another site, and changes nothing', async () => {
    const { org, cookie } = await teamWithManager();
    const other = await teamWithManager();
    const id = await addAccount(org, { name: 'Umbrella' });
    const before = await accountJson(org.token, id);
    const foreign = csrfOf((await browse('/accounts', other.cookie)).text);
    for (const csrf of ['', 'f'.repeat(64), foreign]) {
      const res = await postForm(
        `/accounts/${id}`,
        { csrf, ...profile(before, { name: 'Forged' }) },
        { cookie, origin: ORIGIN },
      );
      expect(res.status).toBe(403);
      expect(res.text).toContain('data-testid="form-expired"');
    }
    const good = csrfOf((await browse(`/accounts/${id}`, cookie)).text);
    const crossSite = await postForm(
      `/accounts/${id}`,
      { csrf: good, ...profile(before, { name: 'Forged' }) },
      { cookie, origin: 'https://evil.test', secFetchSite: 'cross-site' },
    );
    expect(crossSite.status).toBe(403);
    expect((await accountJson(org.token, id)).name).toBe('Umbrella');
  });

  it('creates an account owned by the viewer, and deletes one after a confirmation step', async () => {
    const { org, manager, cookie } = await teamWithManager();
    const form = await browse('/accounts/new', cookie);
    expect(form.status).toBe(200);
    const bad = await postForm(
      '/accounts',
      {
        csrf: csrfOf(form.text),
        name: ' ',
        tier: 'strategic',
        stakeholder: 'customer',
        ownerId: manager.id,
        cadenceDays: '',
        domains: '',
        startsOn: '',
        endsOn: '',
        notes: 'kept',
      },
      { cookie, origin: ORIGIN },
    );
    expect(bad.status).toBe(400);
    expect(bad.text).toContain("Enter the account's name.");
    expect(bad.text).toContain('kept</textarea>');
    const res = await postForm(
      '/accounts',
      {
        csrf: csrfOf(form.text),
        name: 'Stark Industries',
        tier: 'strategic',
        stakeholder: 'customer',
        ownerId: manager.id,
        cadenceDays: '',
        domains: 'stark.test',
        startsOn: '',
        endsOn: '',
        notes: '',
      },
      { cookie, origin: ORIGIN },
    );
    expect(res.status).toBe(303);
    const id = /^\/accounts\/([0-9a-f-]{36})\?done=account-created$/.exec(
      res.headers.get('location') ?? '',
    )?.[1];
    expect(id).toBeTruthy();
    expect(await accountJson(org.token, id!)).toMatchObject({
      name: 'Stark Industries',
      ownerId: manager.id,
    });

    const confirm = await browse(`/accounts/${id}/delete`, cookie);
    expect(confirm.status).toBe(200);
    expect(confirm.text).toContain('Delete Stark Industries?');
    // Opening the confirmation changed nothing.
    expect((await call('GET', `/api/accounts/${id}`, { token: org.token })).status).toBe(200);
    const del = await postForm(
      `/accounts/${id}/delete`,
      { csrf: csrfOf(confirm.text) },
      { cookie, origin: ORIGIN },
    );
    expect(del.status).toBe(303);
    expect(del.headers.get('location')).toBe('/accounts?done=account-deleted');
    expect((await call('GET', `/api/accounts/${id}`, { token: org.token })).status).toBe(404);
  });

  it('adds, edits and deletes the account’s contacts, keeping typed input on an error', async () => {
    const { org, member } = await teamWithManager();
    const id = await addAccount(org, { name: 'Acme' });
    const cookie = await signIn(member.token);
    const csrf = csrfOf((await browse(`/accounts/${id}`, cookie)).text);
    const bad = await postForm(
      `/accounts/${id}/contacts`,
      { csrf, name: 'Cy Contact', emails: 'cy@acme.test, nope', title: 'CFO', timeZone: 'Mars/Olympus' },
      { cookie, origin: ORIGIN },
    );
    expect(bad.status).toBe(400);
    expect(bad.text).toContain('“nope” is not an email address.');
    expect(bad.text).toMatch(/<details class="disclosure" open/);
    expect(bad.text).toContain('value="cy@acme.test, nope"');
    expect(bad.text).toContain('value="Mars/Olympus"');

    const add = await postForm(
      `/accounts/${id}/contacts`,
      { csrf, name: 'Cy Contact', emails: 'Cy@Acme.test', title: 'CFO', timeZone: 'Europe/Paris' },
      { cookie, origin: ORIGIN },
    );
    expect(add.status).toBe(303);
    const list = await call('GET', `/api/contacts?accountId=${id}`, { token: member.token });
    expect(list.json.items).toHaveLength(1);
    const contact = list.json.items[0];
    expect(contact).toMatchObject({
      name: 'Cy Contact',
      emails: ['cy@acme.test'],
      title: 'CFO',
      timeZone: 'Europe/Paris',
    });
    const page = await browse(`/accounts/${id}`, cookie);
    expect(page.text).toContain(`data-contact-id="${contact.id}"`);

    const edit = await browse(`/accounts/${id}/contacts/${contact.id}`, cookie);
    expect(edit.status).toBe(200);
    const saved = await postForm(
      `/accounts/${id}/contacts/${contact.id}`,
      { csrf, name: 'Cy Renamed', emails: 'cy@acme.test, cy.private@acme.test', title: '', timeZone: '' },
      { cookie, origin: ORIGIN },
    );
    expect(saved.status).toBe(303);
    const after = await call('GET', `/api/contacts/${contact.id}`, { token: member.token });
    expect(after.json).toMatchObject({
      name: 'Cy Renamed',
      emails: ['cy@acme.test', 'cy.private@acme.test'],
      title: null,
      timeZone: null,
    });

    expect((await browse(`/accounts/${id}/contacts/${contact.id}/delete`, cookie)).status).toBe(200);
    const del = await postForm(
      `/accounts/${id}/contacts/${contact.id}/delete`,
      { csrf },
      { cookie, origin: ORIGIN },
    );
    expect(del.status).toBe(303);
    expect((await call('GET', `/api/contacts/${contact.id}`, { token: member.token })).status).toBe(404);
  });

  it('answers 404 for another org’s account and contacts, on every page and form', async () => {
    const { org, cookie } = await teamWithManager();
    const other = await createOrg();
    const theirs = await addAccount(other, { name: 'Their Account' });
    const mine = await addAccount(org, { name: 'Mine' });
    const theirContact = await call('POST', '/api/contacts', {
      token: other.token,
      body: { name: 'Their Contact', accountId: theirs, emails: ['t@their.test'] },
    });
    const cid = theirContact.json.id;
    const csrf = csrfOf((await browse('/accounts', cookie)).text);
    const gets = [
      `/accounts/${theirs}`,
      `/accounts/${theirs}/delete`,
      `/accounts/${theirs}/contacts/${cid}`,
      `/accounts/${mine}/contacts/${cid}`,
      `/accounts/${mine}/contacts/${cid}/delete`,
    ];
    for (const path of gets) {
      const res = await browse(path, cookie);
      expect(res.status, path).toBe(404);
      expect(res.text).not.toContain('Their');
    }
    const posts: [string, Record<string, string>][] = [
      [
        `/accounts/${theirs}`,
        {
          name: 'Hijack',
          tier: 'tactical',
          stakeholder: 'customer',
          ownerId: '',
          cadenceDays: '',
          domains: '',
          startsOn: '',
          endsOn: '',
          notes: '',
        },
      ],
      [`/accounts/${theirs}/delete`, {}],
      [`/accounts/${theirs}/contacts`, { name: 'Spy', emails: '', title: '', timeZone: '' }],
      [`/accounts/${mine}/contacts/${cid}`, { name: 'Spy', emails: '', title: '', timeZone: '' }],
      [`/accounts/${mine}/contacts/${cid}/delete`, {}],
    ];
    for (const [path, fields] of posts) {
      const res = await postForm(path, { csrf, ...fields }, { cookie, origin: ORIGIN });
      expect(res.status, path).toBe(404);
    }
    expect((await call('GET', `/api/accounts/${theirs}`, { token: other.token })).json.name).toBe(
      'Their Account',
    );
    expect((await call('GET', `/api/contacts/${cid}`, { token: other.token })).json.name).toBe(
      'Their Contact',
    );
  });

  it('links account names to their pages on the summary', async () => {
    const { org, member, cookie } = await teamWithManager();
    const id = await addAccount(org, { name: 'Linked Co', ownerId: member.id });
    await logAs(member.token, [
      interaction({ accountId: id, occurredAt: new Date(Date.now() - 86_400_000).toISOString() }),
    ]);
    const res = await browse('/', cookie);
    expect(res.text).toContain(`<a href="/accounts/${id}">Linked Co</a>`);
  });
});
