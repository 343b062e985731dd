/** Token prefixes make leaked secrets recognisable to scanners and people. */
export const PREFIX = { api: 'rap_', invite: 'rinv_', 'web-link': 'rwl_', session: 'rses_' } as const;

/** A 256-bit random secret with its kind's prefix, base64url-encoded. */
export function newSecret(kind: keyof typeof PREFIX): string {
  const bytes = crypto.getRandomValues(new Uint8Array(32));
  return PREFIX[kind] + base64url(bytes);
}

/** SHA-256 of the secret, hex; the only form a secret is stored in. */
export async function hashSecret(secret: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(secret));
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('');
}

/** Compares two strings in time independent of where they differ. */
export async function timingSafeEqual(a: string, b: string): Promise<boolean> {
  const [ha, hb] = await Promise.all([hashSecret(a), hashSecret(b)]);
  let diff = 0;
  for (let i = 0; i < ha.length; i++) diff |= ha.charCodeAt(i) ^ hb.charCodeAt(i);
  return diff === 0;
}

function base64url(bytes: Uint8Array): string {
  let s = '';
  for (const b of bytes) s += String.fromCharCode(b);
  return btoa(s).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}
