import { eq, type SQL, sql } from 'drizzle-orm';
import type { Db, Statement } from './client.ts';
import { orgs } from './schema.ts';

/**
 * A statement that aborts its D1 batch, so nothing in it commits, unless
 * `condition` holds when the batch runs. A batch is one transaction, so this
 * closes the gap between checking a rule (the last admin stays an admin) and
 * writing: two concurrent requests cannot both pass a check only one may.
 */
export function guard(d: Db, orgId: string, condition: SQL): Statement {
  return d
    .select({ ok: sql`CASE WHEN ${condition} THEN 1 ELSE json('') END` })
    .from(orgs)
    .where(eq(orgs.id, orgId));
}

/** Whether a batch failed on a {@link guard}. */
export const isGuardFailure = (err: unknown): boolean => String(err).includes('malformed JSON');
