/** The guest list of a Google Calendar event, from the details dialog or the edit page. */
import { queryOutside } from './context.ts';
import { normalizeEmail, PeopleCollector } from './people.ts';
import { attrOf, clean, textOf } from './text.ts';

/** The description and its editor: free text anyone can put an address in. */
export const GCAL_BODY =
  '#xDetDlgDesc, [id^="xDescIn"], [aria-label="Description"], [aria-label="Beschreibung"], [contenteditable="true"], [role="textbox"]';

const GUESTS = '[data-email], [data-hovercard-id]';
// A list or tree the app labels as the guests, in English, German or French:
// "Guests", "Guests invited to this event.", "Gäste", "Invités", "Participants".
const LABELLED_LISTS = '[role="list"][aria-label], [role="tree"][aria-label], [role="group"][aria-label]';
const GUEST_LABEL_RE = /guest|gäste|teilnehm|invité|participant/i;
const RESOURCE_RE = /@resource\.calendar\.google\.com$/i;
const ORGANIZER_RE = /^(?:organi[sz]er|organisator(?:in)?|organisat(?:eur|rice)|organizador[a]?)$/i;
// Response and role words the dialog appends to a guest's name in its label.
const STATUS_WORDS = new Set([
  'organizer',
  'organiser',
  'optional',
  'attending',
  'accepted',
  'declined',
  'tentative',
  'maybe',
  'awaiting',
  'awaiting response',
  'needs action',
  'not attending',
  'going',
  'not going',
  'invited',
  'creator',
  'organisator',
  'organisatorin',
  'nimmt teil',
  'nimmt nicht teil',
  'zugesagt',
  'abgesagt',
  'vielleicht',
  'mit vorbehalt',
  'antwort ausstehend',
  'keine antwort',
  'eingeladen',
  'ersteller',
  'organisateur',
  'organisatrice',
  'participe',
  'ne participe pas',
  'accepté',
  'refusé',
  'peut-être',
  'facultatif',
  'en attente de réponse',
  'en attente',
  'invité',
  'créateur',
]);

/**
 * The guests, by the first strategy that finds any: the guest section
 * (`#xDetDlgAtt`), then a list the app labels as the guests (which is where
 * they are when the section shows only "4 guests"), then every guest item in
 * the dialog. Descriptions are never read.
 */
export function eventGuests(root: Element): PeopleCollector {
  const strategies: (() => Element[])[] = [
    () => queryOutside(root, '#xDetDlgAtt, [aria-label="Guests"], [aria-label="Guest list"]', GCAL_BODY),
    () => queryOutside(root, LABELLED_LISTS, GCAL_BODY).filter((el) => isGuestList(el)),
    () => [root],
  ];
  for (const containers of strategies) {
    const collector = new PeopleCollector();
    for (const container of containers()) {
      // The last strategy takes the whole dialog: only items carrying a guest's address count there.
      const selector = container === root ? '[data-email]' : GUESTS;
      for (const el of queryOutside(container, selector, GCAL_BODY)) addGuest(el, collector);
    }
    if (collector.size > 0) return collector;
  }
  return new PeopleCollector();
}

function isGuestList(el: Element): boolean {
  return GUEST_LABEL_RE.test(attrOf(el, 'aria-label', 100));
}

function addGuest(el: Element, collector: PeopleCollector): void {
  const email = el.getAttribute('data-email') ?? el.getAttribute('data-hovercard-id');
  // Rooms and other resources are booked as guests but are not people.
  if (!email || RESOURCE_RE.test(email)) return;
  const tokens = attrOf(el, 'aria-label', 400).split(/,\s*/).filter(Boolean);
  const isOrganizer =
    tokens.some((t) => ORGANIZER_RE.test(t)) || [...el.querySelectorAll('div, span')].some(isOrganizerBadge);
  collector.add(email, guestName(el, tokens), isOrganizer ? 'organizer' : 'attendee');
}

/**
 * The name a label starts with ("Alice Chen, Organizer, Attending"). The name
 * span, when the label starts with it, settles where the name ends whatever
 * the language; otherwise known status words are dropped.
 */
function guestName(el: Element, tokens: string[]): string {
  const label = tokens.join(', ');
  const span = textOf(el.querySelector('span'), 200);
  if (span && (!label || label === span || label.startsWith(`${span},`))) return span;
  const name = tokens.filter((t) => !STATUS_WORDS.has(t.toLowerCase()) && !normalizeEmail(t)).join(', ');
  return name || span;
}

function isOrganizerBadge(el: Element): boolean {
  return el.childElementCount === 0 && ORGANIZER_RE.test(clean(el.textContent, 40));
}
