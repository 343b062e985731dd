import { decodeCursor, encodeCursor } from './cursor.ts';
import { ProblemError, problem } from './problem.ts';

/**
 * Cuts a keyset query's result (fetched with `limit + 1`) into one page:
 * the extra row only tells whether another page exists.
 */
export function toPage<R, T>(
  rows: R[],
  limit: number,
  map: (row: R) => T,
  key: (row: R) => (string | number)[],
): { items: T[]; nextCursor: string | null } {
  const page = rows.slice(0, limit);
  const last = page[page.length - 1];
  return {
    items: page.map(map),
    nextCursor: rows.length > limit && last !== undefined ? encodeCursor(key(last)) : null,
  };
}

/** Decodes a cursor that must hold exactly `n` strings; anything else is the same 400 as a corrupt cursor. */
export function decodeKey(cursor: string, n: number): string[] {
  const parts = decodeCursor(cursor);
  if (parts.length === n && parts.every((p) => typeof p === 'string' && p.length <= 512))
    return parts as string[];
  throw new ProblemError(
    problem('validation', 400, 'Invalid cursor', {
      detail: 'Pass nextCursor from the previous page unchanged.',
    }),
  );
}
