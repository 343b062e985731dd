import { z } from 'zod';
import { ProblemError, problem } from './problem.ts';

/** Page size query shared by every collection: at most 200 (design §7.1). */
export const PageQuerySchema = z.object({
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(512).optional(),
});

/** Opaque keyset cursors: base64url of the last row's sort key. */
export function encodeCursor(parts: (string | number)[]): string {
  return btoa(JSON.stringify(parts)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

export function decodeCursor(cursor: string): (string | number)[] {
  try {
    const parsed: unknown = JSON.parse(atob(cursor.replace(/-/g, '+').replace(/_/g, '/')));
    if (Array.isArray(parsed) && parsed.every((p) => typeof p === 'string' || typeof p === 'number'))
      return parsed;
  } catch {}
  throw new ProblemError(
    problem('validation', 400, 'Invalid cursor', {
      detail: 'Pass nextCursor from the previous page unchanged.',
    }),
  );
}
