import { ProblemError, problem } from './problem.ts';

/**
 * Opaque keyset cursors: base64url of the last row's sort key as UTF-8 JSON.
 * Encoding the UTF-8 bytes (not the string) lets names in any script into a
 * cursor; `btoa` alone throws beyond Latin-1. ASCII keys encode as before.
 */
export function encodeCursor(parts: (string | number)[]): string {
  let binary = '';
  for (const b of new TextEncoder().encode(JSON.stringify(parts))) binary += String.fromCharCode(b);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

export function decodeCursor(cursor: string): (string | number)[] {
  try {
    const binary = atob(cursor.replace(/-/g, '+').replace(/_/g, '/'));
    const bytes = Uint8Array.from(binary, (c) => c.charCodeAt(0));
    const parsed: unknown = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
    if (Array.isArray(parsed) && parsed.every((p) => typeof p === 'string' || typeof p === 'number'))
      return parsed;
  } catch {}
  throw new ProblemError(
    problem('validation', 400, 'Invalid cursor', {
      detail: 'Pass nextCursor from the previous page unchanged.',
    }),
  );
}
