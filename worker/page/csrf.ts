import { hashSecret } from '../auth/secrets.ts';

/**
 * The per-session CSRF token: derived from the session secret, which lives only
 * in the HttpOnly cookie, so another site can neither read nor compute it and
 * nothing extra needs storing. Backs up the Origin / Sec-Fetch-Site check.
 */
export function csrfToken(sessionSecret: string): Promise<string> {
  return hashSecret(`csrf:${sessionSecret}`);
}

export async function validCsrf(sessionSecret: string, given: unknown): Promise<boolean> {
  if (typeof given !== 'string' || given.length !== 64) return false;
  const expected = await csrfToken(sessionSecret);
  let diff = 0;
  for (let i = 0; i < expected.length; i++) diff |= expected.charCodeAt(i) ^ given.charCodeAt(i);
  return diff === 0;
}
