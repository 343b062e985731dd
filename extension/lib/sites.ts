import type { ContextSite } from '../../shared/schemas/page-context.ts';

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
