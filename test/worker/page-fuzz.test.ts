import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { app } from '../../worker/app.ts';
import { call } from './helpers.ts';
import { addAccount, browse, csrfOf, ORIGIN, postForm, teamWithManager } from './page-helpers.ts';

// Design §12 for the web workspace: no form body, query string or path produces a 5xx or a
// stack trace. Every page route Hono knows is tried, with a valid session and CSRF token (so
// the handlers run, not only the guards) and generated fields.

const RUNS = 25;
const FIELDS = [
  'name',
  'tier',
  'stakeholder',
  'cadenceDays',
  'ownerId',
  'domains',
  'startsOn',
  'endsOn',
  'notes',
  'emails',
  'title',
  'timeZone',
  'role',
  'email',
  'reassignTo',
  'setupToken',
  'orgName',
  'q',
  'sort',
  'after',
  'before',
  'band',
  'owner',
  'start',
  '__proto__',
];
const value = fc.oneof(
  fc.string({ maxLength: 60 }),
  fc.constantFrom(
    '',
    '0',
    '-1',
    '1e309',
    'NaN',
    '2026-02-30',
    'strategic',
    'admin',
    'a'.repeat(5000),
    '\u0000\uffff',
  ),
  fc.uuid(),
);
const fields = fc.dictionary(fc.oneof(fc.constantFrom(...FIELDS), fc.string({ maxLength: 8 })), value, {
  maxKeys: 8,
});

/** Page routes from Hono's own table (everything that is not the API, the health check or sign-in). */
function pageRoutes(): { method: string; path: string }[] {
  const seen = new Set<string>();
  const out: { method: string; path: string }[] = [];
  for (const r of app.routes) {
    if (r.method === 'ALL' || /^\/(api|healthz|auth)(\/|$)/.test(r.path)) continue;
    const key = `${r.method} ${r.path}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push({ method: r.method, path: r.path });
  }
  return out;
}

describe('page routes under generated input', () => {
  let cookie: string;
  let csrf: string;
  let params: Record<string, string>;
  beforeAll(async () => {
    const team = await teamWithManager();
    cookie = team.cookie;
    const account = await addAccount(team.org, { name: 'Fuzz Co' });
    const contact = await call('POST', '/api/contacts', {
      token: team.org.token,
      body: { name: 'Fuzz Contact', accountId: account, emails: [] },
    });
    csrf = csrfOf((await browse('/accounts', cookie)).text);
    params = { id: account, cid: contact.json.id };
  });

  it('knows the page routes', () => {
    expect(pageRoutes().length).toBeGreaterThan(8);
  });

  for (const { method, path } of pageRoutes()) {
    it(`${method} ${path} never answers 5xx`, async () => {
      const paramValue = (name: string) =>
        fc.oneof(fc.constant(params[name] ?? crypto.randomUUID()), fc.uuid(), fc.string({ maxLength: 40 }));
      const names = [...path.matchAll(/:(\w+)/g)].map((m) => m[1]!);
      await fc.assert(
        fc.asyncProperty(
          fc.tuple(...names.map(paramValue)),
          fields,
          fc.boolean(),
          async (values, body, withCsrf) => {
            let p = path;
            names.forEach((n, i) => {
              p = p.replace(`:${n}`, encodeURIComponent(values[i] ?? ''));
            });
            const res =
              method === 'GET'
                ? await browse(`${p}?${new URLSearchParams(body)}`, cookie)
                : await postForm(p, { ...body, ...(withCsrf ? { csrf } : {}) }, { cookie, origin: ORIGIN });
            expect(res.status, `${method} ${p}`).toBeLessThan(500);
            // A stack frame looks like `at fn (file.ts:12:34)`.
            expect(res.text).not.toMatch(/\bat \S+ \(?\S+:\d+:\d+\)?/);
          },
        ),
        { numRuns: RUNS },
      );
    }, 60_000);
  }
});
