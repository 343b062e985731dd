import { env, exports } from 'cloudflare:workers';
import type { AccountInput, InteractionInput } from '../../shared/schemas/index.ts';
import { uuidv7 } from '../../shared/uuid.ts';
import { hashSecret, newSecret } from '../../worker/auth/secrets.ts';
import { db } from '../../worker/db/client.ts';
import { reminders, tokens, users } from '../../worker/db/schema.ts';
import { call, clientAddress, createOrg, type TestOrg } from './helpers.ts';

export const ORIGIN = 'https://rapport.test';

/** A person in the org, written straight to D1 (no invite flow needed), with an API token. */
export async function addPerson(
  org: TestOrg,
  role: 'member' | 'manager' | 'admin',
  name = `${role} ${uuidv7().slice(-6)}`,
): Promise<{ id: string; token: string; name: string }> {
  const id = uuidv7();
  const token = newSecret('api');
  const now = new Date().toISOString();
  const d = db(env);
  await d.batch([
    d.insert(users).values({
      id,
      orgId: org.org.id,
      name,
      email: `${id}@people.test`,
      role,
      timeZone: 'UTC',
      createdAt: now,
      updatedAt: now,
    }),
    d.insert(tokens).values({
      id: uuidv7(),
      orgId: org.org.id,
      userId: id,
      hash: await hashSecret(token),
      kind: 'api',
      createdAt: now,
    }),
  ]);
  return { id, token, name };
}

/** An account, written through the sync push as the org's admin, so derived columns stay right. */
export async function addAccount(org: TestOrg, values: Partial<AccountInput> = {}): Promise<string> {
  const args: AccountInput = {
    id: uuidv7(),
    name: 'Acme GmbH',
    domains: [],
    stakeholder: 'customer',
    tier: 'strategic',
    cadenceDays: null,
    ownerId: null,
    startsOn: null,
    endsOn: null,
    notes: '',
    ...values,
  };
  const res = await call('POST', '/api/sync/push', {
    token: org.token,
    body: { clientId: uuidv7(), mutations: [{ id: 1, name: 'account.put', args }] },
  });
  if (res.status !== 200 || res.json.rejected.length > 0) throw new Error(`account.put failed: ${res.text}`);
  return args.id;
}

export async function addReminder(
  org: TestOrg,
  values: Partial<typeof reminders.$inferInsert> & { userId: string; dueAt: string },
): Promise<string> {
  const id = values.id ?? uuidv7();
  const now = new Date().toISOString();
  await db(env)
    .insert(reminders)
    .values({
      id,
      orgId: org.org.id,
      rule: 'follow-up',
      title: 'Follow up',
      state: 'open',
      version: 1,
      createdAt: now,
      updatedAt: now,
      ...values,
    });
  return id;
}

/** Like `call`, but redirects are returned, not followed, as a test of Set-Cookie needs. */
async function send(method: string, path: string, headers: Record<string, string>, body?: string) {
  const res = await exports.default.fetch(
    new Request(`${ORIGIN}${path}`, {
      method,
      headers: { 'cf-connecting-ip': clientAddress(), ...headers },
      body,
      redirect: 'manual',
    }),
  );
  return { status: res.status, headers: res.headers, text: await res.text() };
}

/** Logs interactions as the person, through the sync push (one batch, like the extension). */
export async function logAs(token: string, items: InteractionInput[]): Promise<void> {
  const res = await call('POST', '/api/sync/push', {
    token,
    body: {
      clientId: uuidv7(),
      mutations: items.map((args, i) => ({ id: i + 1, name: 'interaction.put', args })),
    },
  });
  if (res.status !== 200 || res.json.rejected.length > 0)
    throw new Error(`interaction.put failed: ${res.text}`);
}

/** A GET as a browser with (or without) the session cookie. */
export function browse(path: string, cookie?: string) {
  return send('GET', path, cookie ? { cookie } : {});
}

/** A form POST as a browser would send it from `origin`. */
export function postForm(
  path: string,
  fields: Record<string, string>,
  opts: { cookie?: string; origin?: string; secFetchSite?: string } = {},
) {
  const headers: Record<string, string> = { 'content-type': 'application/x-www-form-urlencoded' };
  if (opts.origin !== undefined) headers.origin = opts.origin;
  if (opts.secFetchSite) headers['sec-fetch-site'] = opts.secFetchSite;
  if (opts.cookie) headers.cookie = opts.cookie;
  return send('POST', path, headers, new URLSearchParams(fields).toString());
}

/** Mints a web link with the person's API token; returns its code. */
export async function webLinkCode(token: string): Promise<string> {
  const res = await call('POST', '/api/auth/web-link', { token });
  if (res.status !== 201) throw new Error(`web-link failed: ${res.status} ${res.text}`);
  return new URL(res.json.url).searchParams.get('code')!;
}

/** The `name=value` pair of the session cookie a response sets. */
export function sessionCookie(headers: Headers): string | null {
  const set = headers.getSetCookie().find((c) => c.startsWith('__Host-rapport_session='));
  return set ? set.split(';')[0]! : null;
}

/** Signs a browser in through the web link, the way a person does: open it, press Continue. */
export async function signIn(token: string): Promise<string> {
  const code = await webLinkCode(token);
  const res = await postForm('/auth/link', { code }, { origin: ORIGIN });
  const cookie = sessionCookie(res.headers);
  if (res.status !== 303 || !cookie) throw new Error(`sign-in failed: ${res.status} ${res.text}`);
  return cookie;
}

/** A fresh org with a manager (signed in) and a member. */
export async function teamWithManager() {
  const org = await createOrg();
  const manager = await addPerson(org, 'manager', 'Mia Manager');
  const member = await addPerson(org, 'member', 'Sam Sales');
  const cookie = await signIn(manager.token);
  return { org, manager, member, cookie };
}

/** The value of every `data-field` inside each person row, keyed by user id. */
export function personRows(html: string): Map<string, Record<string, string>> {
  const rows = new Map<string, Record<string, string>>();
  const rowRe = /<tr data-testid="person-row" data-user-id="([^"]+)">([\s\S]*?)<\/tr>/g;
  for (const [, id, body] of html.matchAll(rowRe)) {
    const fields: Record<string, string> = {};
    for (const [, f, v] of body!.matchAll(/data-field="(\w+)" data-value(?:="([^"]*)")?/g))
      fields[f!] = v ?? '';
    rows.set(id!, fields);
  }
  return rows;
}

/** Each chart bar as `week/tag → value`. */
export function chartBars(html: string): Map<string, number> {
  const bars = new Map<string, number>();
  const re = /<rect class="bar-\w+"[^>]*data-week="([^"]+)" data-tag="(\w+)" data-value="(\d+)"/g;
  for (const [, week, tag, value] of html.matchAll(re)) bars.set(`${week}/${tag}`, Number(value));
  return bars;
}

/** The page with our own external script tag taken out, so a test can assert that no other script is present. */
export function withoutOwnScript(html: string): string {
  return html.replace(/<script src="\/page\.js\?v=[a-z0-9]+" defer><\/script>/, '');
}

/** The CSRF token a page's forms carry. */
export const csrfOf = (html: string) => /name="csrf" value="([0-9a-f]{64})"/.exec(html)?.[1] ?? '';
