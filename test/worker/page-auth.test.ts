import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { createOrg } from './helpers.ts';
import {
  addPerson,
  browse,
  csrfOf,
  ORIGIN,
  postForm,
  sessionCookie,
  signIn,
  teamWithManager,
  webLinkCode,
  withoutOwnScript,
} from './page-helpers.ts';

describe('summary page sign-in', () => {
  it('explains how to sign in when signed out (401), with a strict CSP and no script', async () => {
    await createOrg();
    const res = await browse('/');
    expect(res.status).toBe(401);
    expect(res.headers.get('content-type')).toContain('text/html');
    expect(res.text).toContain('Sign in to Rapport');
    expect(res.text).toContain('Open Rapport on the web');
    const csp = res.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain("style-src 'self'");
    expect(csp).not.toContain('unsafe-inline');
    expect(csp).toContain("script-src 'self'");
    // One external script of our own (progressive enhancement); nothing inline.
    expect(res.text).toMatch(/<script src="\/page\.js\?v=\w+" defer><\/script>/);
    expect(withoutOwnScript(res.text)).not.toMatch(/<script|style="|\son\w+=/i);
    expect((await browse('/', '__Host-rapport_session=rses_forged')).status).toBe(401);
  });

  it('sends a member from / to the accounts, keeps manager pages from them, and gives a manager or admin the summary', async () => {
    const { org, member, cookie } = await teamWithManager();
    const memberCookie = await signIn(member.token);
    const home = await browse('/', memberCookie);
    expect(home.status).toBe(303);
    expect(home.headers.get('location')).toBe('/accounts');
    const accounts = await browse('/accounts', memberCookie);
    expect(accounts.status).toBe(200);
    expect(accounts.text).toContain('/auth/sign-out');
    // The navigation shows a member only what they may use.
    expect(accounts.text).not.toContain('href="/team"');
    expect(accounts.text).toContain('href="/me"');
    for (const path of ['/export.csv', `/people/${member.id}`]) {
      const res = await browse(path, memberCookie);
      expect(res.status).toBe(403);
      expect(res.text).toContain('for managers and admins');
    }
    expect((await browse('/', cookie)).status).toBe(200);
    expect((await browse('/', await signIn(org.token))).status).toBe(200);
  });

  it('opening the link spends nothing; Continue spends it once, then 410', async () => {
    const org = await createOrg();
    const manager = await addPerson(org, 'manager', 'Mia Manager');
    const code = await webLinkCode(manager.token);
    const path = `/auth/link?code=${encodeURIComponent(code)}`;
    // A link scanner's prefetches must leave the link usable.
    for (let i = 0; i < 2; i++) {
      const open = await browse(path);
      expect(open.status).toBe(200);
      expect(open.text).toContain('Mia Manager');
      expect(open.text).toContain('action="/auth/link"');
      expect(open.headers.get('referrer-policy')).toBe('no-referrer');
      expect(sessionCookie(open.headers)).toBeNull();
    }
    const first = await postForm('/auth/link', { code }, { origin: ORIGIN });
    expect(first.status).toBe(303);
    expect(first.headers.get('location')).toBe('/');
    const setCookie = first.headers.getSetCookie().join('\n');
    expect(setCookie).toMatch(/^__Host-rapport_session=rses_/);
    expect(setCookie).toMatch(/; HttpOnly/i);
    expect(setCookie).toMatch(/; Secure/i);
    expect(setCookie).toMatch(/; SameSite=Lax/i);
    expect(setCookie).toMatch(/; Path=\//);
    expect(setCookie).not.toMatch(/Domain=/i);
    expect((await browse('/', sessionCookie(first.headers)!)).status).toBe(200);

    const second = await postForm('/auth/link', { code }, { origin: ORIGIN });
    expect(second.status).toBe(410);
    expect(sessionCookie(second.headers)).toBeNull();
    expect((await browse(path)).status).toBe(410);
    expect((await browse('/auth/link?code=rwl_unknown')).status).toBe(410);
    expect((await browse('/auth/link')).status).toBe(410);
  });

  it('refuses an expired link', async () => {
    const org = await createOrg();
    const manager = await addPerson(org, 'manager');
    const code = await webLinkCode(manager.token);
    await env.DB.prepare(
      "UPDATE tokens SET expires_at = '2020-01-01T00:00:00.000Z' WHERE kind = 'web-link'",
    ).run();
    expect((await postForm('/auth/link', { code }, { origin: ORIGIN })).status).toBe(410);
  });

  it('refuses cross-site POSTs to sign in and to sign out', async () => {
    const { manager, cookie } = await teamWithManager();
    const code = await webLinkCode(manager.token);
    const evil = await postForm(
      '/auth/link',
      { code },
      { origin: 'https://evil.test', secFetchSite: 'cross-site' },
    );
    expect(evil.status).toBe(403);
    expect(sessionCookie(evil.headers)).toBeNull();
    // The link survived the refused attempt.
    expect((await postForm('/auth/link', { code }, { origin: ORIGIN })).status).toBe(303);

    const html = (await browse('/', cookie)).text;
    const out = await postForm(
      '/auth/sign-out',
      { csrf: csrfOf(html) },
      { cookie, origin: 'https://evil.test' },
    );
    expect(out.status).toBe(403);
    expect((await browse('/', cookie)).status).toBe(200);
  });

  it('refuses a same-origin sign-out without the session CSRF token', async () => {
    const { cookie } = await teamWithManager();
    const other = await teamWithManager();
    const otherToken = csrfOf((await browse('/', other.cookie)).text);
    for (const csrf of ['', 'x'.repeat(64), otherToken]) {
      const res = await postForm('/auth/sign-out', { csrf }, { cookie, origin: ORIGIN });
      expect(res.status).toBe(403);
    }
    expect((await browse('/', cookie)).status).toBe(200);
  });

  it('sign-out revokes the session, not just the cookie', async () => {
    const { cookie } = await teamWithManager();
    const html = (await browse('/', cookie)).text;
    const res = await postForm('/auth/sign-out', { csrf: csrfOf(html) }, { cookie, origin: ORIGIN });
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe('/?signed-out=1');
    expect(res.headers.getSetCookie().join('\n')).toMatch(/__Host-rapport_session=;.*Max-Age=0/i);
    // Replaying the old cookie no longer works.
    const after = await browse('/?signed-out=1', cookie);
    expect(after.status).toBe(401);
    expect(after.text).toContain('You are signed out.');
    const revoked = await env.DB.prepare(
      "SELECT count(*) AS n FROM tokens WHERE kind = 'session' AND revoked_at IS NOT NULL",
    ).first<{ n: number }>();
    expect(revoked?.n).toBeGreaterThanOrEqual(1);
  });

  it('serves the stylesheet with a long cache for its hashed URL', async () => {
    const html = (await browse('/')).text;
    const href = /<link rel="stylesheet" href="([^"]+)"/.exec(html)?.[1];
    expect(href).toMatch(/^\/page\.css\?v=\w+$/);
    const css = await browse(href!);
    expect(css.status).toBe(200);
    expect(css.headers.get('content-type')).toContain('text/css');
    expect(css.headers.get('cache-control')).toContain('immutable');
    expect(css.text).toContain('prefers-color-scheme:dark');
  });

  it('serves the enhancement script with a long cache for its hashed URL', async () => {
    const html = (await browse('/')).text;
    const src = /<script src="([^"]+)"/.exec(html)?.[1];
    expect(src).toMatch(/^\/page\.js\?v=\w+$/);
    const js = await browse(src!);
    expect(js.status).toBe(200);
    expect(js.headers.get('content-type')).toContain('text/javascript');
    expect(js.headers.get('cache-control')).toContain('immutable');
    expect(js.headers.get('x-content-type-options')).toBe('nosniff');
  });
});
