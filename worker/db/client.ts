import type { BatchItem } from 'drizzle-orm/batch';
import { drizzle } from 'drizzle-orm/d1';
import type { Env } from '../env.ts';

/** A drizzle handle on the request's D1 binding. Cheap: no connection is opened. */
export function db(env: Pick<Env, 'DB'>) {
  return drizzle(env.DB);
}
export type Db = ReturnType<typeof db>;

/** One statement of a D1 batch; a write's statements commit together or not at all. */
export type Statement = BatchItem<'sqlite'>;
