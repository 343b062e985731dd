/**
 * Page context extraction: pure functions from a document and its URL to the
 * thread or event on screen. Content scripts call `extractPageContext`.
 */
import type { PageContext } from '../../shared/schemas/page-context.ts';
import { type ExtractOptions, type Extractor, parseUrl } from './context.ts';
import { extractGmail } from './gmail.ts';
import { extractGoogleCalendar } from './google-calendar.ts';
import { extractOutlook } from './outlook.ts';

export type { ExtractOptions, Extractor } from './context.ts';
export { extractGmail } from './gmail.ts';
export { extractGoogleCalendar } from './google-calendar.ts';
export { extractOutlook } from './outlook.ts';

const BY_HOST = new Map<string, Extractor>([
  ['mail.google.com', extractGmail],
  ['calendar.google.com', extractGoogleCalendar],
  ['outlook.office.com', extractOutlook],
  ['outlook.office365.com', extractOutlook],
  ['outlook.live.com', extractOutlook],
]);

/** The thread or event the page shows, or null for other pages and unknown hosts. Never throws. */
export function extractPageContext(
  doc: Document,
  url: URL | string,
  options?: ExtractOptions,
): PageContext | null {
  const page = parseUrl(url);
  if (!page) return null;
  const extract = BY_HOST.get(page.hostname);
  return extract ? extract(doc, page, options) : null;
}
