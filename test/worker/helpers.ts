import { exports } from 'cloudflare:workers';
import type { InteractionInput } from '../../shared/schemas/index.ts';
import { uuidv7 } from '../../shared/uuid.ts';

export const SETUP_TOKEN = 'test-setup-token';

/** Sends a request to the Worker under test through its real fetch handler. */
export async function call(
  method: string,
  path: string,
  opts: { token?: string; body?: unknown; headers?: Record<string, string> } = {},
) {
  const headers: Record<string, string> = { ...opts.headers };
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
