import type { ContextSite } from '../../shared/schemas/page-context.ts';

/** The web apps Rapport reads context from (design §8): the manifest's host permissions. */
export const SITE_MATCHES = [
  'https://mail.google.com/*',
  'https://calendar.google.com/*',
  'https://outlook.office.com/*',
  'https://outlook.office365.com/*',
  'https://outlook.live.com/*',
];

/**
 * The host access to ask for when joining a server: the server itself, and the sites again in
 * case the user withdrew them (Firefox lets anyone switch an add-on's site access off; the
 * browser only prompts for what is not granted yet). Patterns carry no port: Firefox refuses a
 * pattern with one ("not declared in the manifest"), and without one it covers every port in
 * both browsers.
 */
export function hostAccessFor(server: URL): string[] {
  return [`${server.protocol}//${server.hostname}/*`, ...SITE_MATCHES];
}

/** Which context sites a page origin may report. Content scripts may only speak for their own site. */
export function siteOfUrl(url: string | undefined): ContextSite[] | null {
  if (!url) return null;
  let host: string;
  try {
    const u = new URL(url);
    if (u.protocol !== 'https:') return null;
    host = u.hostname;
  } catch {
    return null;
  }
  if (host === 'mail.google.com') return ['gmail'];
  if (host === 'calendar.google.com') return ['google-calendar'];
  if (host === 'outlook.office.com' || host === 'outlook.office365.com' || host === 'outlook.live.com') {
    return ['outlook-mail', 'outlook-calendar'];
  }
  return null;
}
