import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { uuidv7 } from '../../shared/uuid.ts';
import { call, createOrg, interaction } from './helpers.ts';

describe('POST /api/sync/push', () => {
  it('stores one interaction when the same push is sent twice', async () => {
    const { token } = await createOrg();
    const clientId = uuidv7();
    const item = interaction();
    const body = { clientId, mutations: [{ id: 1, name: 'interaction.put', args: item }] };
    const first = await call('POST', '/api/sync/push', { token, body });
    const second = await call('POST', '/api/sync/push', { token, body });
    expect(first.status).toBe(200);
    expect(first.json).toEqual({ lastMutationId: 1, rejected: [] });
    expect(second.json).toEqual({ lastMutationId: 1, rejected: [] });
    const rows = await env.DB.prepare('SELECT count(*) AS n FROM interactions WHERE id = ?')
      .bind(item.id)
      .first<{ n: number }>();
    expect(rows?.n).toBe(1);
    const audits = await env.DB.prepare(
      "SELECT count(*) AS n FROM audit_log WHERE target = ? AND action = 'interaction.put'",
    )
      .bind(item.id)
      .first<{ n: number }>();
    expect(audits?.n).toBe(1);
    const read = await call('GET', `/api/interactions/${item.id}`, { token });
    expect(read.status).toBe(200);
    expect(read.json).toMatchObject({ id: item.id, tag: 'strategic', source: item.source });
  });

  it('rejects a gap in mutation ids without applying anything', async () => {
    const { token } = await createOrg();
    const clientId = uuidv7();
    const res = await call('POST', '/api/sync/push', {
      token,
      body: { clientId, mutations: [{ id: 2, name: 'interaction.put', args: interaction() }] },
    });
    expect(res.status).toBe(409);
    expect(res.headers.get('content-type')).toContain('application/problem+json');
    expect(res.json.type).toMatch(/mutation-gap$/);
  });

  it('marks an invalid mutation processed and reports it, without blocking the next one', async () => {
    const { token } = await createOrg();
    const clientId = uuidv7();
    const good = interaction();
    const res = await call('POST', '/api/sync/push', {
      token,
      body: {
        clientId,
        mutations: [
          { id: 1, name: 'interaction.put', args: { ...interaction(), tag: 'urgent' } },
          { id: 2, name: 'interaction.put', args: good },
        ],
      },
    });
    expect(res.status).toBe(200);
    expect(res.json.lastMutationId).toBe(2);
    expect(res.json.rejected).toHaveLength(1);
    expect(res.json.rejected[0].id).toBe(1);
    expect(res.json.rejected[0].problem.issues[0].path).toEqual(['tag']);
    expect((await call('GET', `/api/interactions/${good.id}`, { token })).status).toBe(200);
  });

  it('answers a malformed push with 400 problem+json listing the zod issues', async () => {
    const { token } = await createOrg();
    for (const body of [
      { clientId: 'not-a-uuid', mutations: [] },
      { clientId: uuidv7(), mutations: [{ id: 0, name: 'drop.tables', args: {} }] },
      { clientId: uuidv7(), mutations: 'all of them', extra: true },
    ]) {
      const res = await call('POST', '/api/sync/push', { token, body });
      expect(res.status).toBe(400);
      expect(res.headers.get('content-type')).toContain('application/problem+json');
      expect(res.json.issues.length).toBeGreaterThan(0);
      expect(res.text).not.toMatch(/at \w+ \(|\.ts:\d+/);
    }
    const broken = await call('POST', '/api/sync/push', { token, body: '{"clientId": ' });
    expect(broken.status).toBe(400);
    expect(broken.json.title).toBe('Malformed JSON');
  });
});

describe('account owners through the sync push', () => {
  it('refuses an ownerId that is not a user of the caller’s org, like the REST route does', async () => {
    const a = await createOrg();
    const b = await createOrg();
    const account = (ownerId: string) => ({
      id: uuidv7(),
      name: 'Owned elsewhere',
      domains: [],
      stakeholder: 'customer',
      tier: 'tactical',
      cadenceDays: null,
      ownerId,
      startsOn: null,
      endsOn: null,
      notes: '',
    });
    const res = await call('POST', '/api/sync/push', {
      token: a.token,
      body: {
        clientId: uuidv7(),
        mutations: [
          { id: 1, name: 'account.put', args: account(b.user.id) },
          { id: 2, name: 'account.put', args: account(a.user.id) },
        ],
      },
    });
    expect(res.status).toBe(200);
    expect(res.json.lastMutationId).toBe(2);
    expect(res.json.rejected.map((r: { id: number }) => r.id)).toEqual([1]);
    expect(res.json.rejected[0].problem.issues[0].path).toEqual(['ownerId']);
    const rest = await call('POST', '/api/accounts', { token: a.token, body: account(b.user.id) });
    expect(rest.status).toBe(400);
  });
});
