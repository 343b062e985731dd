import { inject } from 'vitest';

/** Calls the e2e Worker's API. */
export async function api<T = any>(
  method: string,
  path: string,
  token?: string,
  body?: unknown,
): Promise<{ status: number; json: T }> {
  const res = await fetch(new URL(path, inject('serverUrl')), {
    method,
    headers: {
      // wrangler dev keeps a client's own cf-connecting-ip: each call stands for a client of its own,
      // so the strict per-address limit on setup and redeem never throttles the suite.
      'cf-connecting-ip': `2001:db8:e2e::${Math.floor(Math.random() * 0xffff).toString(16)}`,
      ...(token ? { authorization: `Bearer ${token}` } : {}),
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  return { status: res.status, json: (text ? JSON.parse(text) : null) as T };
}

/** A fresh org with its admin, through the operator's setup endpoint. */
export async function createOrg(name = `E2E ${Date.now()} ${Math.random().toString(36).slice(2, 8)}`) {
  const res = await api<{ token: string; user: { id: string; email: string }; org: { id: string } }>(
    'POST',
    '/api/setup',
    inject('setupToken'),
    { org: { name }, admin: { name: 'Erin Example', email: 'erin@example.com', timeZone: 'Europe/Berlin' } },
  );
  if (res.status !== 201) throw new Error(`setup failed: ${res.status} ${JSON.stringify(res.json)}`);
  return res.json;
}
