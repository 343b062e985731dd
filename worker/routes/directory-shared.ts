import { and, eq, isNull, type SQL, sql } from 'drizzle-orm';
import type { SQLiteColumn } from 'drizzle-orm/sqlite-core';
import type { Db } from '../db/client.ts';
import { users } from '../db/schema.ts';
import { ProblemError, problem } from '../http/problem.ts';

/** Case-insensitive name prefix as an index range on `(org_id, name COLLATE NOCASE)`; no LIKE escaping needed. */
export function namePrefix(column: SQLiteColumn, q: string): SQL {
  return sql`(${column} COLLATE NOCASE >= ${q} AND ${column} COLLATE NOCASE < ${`${q}\u{10FFFF}`})`;
}

/** Keyset condition after `(name, id)` in `name COLLATE NOCASE, id` order. */
export function afterName(name: SQLiteColumn, id: SQLiteColumn, key: [string, string]): SQL {
  return sql`(${name} COLLATE NOCASE > ${key[0]} OR (${name} COLLATE NOCASE = ${key[0]} AND ${id} > ${key[1]}))`;
}

export const byName = (name: SQLiteColumn) => sql`${name} COLLATE NOCASE`;

/** The same answer the mutators give for an id another org holds, so the two cannot be told apart. */
export const idTaken = () =>
  new ProblemError(problem('validation', 409, 'Conflict', { detail: 'This id is already taken.' }));

/** An owner must be a live user of the caller's org. */
export async function checkOwner(d: Db, orgId: string, ownerId: string | null | undefined): Promise<void> {
  if (!ownerId) return;
  const [row] = await d
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.orgId, orgId), eq(users.id, ownerId), isNull(users.deletedAt)))
    .limit(1);
  if (!row)
    throw new ProblemError(
      problem('validation', 400, 'Invalid request', {
        issues: [{ path: ['ownerId'], message: 'No such user in this organisation' }],
      }),
    );
}
