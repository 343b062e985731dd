import { exports } from 'cloudflare:workers';
import type { InteractionInput } from '../../shared/schemas/index.ts';
import { uuidv7 } from '../../shared/uuid.ts';
import { app } from '../../worker/app.ts';

export const SETUP_TOKEN = 'test-setup-token';

/**
 * A client address of its own, as Cloudflare reports it in `cf-connecting-ip`: each call
 * comes from a fresh one unless the test names it, so only the rate-limit tests share a bucket.
 */
export const clientAddress = () =>
  `2001:db8:${crypto
    .randomUUID()
    .replace(/-/g, '')
    .slice(0, 24)
    .replace(/(.{4})(?!$)/g, '$1:')}`;

/** Sends a request to the Worker under test through its real fetch handler. */
export async function call(
  method: string,
  path: string,
  opts: { token?: string; body?: unknown; headers?: Record<string, string> } = {},
) {
  const headers: Record<string, string> = { 'cf-connecting-ip': clientAddress(), ...opts.headers };
  if (opts.token) headers.authorization = `Bearer ${opts.token}`;
  let body: string | undefined;
  if (opts.body !== undefined) {
    headers['content-type'] ??= 'application/json';
    body = typeof opts.body === 'string' ? opts.body : JSON.stringify(opts.body);
  }
  const res = await exports.default.fetch(
    new Request(`https://rapport.test${path}`, { method, headers, body }),
  );
  const text = await res.text();
  let json: unknown = null;
  try {
    json = text ? JSON.parse(text) : null;
  } catch {}
  return { status: res.status, headers: res.headers, text, json: json as any };
}

export interface TestOrg {
  token: string;
  org: { id: string; name: string };
  user: { id: string; email: string };
}

/** Creates a fresh org and its admin through `POST /api/setup`. */
export async function createOrg(name = `Org ${uuidv7()}`): Promise<TestOrg> {
  const res = await call('POST', '/api/setup', {
    token: SETUP_TOKEN,
    body: {
      org: { name },
      admin: {
        name: 'Ada Admin',
        email: `admin@${name.replace(/\W+/g, '').toLowerCase()}.test`,
        timeZone: 'Europe/Berlin',
      },
    },
  });
  if (res.status !== 201) throw new Error(`setup failed: ${res.status} ${res.text}`);
  return res.json;
}

export function interaction(overrides: Partial<InteractionInput> = {}): InteractionInput {
  return {
    id: uuidv7(),
    accountId: null,
    contactIds: [],
    kind: 'email',
    tag: 'strategic',
    title: 'Quarterly business review',
    notes: 'Agreed on the joint roadmap.',
    occurredAt: '2026-11-20T10:00:00.000Z',
    source: { site: 'gmail', ref: 'thread-1', url: 'https://mail.google.com/mail/u/0/#inbox/thread-1' },
    followUpAt: null,
    awaitingReply: false,
    visibility: 'team',
    ...overrides,
  };
}

export interface TestUser {
  token: string;
  user: { id: string; email: string; role: string };
}

/** Invites a person with `role` from `issuerToken` and redeems the code: a signed-in user of the same org. */
export async function inviteUser(
  issuerToken: string,
  role: 'member' | 'manager' | 'admin',
  email = `${role}-${uuidv7()}@example.test`,
): Promise<TestUser> {
  const invite = await call('POST', '/api/invites', { token: issuerToken, body: { email, role } });
  if (invite.status !== 201) throw new Error(`invite failed: ${invite.status} ${invite.text}`);
  const redeemed = await call('POST', '/api/auth/redeem', {
    body: { code: invite.json.code, device: 'test' },
  });
  if (redeemed.status !== 201) throw new Error(`redeem failed: ${redeemed.status} ${redeemed.text}`);
  return redeemed.json;
}

/** An org with an admin, a manager and a member. */
export async function createTeam() {
  const org = await createOrg();
  const admin: TestUser = { token: org.token, user: { ...org.user, role: 'admin' } };
  const [manager, member] = await Promise.all([
    inviteUser(org.token, 'manager'),
    inviteUser(org.token, 'member'),
  ]);
  return { org: org.org, admin, manager, member };
}

export function account(overrides: Record<string, unknown> = {}) {
  return {
    id: uuidv7(),
    name: `Acme ${uuidv7().slice(-6)}`,
    domains: [] as string[],
    stakeholder: 'customer',
    tier: 'strategic',
    cadenceDays: null,
    ownerId: null,
    startsOn: null,
    endsOn: null,
    notes: '',
    ...overrides,
  };
}

export function contact(overrides: Record<string, unknown> = {}) {
  return {
    id: uuidv7(),
    accountId: null,
    name: `Jane ${uuidv7().slice(-6)}`,
    emails: [`jane-${uuidv7().slice(-12)}@example.test`],
    title: null,
    timeZone: null,
    ...overrides,
  };
}

/** Inserts a reminder straight into D1: the rules that create them are another module's. */
export async function seedReminder(
  db: D1Database,
  orgId: string,
  userId: string,
  overrides: { id?: string; dueAt?: string; state?: string; accountId?: string | null } = {},
) {
  const id = overrides.id ?? `rem-${uuidv7()}`;
  const now = new Date().toISOString();
  await db
    .prepare(
      `INSERT INTO reminders (id, org_id, user_id, account_id, interaction_id, rule, title, due_at, state, snoozed_until, version, created_at, updated_at)
       VALUES (?, ?, ?, ?, NULL, 'keep-in-touch', 'Check in', ?, ?, NULL, 1, ?, ?)`,
    )
    .bind(
      id,
      orgId,
      userId,
      overrides.accountId ?? null,
      overrides.dueAt ?? '2026-01-05T09:00:00.000Z',
      overrides.state ?? 'open',
      now,
      now,
    )
    .run();
  return id;
}

/** Routes the API serves, from Hono's own table: method and OpenAPI-style path. */
export function servedRoutes(): string[] {
  const out = new Set<string>();
  for (const r of app.routes) {
    if (r.method === 'ALL' || !(r.path.startsWith('/api/') || r.path === '/healthz')) continue;
    out.add(`${r.method.toLowerCase()} ${r.path.replace(/\/$/, '').replace(/:(\w+)/g, '{$1}')}`);
  }
  return [...out].sort();
}
