import { describe, expect, it } from 'vitest';
import { call } from './helpers.ts';

describe('GET /healthz', () => {
  it('reports liveness and the schema version', async () => {
    const res = await call('GET', '/healthz');
    expect(res.status).toBe(200);
    expect(res.json).toEqual({ ok: true, schemaVersion: 1 });
  });
  it('answers unknown paths with a 404 problem', async () => {
    const res = await call('GET', '/api/nope');
    expect(res.status).toBe(401);
    const page = await call('GET', '/nope');
    expect(page.status).toBe(404);
    expect(page.headers.get('content-type')).toContain('application/problem+json');
  });
});
