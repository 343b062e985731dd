/** Outlook on the web, calendar event (full page or peek card) → page context. */
import type { PageContext } from '../../shared/schemas/page-context.ts';
import {
  cleanRef,
  decodeSegment,
  type ExtractOptions,
  hashRef,
  MAX_TITLE,
  queryOutside,
  storedUrl,
  timeContext,
} from './context.ts';
import { addWell, OUTLOOK_BODY, outlookSelfEmail, wellRole } from './outlook-people.ts';
import { PeopleCollector } from './people.ts';
import { attrOf, clean, firstOf, textOf } from './text.ts';
import { parseWallRange, wallToInstant } from './time.ts';

const EVENT_ROOT =
  '[data-app-section="CalendarItemPeek"], [data-app-section="CalendarItemDetails"], [role="dialog"][aria-label="Event details"], [role="main"][aria-label="Event details"]';
const TITLE =
  '[role="heading"][aria-level="1"], [role="heading"], input[aria-label="Add a title"], input[aria-label="Title"]';
const TIME = '[data-testid="EventTime"], [aria-label^="Time:"], [aria-label^="When:"]';
const WELLS =
  '[aria-label^="Organizer:"], [aria-label^="Required:"], [aria-label^="Optional:"], [aria-label^="Attendees:"], [aria-label^="Invitees:"]';
// `/calendar/item/<id>`, `/calendar/0/item/<id>`, `/calendar/deeplink/read/<id>`.
const ID_PATH_RE = /\/(?:item|read)\/([^/?#]+)/;

/** The event open on the page or in a peek card, or null. */
export function outlookCalendar(
  doc: Document,
  page: URL,
  options: ExtractOptions | undefined,
): PageContext | null {
  const idInPath = ID_PATH_RE.exec(page.pathname)?.[1];
  const root = doc.querySelector(EVENT_ROOT) ?? (idInPath ? doc.querySelector('[role="main"]') : null);
  if (!root) return null;

  const titleEl = queryOutside(root, TITLE, OUTLOOK_BODY)[0];
  const title =
    titleEl?.tagName === 'INPUT'
      ? clean((titleEl as HTMLInputElement).value, MAX_TITLE)
      : firstOf(attrOf(titleEl, 'title', MAX_TITLE), textOf(titleEl, MAX_TITLE));
  const ctx = timeContext(doc, options);
  const timeEl = queryOutside(root, TIME, OUTLOOK_BODY)[0];
  const wall = parseWallRange(firstOf(textOf(timeEl, 200), attrOf(timeEl, 'aria-label', 200)), ctx);
  const start = wall ? wallToInstant(wall.start, ctx.timeZone) : null;
  const end = wall?.end != null ? wallToInstant(wall.end, ctx.timeZone) : null;

  const people = new PeopleCollector();
  for (const well of queryOutside(root, WELLS, OUTLOOK_BODY)) {
    addWell(well, wellRole(well.getAttribute('aria-label') ?? ''), people);
  }

  const ref = eventRef(root, idInPath, title, wall?.start ?? null);
  if (!ref || (!title && !wall && people.size === 0)) return null;
  return {
    site: 'outlook-calendar',
    kind: 'calendar-event',
    ref,
    title,
    participants: people.list(outlookSelfEmail(doc)),
    occurredAt: start,
    endsAt: end,
    url: storedUrl(page),
  };
}

/**
 * The item id from the URL or the card. A peek card in the week view carries
 * none, so its ref is derived from the title and the printed start, which
 * unlike the instant do not depend on the zone the extractor runs in.
 */
function eventRef(
  root: Element,
  idInPath: string | undefined,
  title: string,
  wallStart: number | null,
): string | null {
  if (idInPath) return cleanRef(decodeSegment(idInPath));
  const attr =
    root.getAttribute('data-itemid') ?? root.querySelector('[data-itemid]')?.getAttribute('data-itemid');
  if (attr) return cleanRef(attr);
  return title && wallStart !== null ? `derived:${hashRef(title, String(wallStart))}` : null;
}
