import { afterEach, describe, expect, it, vi } from 'vitest';
import { getCredentials } from '../../../../extension/lib/db.ts';
import { getOrgCache, panelSettings } from '../../../../extension/lib/org-cache.ts';
import { refreshOrgCache } from '../../../../extension/lib/org-refresh.ts';
import {
  checkReachable,
  parseServerAddress,
  previewInvite,
  type ServerAddress,
} from '../../../../extension/panel/onboarding.ts';
import { freshDb, USER_ID } from '../lib/support.ts';

const json = (status: number, body: unknown, type = 'application/json') =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': type } });
const at = (s: string) => parseServerAddress(s) as ServerAddress;

describe('server addresses as people type them', () => {
  it('takes a bare host: http for this machine and private networks, https for the internet', () => {
    expect(String(at('127.0.0.1:8787').url)).toBe('http://127.0.0.1:8787/');
    expect(String(at('localhost:8787/').url)).toBe('http://localhost:8787/');
    expect(String(at('192.168.1.20:8787').url)).toBe('http://192.168.1.20:8787/');
    expect(String(at(' rapport.example.com/some/path ').url)).toBe('https://rapport.example.com/');
    expect(at('rapport.example.com').typedScheme).toBe(false);
    expect(at('https://rapport.example.com').typedScheme).toBe(true);
  });
  it('refuses plain http on the internet and what is not an address, in plain words', () => {
    expect(parseServerAddress('http://rapport.example.com')).toMatch(
      /^Use https:\/\/ for a server on the internet/,
    );
    expect(parseServerAddress('')).toMatch(/^Type the address/);
    expect(parseServerAddress('ftp://x.example')).toBe('Use an https:// address.');
    expect(parseServerAddress('https://')).toMatch(/^That is not a server address/);
  });
});

describe('telling connection failures apart', () => {
  const refused = async () => {
    throw new TypeError('Failed to fetch');
  };
  it('says offline, nothing answering (with the http hint for a bare host), or not a Rapport server', async () => {
    await expect(checkReachable(at('127.0.0.1:9'), { online: false, fetch: refused })).rejects.toThrow(
      'You are offline.',
    );
    await expect(checkReachable(at('127.0.0.1:9'), { online: true, fetch: refused })).rejects.toThrow(
      'Nothing answers at 127.0.0.1:9. Check the address and the port, and that the server is running.',
    );
    await expect(checkReachable(at('rapport.example.com'), { online: true, fetch: refused })).rejects.toThrow(
      'If the server runs without https, type http:// in front.',
    );
    const answers = async () =>
      new Response('<html>', { status: 200, headers: { 'content-type': 'text/html' } });
    await expect(
      checkReachable(at('127.0.0.1:3000'), { online: true, fetch: answers }),
    ).resolves.toBeUndefined();
    await expect(previewInvite(at('127.0.0.1:3000'), 'rinv_x', { fetch: answers })).rejects.toThrow(
      '127.0.0.1:3000 answers, but it is not a Rapport server.',
    );
    await expect(previewInvite(at('127.0.0.1:3000'), 'rinv_x', { fetch: refused })).rejects.toThrow(
      'answers, but it is not a Rapport server',
    );
  });
  it('reads the invite preview, an unknown or spent code, and an older server without the preview', async () => {
    const preview = {
      email: 'sam@acme.example',
      name: 'Sam Seller',
      role: 'member',
      kind: 'join',
      org: { id: 'o', name: 'Acme' },
      expiresAt: '2026-03-10T00:00:00Z',
    };
    let asked = '';
    const ok = async (u: URL | RequestInfo) => {
      asked = String(u);
      return json(200, preview);
    };
    expect(await previewInvite(at('127.0.0.1:8787'), 'rinv_a b', { fetch: ok })).toEqual(preview);
    expect(asked).toBe('http://127.0.0.1:8787/api/auth/invite?code=rinv_a+b');
    const problem = (status: number, title: string) => async () =>
      json(status, { type: 'x', title, status }, 'application/problem+json');
    for (const status of [400, 410]) {
      const err = await previewInvite(at('127.0.0.1:8787'), 'c', { fetch: problem(status, 'Nope') }).catch(
        (e) => e,
      );
      expect(err.field).toBe('code');
      expect(err.message).toContain('invite code is not valid');
    }
    expect(await previewInvite(at('127.0.0.1:8787'), 'c', { fetch: problem(404, 'Not found') })).toBeNull();
  });
});

describe('the org kept in the replica', () => {
  afterEach(() => vi.unstubAllGlobals());
  it('caches settings and people (former ones marked), refreshes the profile, and stays fresh for a while', async () => {
    const db = await freshDb();
    let calls = 0;
    vi.stubGlobal('fetch', async (input: URL | RequestInfo) => {
      calls++;
      const path = new URL(String(input)).pathname;
      if (path === '/api/me')
        return json(200, {
          user: {
            id: USER_ID,
            name: 'Una User',
            email: 'u@acme.test',
            role: 'manager',
            timeZone: 'Asia/Tokyo',
          },
          org: { id: 'o', name: 'Acme', settings: { escalationDays: 3, internalDomains: ['acme.test'] } },
        });
      if (path === '/api/users')
        return json(200, {
          items: [
            {
              id: USER_ID,
              name: 'Una User',
              email: 'u@acme.test',
              role: 'manager',
              timeZone: 'Asia/Tokyo',
              active: true,
            },
            {
              id: 'x',
              name: 'Old Timer',
              email: 'o@acme.test',
              role: 'member',
              timeZone: 'UTC',
              active: false,
            },
          ],
          nextCursor: null,
        });
      return json(404, { type: 'not-found', title: 'Not found', status: 404 });
    });
    expect(await refreshOrgCache(db, { now: 1_000 })).toBe(true);
    const cache = await getOrgCache(db);
    expect(cache?.people?.map((p) => [p.name, p.active])).toEqual([
      ['Una User', true],
      ['Old Timer', false],
    ]);
    expect(panelSettings(cache?.settings)).toMatchObject({
      escalationDays: 3,
      internalDomains: ['acme.test'],
      cadenceDays: { strategic: 14, tactical: 30 },
    });
    expect((await getCredentials(db))?.user).toMatchObject({ role: 'manager', timeZone: 'Asia/Tokyo' });
    expect(await refreshOrgCache(db, { now: 60_000 })).toBe(false);
    expect(calls).toBe(2);
    expect(await refreshOrgCache(db, { now: 60_000, force: true })).toBe(true);
  });
  it('falls back to the defaults for what an older server does not send', () => {
    expect(panelSettings({ escalationDays: 'x', cadenceDays: { strategic: 0 } })).toMatchObject({
      escalationDays: 7,
      cadenceDays: { strategic: 14, tactical: 30 },
      internalDomains: [],
    });
  });
});
