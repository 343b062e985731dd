import { ProblemError, problem } from './problem.ts';

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
