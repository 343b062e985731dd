/**
 * The message headers of a Gmail thread: who wrote to whom, and when the
 * latest message was sent. Every query skips bodies, quotes and snippets.
 */
import { type ExtractOptions, queryOutside, timeContext } from './context.ts';
import { type ParticipantRole, PeopleCollector } from './people.ts';
import { attrOf, firstOf, textOf } from './text.ts';
import { parseWallRange, wallToInstant } from './time.ts';

/**
 * Bodies (`.a3s`, `.ii`), quoted text, collapsed-message snippets (`.iA`,
 * `.g6`), list snippets (`.y2`) and reply boxes: free text a sender controls.
 */
export const GMAIL_BODY =
  '.a3s, .ii, .gmail_quote, blockquote, .iA, .g6, .y2, [contenteditable="true"], [role="textbox"]';
const PEOPLE = '[email], [data-hovercard-id]';
// Avatars carry the sender's address as `jid` even where the name spans do not.
const AVATARS = 'img[jid]';
const DATES = '.g3';
const MESSAGE = '[data-legacy-message-id], [data-message-id]';

// Details-table labels in English, German and French; Bcc has no role of its own.
const ROLE_WORDS = new Map<string, ParticipantRole | undefined>([
  ['from', 'from'],
  ['von', 'from'],
  ['de', 'from'],
  ['to', 'to'],
  ['an', 'to'],
  ['à', 'to'],
  ['cc', 'cc'],
  ['bcc', undefined],
  ['cci', undefined],
]);

/** Everyone in the thread's headers, with roles from the details table where it is shown. */
export function threadPeople(root: Element, bodies: Element[]): PeopleCollector {
  const roles = tableRoles(root, bodies);
  const collector = new PeopleCollector();
  for (const el of queryOutside(root, PEOPLE, bodies)) {
    const email = el.getAttribute('email') ?? el.getAttribute('data-hovercard-id');
    // Only Gmail's person spans carry a `name`; on avatars it is an element name like ":1x".
    const name = () =>
      el.hasAttribute('email') ? firstOf(attrOf(el, 'name', 200), textOf(el, 200)) : textOf(el, 200);
    collector.add(email, name, roles.has(el) ? roles.get(el) : classRole(el));
  }
  if (collector.size === 0) {
    for (const el of queryOutside(root, AVATARS, bodies)) collector.add(el.getAttribute('jid'), '', 'from');
  }
  return collector;
}

/**
 * Roles from the details table ("from: / to: / cc:", "von: / an:", "de : / à :"),
 * the only place Gmail tells `to` from `cc`. The header line "to Bob, Carol"
 * lumps them together, so in a message with a table its names get no role of
 * their own. A label in another language falls back to the span's class.
 */
function tableRoles(root: Element, bodies: Element[]): Map<Element, ParticipantRole | undefined> {
  const roles = new Map<Element, ParticipantRole | undefined>();
  const withTable = new Set<Element>();
  for (const row of queryOutside(root, '.ajC tr', bodies)) {
    const label = textOf(row.querySelector('.gG'), 20).toLowerCase().replace(/\s*:$/, '');
    const known = ROLE_WORDS.has(label);
    const role = ROLE_WORDS.get(label);
    const people = row.querySelectorAll(PEOPLE);
    for (const el of people) roles.set(el, known ? role : classRole(el));
    const message = people.length > 0 ? row.closest('.adn') : null;
    if (message) withTable.add(message);
  }
  if (withTable.size === 0) return roles;
  for (const el of queryOutside(root, '.g2', bodies)) {
    if (!roles.has(el) && withTable.has(el.closest('.adn')!)) roles.set(el, undefined);
  }
  return roles;
}

function classRole(el: Element): ParticipantRole | undefined {
  const classes = el.classList;
  if (classes.contains('gD') || classes.contains('zF') || classes.contains('yP')) return 'from';
  return classes.contains('g2') ? 'to' : undefined;
}

/**
 * When the latest message was sent. Each message's printed date is read where
 * it parses (in any of its attributes); a message whose date does not, in a
 * language the parser does not know, falls back to its id, which encodes the
 * send time whatever the language.
 */
export function latestMessageTime(
  root: Element,
  bodies: Element[],
  doc: Document,
  options: ExtractOptions | undefined,
): string | null {
  const ctx = timeContext(doc, options);
  const dated = new Set<Element>();
  let bestWall: number | null = null;
  let unread = 0;
  for (const el of queryOutside(root, DATES, bodies)) {
    const wall = printedWall(el, ctx);
    if (wall === null) {
      unread++;
      continue;
    }
    if (bestWall === null || wall > bestWall) bestWall = wall;
    const message = el.closest(MESSAGE);
    if (message) dated.add(message);
  }
  let best = bestWall === null ? null : Date.parse(wallToInstant(bestWall, ctx.timeZone) ?? '');
  if (best !== null && Number.isNaN(best)) best = null;
  // Every date read: the ids would only repeat them.
  if (unread === 0 && best !== null) return new Date(best).toISOString();
  for (const message of queryOutside(root, MESSAGE, bodies)) {
    if (dated.has(message)) continue;
    const sent = sentAtFromId(message);
    if (sent !== null && (best === null || sent > best)) best = sent;
  }
  return best === null ? null : new Date(best).toISOString();
}

function printedWall(el: Element, ctx: ReturnType<typeof timeContext>): number | null {
  for (const text of [
    attrOf(el, 'title', 120),
    attrOf(el, 'data-tooltip', 120),
    attrOf(el, 'aria-label', 120),
    textOf(el, 120),
  ]) {
    const wall = text ? parseWallRange(text, ctx) : null;
    if (wall) return wall.start;
  }
  return null;
}

const HEX_ID_RE = /^[0-9a-f]{12,20}$/i;
const MSG_F_RE = /^#?msg-[af]:(\d{1,25})$/;
const EARLIEST = Date.UTC(2004, 0, 1);
const LATEST = Date.UTC(2100, 0, 1);

/**
 * A Gmail message id is the send time in milliseconds followed by five hex
 * digits: `18c6a4d2e9f01b33` → 0x18c6a4d2e9f ms. `data-message-id` holds the
 * same id in decimal.
 */
export function sentAtFromId(message: Element): number | null {
  let hex = message.getAttribute('data-legacy-message-id')?.trim() ?? '';
  if (!HEX_ID_RE.test(hex)) {
    const decimal = MSG_F_RE.exec(message.getAttribute('data-message-id')?.trim() ?? '');
    hex = decimal ? BigInt(decimal[1]!).toString(16) : '';
  }
  if (hex.length < 12) return null;
  const ms = Number.parseInt(hex.slice(0, -5), 16);
  return ms >= EARLIEST && ms < LATEST ? ms : null;
}
