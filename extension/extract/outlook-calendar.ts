/** Outlook on the web, calendar event (full page, peek card or event card) → page context. */
import type { PageContext } from '../../shared/schemas/page-context.ts';
import {
  cleanRef,
  decodeSegment,
  type ExtractOptions,
  firstValue,
  hashRef,
  isHidden,
  MAX_TITLE,
  queryOutside,
  storedUrl,
  timeContext,
} from './context.ts';
import {
  addPersonas,
  addWell,
  OUTLOOK_BODY,
  outlookAccount,
  personas,
  wellRole,
  wellSelector,
} from './outlook-people.ts';
import { PeopleCollector } from './people.ts';
import { attrOf, clean, firstOf, textOf } from './text.ts';
import { parseWallRange, type TimeContext, type WallRange, wallToInstant } from './time.ts';
import { scanForTime } from './time-scan.ts';

const exact = (labels: readonly string[], prefix = '') =>
  labels.map((l) => `${prefix}[aria-label="${l}"]`).join(', ');
const CARD_LABELS = [
  'Event details',
  'Termindetails',
  'Ereignisdetails',
  'Détails de l’événement',
  "Détails de l'événement",
];
const EVENT_ROOTS = [
  '[data-app-section="CalendarItemPeek"], [data-app-section="CalendarItemDetails"]',
  `${exact(CARD_LABELS, '[role="dialog"]')}, ${exact(CARD_LABELS, '[role="main"]')}`,
];
const TITLE = [
  '[role="heading"][aria-level="1"]',
  '[role="heading"]',
  exact(['Add a title', 'Title', 'Titel hinzufügen', 'Titel', 'Ajouter un titre', 'Titre'], 'input'),
];
const TIME = [
  '[data-testid="EventTime"]',
  exact(['Time', 'When', 'Date and time', 'Uhrzeit', 'Zeit', 'Wann', 'Datum und Uhrzeit', 'Heure', 'Quand']),
  wellSelector(['time', 'when', 'zeit', 'wann', 'heure', 'quand']),
];
const WELLS = wellSelector([
  'organizer',
  'organiser',
  'organisator',
  'organisateur',
  'required',
  'optional',
  'attendees',
  'invitees',
  'erforderlich',
  'teilnehmer',
  'obligatoire',
  'facultatif',
  'participants',
]);
const ORGANIZER_SECTION = exact(['Organizer', 'Organiser', 'Organisator', 'Organisateur']);
// Node.DOCUMENT_POSITION_PRECEDING, without needing the DOM's globals.
const PRECEDING = 2;
// `/calendar/item/<id>`, `/calendar/0/item/<id>`, `/calendar/deeplink/read/<id>`.
const ID_PATH_RE = /\/(?:item|read)\/([^/?#]+)/;

/** The event open on the page or in a card, or null. */
export function outlookCalendar(
  doc: Document,
  page: URL,
  options: ExtractOptions | undefined,
): PageContext | null {
  const idInPath = ID_PATH_RE.exec(page.pathname)?.[1];
  const root = eventRoot(doc, idInPath !== undefined);
  if (!root) return null;

  const titleHit = firstValue(root, TITLE, OUTLOOK_BODY, (el) =>
    el.tagName === 'INPUT'
      ? clean((el as HTMLInputElement).value, MAX_TITLE)
      : firstOf(attrOf(el, 'title', MAX_TITLE), textOf(el, MAX_TITLE)),
  );
  const title = titleHit?.value ?? '';
  const ctx = timeContext(doc, options);
  const wall = eventTime(root, titleHit?.el, ctx);
  const start = wall ? wallToInstant(wall.start, ctx.timeZone) : null;
  const end = wall?.end != null ? wallToInstant(wall.end, ctx.timeZone) : null;
  const people = eventPeople(root);

  const ref = eventRef(root, idInPath, title, wall?.start ?? null);
  if (!ref || (!title && !wall && people.size === 0)) return null;
  const account = outlookAccount(doc);
  return {
    site: 'outlook-calendar',
    kind: 'calendar-event',
    ref,
    title,
    participants: people.list(account.email, account.name),
    occurredAt: start,
    endsAt: end,
    url: storedUrl(page),
  };
}

/**
 * The card or page showing the event: the app's sections, then a dialog or
 * page labelled as the event's details, then (on an event's own URL) the main
 * region, then any open dialog holding a heading and people.
 */
function eventRoot(doc: Document, idInPath: boolean): Element | null {
  for (const selector of EVENT_ROOTS) {
    const hit = queryOutside(doc, selector, OUTLOOK_BODY).find((el) => !isHidden(el));
    if (hit) return hit;
  }
  if (idInPath) return queryOutside(doc, '[role="main"]', OUTLOOK_BODY)[0] ?? null;
  return (
    queryOutside(doc, '[role="dialog"]', OUTLOOK_BODY).find(
      (el) =>
        !isHidden(el) &&
        queryOutside(el, '[role="heading"]', OUTLOOK_BODY).length > 0 &&
        personas(el).length > 0,
    ) ?? null
  );
}

/** The printed time: its labelled element, else the first line of the card that reads as a date. */
function eventTime(root: Element, titleEl: Element | undefined, ctx: TimeContext): WallRange | null {
  for (const selector of TIME) {
    for (const el of queryOutside(root, selector, OUTLOOK_BODY)) {
      const wall = parseWallRange(textOf(el, 200), ctx) ?? parseWallRange(attrOf(el, 'aria-label', 200), ctx);
      if (wall) return wall;
    }
  }
  return scanForTime(root, OUTLOOK_BODY, titleEl, ctx);
}

/**
 * Organizer and attendees. Labelled wells ("Organizer: …", "Required: …")
 * first; else the organizer section and the attendee tree grouped by response
 * ("Accepted: 2"); else, whatever the language, the persona printed before
 * the tree is the organizer and those in it attend.
 */
function eventPeople(root: Element): PeopleCollector {
  const people = new PeopleCollector();
  for (const well of queryOutside(root, WELLS, OUTLOOK_BODY)) {
    addWell(well, wellRole(well.getAttribute('aria-label') ?? ''), people);
  }
  if (people.size > 0) return people;

  const trees = queryOutside(root, '[role="tree"]', OUTLOOK_BODY);
  const inTrees = trees.flatMap((tree) => personas(tree));
  let organizers = 0;
  for (const section of queryOutside(root, ORGANIZER_SECTION, OUTLOOK_BODY)) {
    organizers += addPersonas(personas(section), 'organizer', people);
  }
  if (organizers === 0 && trees[0]) {
    const tree = trees[0];
    const before = personas(root).find(
      (p) => !inTrees.includes(p) && tree.compareDocumentPosition(p) & PRECEDING,
    );
    if (before) addPersonas([before], 'organizer', people);
  }
  addPersonas(inTrees, 'attendee', people);
  if (people.size === 0) addPersonas(personas(root), 'attendee', people);
  return people;
}

/**
 * The item id from the URL or the card. A card in the week view carries
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
    root.getAttribute('data-itemid') ??
    queryOutside(root, '[data-itemid]', OUTLOOK_BODY)[0]?.getAttribute('data-itemid');
  if (attr) return cleanRef(attr);
  return title && wallStart !== null ? `derived:${hashRef(title, String(wallStart))}` : null;
}
