import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { call, createOrg, interaction } from './helpers.ts';

describe('authentication and org scoping', () => {
  it('answers 401 without a token, with an unknown one, and with a revoked one', async () => {
    const { token } = await createOrg();
    expect((await call('GET', '/api/interactions')).status).toBe(401);
    expect((await call('GET', '/api/interactions', { token: 'rap_nope' })).status).toBe(401);
    expect((await call('GET', '/api/interactions', { token })).status).toBe(200);
    await env.DB.prepare("UPDATE tokens SET revoked_at = '2026-01-01T00:00:00.000Z'").run();
    const revoked = await call('GET', '/api/interactions', { token });
    expect(revoked.status).toBe(401);
    expect(revoked.headers.get('content-type')).toContain('application/problem+json');
  });

  it('stores tokens only as SHA-256 hashes', async () => {
    const { token } = await createOrg();
    expect(token).toMatch(/^rap_[A-Za-z0-9_-]{43}$/);
    const rows = await env.DB.prepare('SELECT hash FROM tokens').all<{ hash: string }>();
    for (const r of rows.results) {
      expect(r.hash).toMatch(/^[0-9a-f]{64}$/);
      expect(r.hash).not.toContain(token.slice(4, 20));
    }
  });

  it("gives org A's token 404 for org B's interaction, exactly as for a missing id", async () => {
    const a = await createOrg();
    const b = await createOrg();
    const theirs = interaction();
    expect((await call('POST', '/api/interactions', { token: b.token, body: theirs })).status).toBe(201);
    const foreign = await call('GET', `/api/interactions/${theirs.id}`, { token: a.token });
    const missing = await call('GET', `/api/interactions/${interaction().id}`, { token: a.token });
    expect(foreign.status).toBe(404);
    expect(foreign.text).toBe(missing.text);
    const list = await call('GET', '/api/interactions', { token: a.token });
    expect(list.json.items.map((i: { id: string }) => i.id)).not.toContain(theirs.id);
    // Writing over another org's id is refused and changes nothing.
    const overwrite = await call('POST', '/api/interactions', {
      token: a.token,
      body: { ...theirs, title: 'hijacked' },
    });
    expect(overwrite.status).toBe(409);
    const still = await call('GET', `/api/interactions/${theirs.id}`, { token: b.token });
    expect(still.json.title).toBe(theirs.title);
  });

  it('rejects setup without the setup token, and a taken org name with 409', async () => {
    const body = { org: { name: 'Acme' }, admin: { name: 'A', email: 'a@acme.test', timeZone: 'UTC' } };
    expect((await call('POST', '/api/setup', { body })).status).toBe(401);
    expect((await call('POST', '/api/setup', { token: 'wrong', body })).status).toBe(401);
    await createOrg('Taken Inc');
    await expect(createOrg('taken inc')).rejects.toThrow(/409/);
  });
});
