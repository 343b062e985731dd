import { drizzle } from 'drizzle-orm/d1';
import type { Env } from '../env.ts';

/** A drizzle handle on the request's D1 binding. Cheap: no connection is opened. */
export function db(env: Pick<Env, 'DB'>) {
  return drizzle(env.DB);
}
export type Db = ReturnType<typeof db>;
