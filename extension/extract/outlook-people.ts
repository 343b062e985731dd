/** People in Outlook's headers: "From: / To: / Cc:" wells and the signed-in account. */
import { lastEmailIn, normalizeEmail, type ParticipantRole, type PeopleCollector } from './people.ts';
import { attrOf, textOf } from './text.ts';

/** Message bodies and editors: free text anyone can put an address in. */
export const OUTLOOK_BODY =
  '[aria-label="Message body"], [id^="UniqueMessageBody"], [role="document"], [aria-label="Event body"], [contenteditable="true"], [role="textbox"]';

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

/** "To: Bob <bob@x.com>" → "Bob <bob@x.com>". */
function stripPrefix(label: string): string {
  return label.replace(/^[^:<>@]{1,40}:\s*/, '');
}

/** The role a well's label names ("From:", "Cc:" …), if any. */
export function wellRole(label: string): ParticipantRole | undefined {
  const prefix = /^([a-z ]{2,20}):/i.exec(label)?.[1]?.trim().toLowerCase();
  switch (prefix) {
    case 'from':
      return 'from';
    case 'to':
      return 'to';
    case 'cc':
      return 'cc';
    case 'organizer':
      return 'organizer';
    case 'required':
    case 'optional':
    case 'attendees':
    case 'invitees':
    case 'guests':
      return 'attendee';
    default:
      return undefined;
  }
}

// The account manager ("Me control") prints the address under the name.
const ACCOUNT =
  '#mectrl_currentAccount_secondary, #mectrl_currentAccount_primary, #mectrl_main_trigger, #O365_MainLink_Me';

/** The signed-in address: account manager, then the mailbox root in the folder pane, then the tab title. */
export function outlookSelfEmail(doc: Document): string | null {
  for (const el of doc.querySelectorAll(ACCOUNT)) {
    const email = lastEmailIn(el.textContent) ?? lastEmailIn(el.getAttribute('aria-label'));
    if (email) return email;
  }
  for (const el of doc.querySelectorAll('[role="tree"] [role="treeitem"][aria-level="1"]')) {
    const email =
      normalizeEmail(el.getAttribute('title')) ?? normalizeEmail(el.getAttribute('data-folder-name'));
    if (email) return email;
  }
  // "Mail - jane@contoso.com - Outlook"; a subject never leads the title.
  const title = /^(?:Mail|Calendar|Inbox)\s-\s(.*)\s-\sOutlook/.exec(doc.title.trim());
  return title ? lastEmailIn(title[1]) : null;
}
