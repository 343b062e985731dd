/**
 * Outlook on the web (outlook.office.com, outlook.office365.com,
 * outlook.live.com) → page context: the mail reading pane as `outlook-mail`,
 * a calendar event as `outlook-calendar`. Headers only, never bodies.
 */
import type { PageContext } from '../../shared/schemas/page-context.ts';
import { type ExtractOptions, guard, parseUrl } from './context.ts';
import { outlookCalendar } from './outlook-calendar.ts';
import { outlookMail } from './outlook-mail.ts';

/** The open Outlook message or event, or null. */
export function extractOutlook(
  doc: Document,
  url: URL | string,
  options?: ExtractOptions,
): PageContext | null {
  return guard(() => {
    const page = parseUrl(url);
    if (!page) return null;
    const path = page.pathname.toLowerCase();
    if (/\/calendar(?:\/|$)/.test(path)) return outlookCalendar(doc, page, options);
    if (/\/(?:mail|owa)(?:\/|$)/.test(path)) return outlookMail(doc, page, options);
    return null;
  });
}
