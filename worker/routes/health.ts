import { Hono } from 'hono';
import type { AppEnv } from '../env.ts';

/** Bumped with each migration; clients and operators read it from /healthz. */
export const SCHEMA_VERSION = 1;

export const health = new Hono<AppEnv>().get('/', async (c) => {
  const row = await c.env.DB.prepare('SELECT 1 AS ok').first<{ ok: number }>();
  return c.json({ ok: row?.ok === 1, schemaVersion: SCHEMA_VERSION }, 200);
});
