import { describe, expect, it } from 'vitest';
import { call, servedRoutes } from './helpers.ts';

describe('GET /api/openapi.json', () => {
  it('is an OpenAPI 3.1 document, public, listing every served route', async () => {
    const res = await call('GET', '/api/openapi.json');
    expect(res.status).toBe(200);
    const doc = res.json;
    expect(doc.openapi).toBe('3.1.0');
    const documented = Object.entries(doc.paths as Record<string, Record<string, unknown>>)
      .flatMap(([path, ops]) => Object.keys(ops).map((m) => `${m} ${path}`))
      .sort();
    expect(documented).toEqual(servedRoutes());
  });

  it('carries request and response schemas from the shared zod schemas, and problem responses', async () => {
    const doc = (await call('GET', '/api/openapi.json')).json;
    const post = doc.paths['/api/accounts'].post;
    const body = post.requestBody.content['application/json'].schema;
    expect(body.additionalProperties).toBe(false);
    expect(body.properties.tier.enum).toEqual(['strategic', 'tactical']);
    expect(post.responses['201'].content['application/json'].schema.$ref).toBe(
      '#/components/schemas/Account',
    );
    expect(post.responses['400'].content['application/problem+json'].schema.$ref).toBe(
      '#/components/schemas/Problem',
    );
    expect(post.security).toEqual([{ bearerAuth: [] }]);
    const list = doc.paths['/api/accounts'].get;
    const limit = list.parameters.find((p: { name: string }) => p.name === 'limit');
    expect(limit.schema.maximum).toBe(200);
    expect(doc.paths['/api/invites'].post['x-roles']).toEqual(['manager', 'admin']);
    expect(doc.paths['/api/invites'].post.responses['403']).toBeDefined();
    expect(doc.paths['/api/accounts/{id}'].get.responses['404']).toBeDefined();
    expect(doc.paths['/api/auth/redeem'].post.security).toEqual([]);
    expect(doc.components.schemas.Interaction.properties.visibility.enum).toEqual(['team', 'private']);
    const ids = Object.values(doc.paths as Record<string, Record<string, { operationId: string }>>).flatMap(
      (ops) => Object.values(ops).map((o) => o.operationId),
    );
    expect(new Set(ids).size).toBe(ids.length);
  });
});
