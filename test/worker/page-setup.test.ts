import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { call, SETUP_TOKEN } from './helpers.ts';
import { browse, ORIGIN, postForm, sessionCookie } from './page-helpers.ts';

const form = (over: Record<string, string> = {}) => ({
  setupToken: SETUP_TOKEN,
  orgName: 'Northwind',
  name: 'Ada Admin',
  email: 'ada@northwind.example',
  timeZone: 'Europe/London',
  ...over,
});

const orgCount = async () => (await env.DB.prepare('SELECT count(*) AS n FROM orgs').first<number>('n')) ?? 0;

describe('/setup', () => {
  // Storage is shared by the tests of this file: the fresh-deployment cases come first.
  it('keeps what was typed and says what is wrong, by the field, and creates nothing', async () => {
    const wrong = await postForm('/setup', form({ setupToken: 'nope' }), { origin: ORIGIN });
    expect(wrong.status).toBe(400);
    expect(wrong.text).toMatch(
      /data-testid="error-setupToken">That is not this server(&#39;|')s setup token/,
    );
    expect(wrong.text).toContain('value="Northwind"');
    expect(wrong.text).toContain('value="ada@northwind.example"');
    expect(wrong.text).not.toContain('value="nope"');

    const bad = await postForm(
      '/setup',
      form({ email: 'ada-at-northwind', timeZone: 'Mars/Base', name: '' }),
      {
        origin: ORIGIN,
      },
    );
    expect(bad.status).toBe(400);
    expect(bad.text).toContain('data-testid="error-email"');
    expect(bad.text).toContain('data-testid="error-timeZone"');
    expect(bad.text).toContain('data-testid="error-name"');
    expect(bad.text).toContain('value="ada-at-northwind"');
    expect(bad.text).toContain('value="Mars/Base"');
    expect(sessionCookie(bad.headers)).toBeNull();
    expect(await orgCount()).toBe(0);
  });

  it('refuses a cross-site post', async () => {
    const res = await postForm('/setup', form(), { origin: 'https://evil.test', secFetchSite: 'cross-site' });
    expect(res.status).toBe(403);
    expect(await orgCount()).toBe(0);
  });
  it('takes a fresh deployment from nothing to an admin signed into the page', async () => {
    expect(await orgCount()).toBe(0);
    const signedOut = await browse('/accounts');
    expect(signedOut.status).toBe(401);
    expect(signedOut.text).toContain('href="/setup"');

    const page = await browse('/setup');
    expect(page.status).toBe(200);
    expect(page.text).toContain('data-testid="setup-form"');

    const res = await postForm('/setup', form(), { origin: ORIGIN });
    expect(res.status).toBe(201);
    expect(res.text).toContain('Northwind is ready');
    const cookie = sessionCookie(res.headers);
    expect(cookie).toBeTruthy();
    // The code shown once is the admin's API token for the side panel.
    const code = /data-testid="panel-code">([^<]+)</.exec(res.text)?.[1];
    expect(code).toMatch(/^rap_/);
    const me = await call('GET', '/api/me', { token: code! });
    expect(me.status).toBe(200);
    expect(me.json.user).toMatchObject({ name: 'Ada Admin', role: 'admin', timeZone: 'Europe/London' });
    // The org's own mail domain defaults to the admin's.
    expect(me.json.org.settings.internalDomains).toEqual(['northwind.example']);
    // The browser is signed in as that admin.
    const accounts = await browse('/accounts', cookie!);
    expect(accounts.status).toBe(200);
    expect(accounts.text).toContain('Ada Admin');
    expect(accounts.text).toContain('href="/team"');

    // From now on /setup does not admit it exists, unless the setup token is given.
    for (const path of ['/setup', '/setup?token=wrong']) expect((await browse(path)).status, path).toBe(404);
    expect((await browse(`/setup?token=${SETUP_TOKEN}`)).status).toBe(200);
    const guess = await postForm('/setup', form({ setupToken: 'guess', orgName: 'Other' }), {
      origin: ORIGIN,
    });
    expect(guess.status).toBe(404);
    expect(await orgCount()).toBe(1);
    // With the token, the operator may add another org, but not one with a taken name.
    const taken = await postForm('/setup', form({ email: 'bo@else.example' }), { origin: ORIGIN });
    expect(taken.status).toBe(400);
    expect(taken.text).toMatch(/data-testid="error-orgName">An organisation named/);
    const second = await postForm('/setup', form({ orgName: 'Globex', email: 'bo@globex.example' }), {
      origin: ORIGIN,
    });
    expect(second.status).toBe(201);
    expect(await orgCount()).toBe(2);
  });
});
