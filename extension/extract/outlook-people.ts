/** People in Outlook's headers: labelled wells, persona spans and the signed-in account. */
import { queryOutside } from './context.ts';
import {
  cleanName,
  lastEmailIn,
  normalizeEmail,
  type ParticipantRole,
  type PeopleCollector,
} from './people.ts';
import { attrOf, textOf } from './text.ts';

/** Message bodies and editors: free text anyone can put an address in. */
export const OUTLOOK_BODY =
  '[aria-label="Message body"], [aria-label="Nachrichtentext"], [aria-label="Corps du message"], [id^="UniqueMessageBody"], [role="document"], [aria-label="Event body"], [contenteditable="true"], [role="textbox"]';

// Well labels ("To: Bob <bob@x.com>", "An: …", "À : …") in English, German and French.
const WELL_WORDS: readonly [string, ParticipantRole | undefined][] = [
  ['from', 'from'],
  ['von', 'from'],
  ['de', 'from'],
  ['to', 'to'],
  ['an', 'to'],
  ['à', 'to'],
  ['cc', 'cc'],
  ['bcc', undefined],
  ['cci', undefined],
  ['organizer', 'organizer'],
  ['organiser', 'organizer'],
  ['organisator', 'organizer'],
  ['organisateur', 'organizer'],
  ['required', 'attendee'],
  ['optional', 'attendee'],
  ['attendees', 'attendee'],
  ['invitees', 'attendee'],
  ['guests', 'attendee'],
  ['erforderlich', 'attendee'],
  ['teilnehmer', 'attendee'],
  ['obligatoire', 'attendee'],
  ['facultatif', 'attendee'],
  ['participants', 'attendee'],
];
const ROLES = new Map(WELL_WORDS);
const capitalised = (w: string) => w[0]!.toUpperCase() + w.slice(1);

/** Selector for wells whose label starts with one of `words` and a colon (French puts a space before it). */
export function wellSelector(words: readonly string[]): string {
  return words
    .flatMap((w) => [capitalised(w), w === 'cc' ? 'CC' : w])
    .flatMap((w) => [`[aria-label^="${w}:"]`, `[aria-label^="${w} :"]`])
    .join(', ');
}

const PERSONA = '[title], [aria-label]';

/**
 * Adds the people one labelled well holds. A persona shows as
 * `<span title="bob@x.com">Bob</span>` or with a "Bob <bob@x.com>" label;
 * when none carries an address, the well's own label is read.
 */
export function addWell(well: Element, role: ParticipantRole | undefined, people: PeopleCollector): void {
  let found = false;
  for (const persona of well.querySelectorAll(PERSONA)) {
    const title = persona.getAttribute('title');
    if (normalizeEmail(title)) {
      people.add(title, textOf(persona, 200), role);
      found = true;
    } else if (
      people.addLabel(title, role) ||
      people.addLabel(stripPrefix(attrOf(persona, 'aria-label', 1000)), role)
    ) {
      found = true;
    }
  }
  if (found) return;
  const label = stripPrefix(attrOf(well, 'aria-label', 4000));
  for (const entry of label.split(';')) found = people.addLabel(entry, role) || found;
  if (!found) people.addLabel(stripPrefix(textOf(well, 1000)), role);
}

/** Persona spans (`title` = an address) under `root`, outside bodies. */
export function personas(root: Element): Element[] {
  return queryOutside(root, '[title*="@"]', OUTLOOK_BODY).filter((el) =>
    normalizeEmail(el.getAttribute('title')),
  );
}

/** Adds persona spans with their printed names. Returns how many it added. */
export function addPersonas(
  spans: Iterable<Element>,
  role: ParticipantRole | undefined,
  people: PeopleCollector,
): number {
  let n = 0;
  for (const span of spans) {
    people.add(span.getAttribute('title'), textOf(span, 200), role);
    n++;
  }
  return n;
}

/** "To: Bob <bob@x.com>" → "Bob <bob@x.com>". */
function stripPrefix(label: string): string {
  return label.replace(/^[^:<>@]{1,40}:\s*/, '');
}

/** The role a well's label names ("From:", "An:", "Cc :" …), if any. */
export function wellRole(label: string): ParticipantRole | undefined {
  const prefix = /^([\p{L} ]{1,20}?)\s?:/u.exec(label)?.[1]?.trim().toLowerCase();
  return prefix ? ROLES.get(prefix) : undefined;
}

// The account manager ("Me control") prints the address under the name.
const ACCOUNT =
  '#mectrl_currentAccount_secondary, #mectrl_currentAccount_primary, #mectrl_main_trigger, #O365_MainLink_Me';
// Where the folder tree's mailbox root is not: bodies, and the event card's attendee tree.
const NOT_FOLDERS = `${OUTLOOK_BODY}, [role="dialog"], [role="main"]`;
const TITLE_RE =
  /^(?:Mail|E-Mail|Courrier|Calendar|Kalender|Calendrier|Inbox|Posteingang|Boîte de réception)\s[-–]\s(.*)\s[-–]\sOutlook/;

/** The signed-in account: the account manager, then the mailbox root in the folder pane, then the tab title. */
export function outlookAccount(doc: Document): { email: string | null; name: string } {
  const name = cleanName(textOf(queryOutside(doc, '#mectrl_currentAccount_primary', OUTLOOK_BODY)[0], 200));
  for (const el of queryOutside(doc, ACCOUNT, OUTLOOK_BODY)) {
    const email = lastEmailIn(el.textContent) ?? lastEmailIn(el.getAttribute('aria-label'));
    if (email) return { email, name };
  }
  for (const el of queryOutside(doc, '[role="tree"] [role="treeitem"][aria-level="1"]', NOT_FOLDERS)) {
    const email =
      normalizeEmail(el.getAttribute('title')) ?? normalizeEmail(el.getAttribute('data-folder-name'));
    if (email) return { email, name };
  }
  // "Mail - jane@contoso.com - Outlook"; a subject never leads the title.
  const title = TITLE_RE.exec(doc.title.trim());
  return { email: title ? lastEmailIn(title[1]) : null, name };
}
