import { type SQL, sql } from 'drizzle-orm';
import type { SQLiteColumn } from 'drizzle-orm/sqlite-core';
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
