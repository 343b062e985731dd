import { exports } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { call, createOrg } from './helpers.ts';
import { addPerson, browse, csrfOf, ORIGIN, postForm, signIn, teamWithManager } from './page-helpers.ts';

const deviceIds = (html: string) =>
  [...html.matchAll(/data-testid="device" data-token-id="([^"]+)" data-kind="(\w+)"/g)].map((m) => ({
    id: m[1]!,
    kind: m[2]!,
  }));

describe('the me page', () => {
  it('changes one’s own name, time zone and working hours, as PATCH /api/me does', async () => {
    const { member } = await teamWithManager();
    const cookie = await signIn(member.token);
    const page = await browse('/me', cookie);
    expect(page.status).toBe(200);
    const csrf = csrfOf(page.text);
    const res = await postForm(
      '/me',
      {
        csrf,
        name: 'Sam Seller',
        timeZone: 'America/New_York',
        hours: 'own',
        'workingHours.start': '08:00',
        'workingHours.end': '16:00',
      },
      { cookie, origin: ORIGIN },
    );
    // Days are a checkbox group; send them as a browser does, one field per box.
    expect(res.status).toBe(400);
    expect(res.text).toContain('Choose at least one working day.');
    expect(res.text).toContain('value="Sam Seller"');
    const body = new URLSearchParams({
      csrf,
      name: 'Sam Seller',
      timeZone: 'America/New_York',
      hours: 'own',
      'workingHours.start': '08:00',
      'workingHours.end': '16:00',
    });
    for (const d of ['1', '2', '3']) body.append('workingHours.days', d);
    const ok = await exports.default.fetch(
      new Request(`${ORIGIN}/me`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded', cookie, origin: ORIGIN },
        body: body.toString(),
        redirect: 'manual',
      }),
    );
    expect(ok.status).toBe(303);
    const me = await call('GET', '/api/me', { token: member.token });
    expect(me.json.user).toMatchObject({
      name: 'Sam Seller',
      timeZone: 'America/New_York',
      workingHours: { days: [1, 2, 3], start: '08:00', end: '16:00' },
    });
    // The page now shows times in the new zone, and says so.
    expect((await browse('/me', cookie)).text).toContain(
      'Times are shown in your time zone, America/New_York.',
    );

    const bad = await postForm(
      '/me',
      { csrf, name: 'Sam', timeZone: 'Mars/Base', hours: 'org' },
      { cookie, origin: ORIGIN },
    );
    expect(bad.status).toBe(400);
    expect(bad.text).toMatch(/data-testid="error-timeZone">Unknown time zone/);
    expect(bad.text).toContain('value="Mars/Base"');
    const back = await postForm(
      '/me',
      { csrf, name: 'Sam Seller', timeZone: 'UTC', hours: 'org' },
      { cookie, origin: ORIGIN },
    );
    expect(back.status).toBe(303);
    expect((await call('GET', '/api/me', { token: member.token })).json.user.workingHours).toBeNull();
  });

  it('lists one’s own devices and revokes one after confirmation; it is signed out at once', async () => {
    const { org, member } = await teamWithManager();
    const cookie = await signIn(member.token);
    const otherBrowser = await signIn(member.token);
    const page = await browse('/me', cookie);
    const devices = deviceIds(page.text);
    expect(devices.filter((d) => d.kind === 'session')).toHaveLength(2);
    expect(devices.filter((d) => d.kind === 'api')).toHaveLength(1);
    expect(page.text).toContain('(this browser)');
    // An admin's own /me lists only their own, not the org's.
    const adminPage = await browse('/me', await signIn(org.token));
    expect(deviceIds(adminPage.text).map((d) => d.id)).not.toContain(devices[0]!.id);

    const api = devices.find((d) => d.kind === 'api')!;
    const confirm = await browse(`/me/tokens/${api.id}/revoke`, cookie);
    expect(confirm.status).toBe(200);
    expect((await call('GET', '/api/me', { token: member.token })).status).toBe(200);
    const res = await postForm(
      `/me/tokens/${api.id}/revoke`,
      { csrf: csrfOf(page.text) },
      { cookie, origin: ORIGIN },
    );
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe('/me?done=token-revoked');
    expect((await call('GET', '/api/me', { token: member.token })).status).toBe(401);

    // Signing out this browser from the list ends this session only.
    const current =
      /data-testid="device" data-token-id="([^"]+)" data-kind="session"><th[^>]*>[^<]*<span class="muted"> \(this browser\)/.exec(
        (await browse('/me', cookie)).text,
      )![1]!;
    const out = await postForm(
      `/me/tokens/${current}/revoke`,
      { csrf: csrfOf(page.text) },
      { cookie, origin: ORIGIN },
    );
    expect(out.headers.get('location')).toBe('/?signed-out=1');
    expect((await browse('/me', cookie)).status).toBe(401);
    expect((await browse('/me', otherBrowser)).status).toBe(200);
  });

  it('answers 404 for anyone else’s token, even to an admin, and for another org’s', async () => {
    const { org, member, cookie } = await teamWithManager();
    const other = await createOrg();
    const them = await addPerson(other, 'member');
    const memberDevices = deviceIds((await browse('/me', await signIn(member.token))).text);
    const theirDevices = deviceIds((await browse('/me', await signIn(them.token))).text);
    const adminCookie = await signIn(org.token);
    const csrf = csrfOf((await browse('/me', adminCookie)).text);
    for (const id of [memberDevices[0]!.id, theirDevices[0]!.id]) {
      expect((await browse(`/me/tokens/${id}/revoke`, adminCookie)).status).toBe(404);
      expect(
        (await postForm(`/me/tokens/${id}/revoke`, { csrf }, { cookie: adminCookie, origin: ORIGIN })).status,
      ).toBe(404);
    }
    expect((await call('GET', '/api/me', { token: member.token })).status).toBe(200);
    expect((await call('GET', '/api/me', { token: them.token })).status).toBe(200);
    void cookie;
  });

  it('lets an API caller narrow the tokens list to one person', async () => {
    const { org, member } = await teamWithManager();
    const all = await call('GET', '/api/tokens', { token: org.token });
    const one = await call('GET', `/api/tokens?userId=${member.id}`, { token: org.token });
    expect(one.status).toBe(200);
    expect(one.json.items.length).toBeGreaterThan(0);
    expect(one.json.items.every((t: { userId: string }) => t.userId === member.id)).toBe(true);
    expect(all.json.items.length).toBeGreaterThan(one.json.items.length);
    // A member still sees only their own, whatever they ask for.
    const peek = await call('GET', `/api/tokens?userId=${org.user.id}`, { token: member.token });
    expect(peek.json.items).toEqual([]);
  });
});
