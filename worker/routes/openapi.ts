import { Hono } from 'hono';
import type { AppEnv } from '../env.ts';
import { openApiDocument } from '../openapi/document.ts';

let cached: string | undefined;

/** `GET /api/openapi.json`: built once per isolate from the shared schemas. */
export const openapi = new Hono<AppEnv>().get('/', (c) => {
  cached ??= JSON.stringify(openApiDocument());
  return c.body(cached, 200, {
    'content-type': 'application/json; charset=utf-8',
    'cache-control': 'public, max-age=300',
  });
});
