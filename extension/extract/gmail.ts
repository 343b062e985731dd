/**
 * Gmail thread view → page context. Reads the subject heading, the people
 * Gmail marks with `email` / `data-hovercard-id`, and the message dates; never
 * message bodies or snippets.
 */
import type { PageContext } from '../../shared/schemas/page-context.ts';
import {
  cleanRef,
  decodeSegment,
  type ExtractOptions,
  guard,
  isHidden,
  MAX_TITLE,
  parseUrl,
  queryOutside,
  storedUrl,
  timeContext,
} from './context.ts';
import { googleSelfEmail } from './google-account.ts';
import { type ParticipantRole, PeopleCollector } from './people.ts';
import { attrOf, clean, firstOf, textOf } from './text.ts';
import { latestInstant } from './time.ts';

// Bodies (`.a3s`, `.ii`), quoted text, collapsed-message snippets (`.iA`, `.g6`)
// and reply boxes: free text anyone can put an address in.
const BODY = '.a3s, .ii, .gmail_quote, .iA, .g6, .y2, [contenteditable="true"], [role="textbox"]';
const PEOPLE = '[email], [data-hovercard-id]';
const DATES = '.g3';

// `#inbox/<id>` and other views whose first segment is the thread; views that
// take an argument (`#label/Work/<id>`, `#search/from%3Abob/<id>`) put it second.
const VIEWS_WITH_ARG = new Set(['label', 'search', 'category', 'advanced-search', 'create-filter']);
const NOT_THREADS = new Set(['settings', 'chat', 'spaces', 'calls', 'apps']);
const TOKEN_RE = /^[A-Za-z0-9_-]{16,200}$/;
const HEX_ID_RE = /^[0-9a-f]{12,20}$/i;
const PERM_ID_RE = /^thread-[af]:(\d{1,25})$/;

/** The open Gmail thread, or null on the inbox list, settings or a thread still loading. */
export function extractGmail(doc: Document, url: URL | string, options?: ExtractOptions): PageContext | null {
  return guard(() => {
    const page = parseUrl(url);
    if (!page) return null;
    const token = threadToken(page);
    if (!token) return null;
    const heading = threadHeading(doc, token);
    if (!heading) return null;
    const root = heading.closest('[role="main"]') ?? doc.body;
    if (!root) return null;

    const ref = cleanRef(threadId(heading) ?? token);
    if (!ref) return null;
    const selfEmail = googleSelfEmail(doc);
    const title = firstOf(textOf(heading, MAX_TITLE), subjectFromTitle(doc.title));
    const bodies = [...root.querySelectorAll(BODY)];

    return {
      site: 'gmail',
      kind: 'email-thread',
      ref,
      title,
      participants: people(root, bodies).list(selfEmail),
      occurredAt: latestMessageTime(root, bodies, doc, options),
      url: storedUrl(page),
    };
  });
}

/** The thread id in the URL, or null when the URL shows a list. */
function threadToken(url: URL): string | null {
  const th = url.searchParams.get('th');
  if (th && TOKEN_RE.test(th)) return th;
  const hash = url.hash.replace(/^#/, '').split('?')[0] ?? '';
  const parts = hash.split('/').filter(Boolean).map(decodeSegment);
  const view = parts[0];
  if (!view || NOT_THREADS.has(view)) return null;
  const minLength = VIEWS_WITH_ARG.has(view) ? 3 : 2;
  if (parts.length < minLength) return null;
  const last = parts[parts.length - 1]!;
  return TOKEN_RE.test(last) ? last : null;
}

/**
 * The subject heading of the open thread. Gmail keeps views it has left in the
 * DOM, hidden, so the heading must match the URL's id or at least be visible.
 */
function threadHeading(doc: Document, token: string): Element | null {
  const headings = doc.querySelectorAll('h2.hP');
  if (HEX_ID_RE.test(token)) {
    for (const h of headings) {
      if (h.getAttribute('data-legacy-thread-id')?.toLowerCase() === token.toLowerCase()) return h;
    }
  }
  for (let i = headings.length - 1; i >= 0; i--) {
    const h = headings[i]!;
    if (!isHidden(h)) return h;
  }
  return null;
}

/**
 * Gmail's hex thread id (the one the Gmail API uses). Preferred to the URL's
 * token because the same thread is linked both as `#inbox/18c9…` and as
 * `#inbox/FMfcg…`, and the ref must not depend on how the thread was opened.
 */
function threadId(heading: Element): string | null {
  const legacy = heading.getAttribute('data-legacy-thread-id')?.trim();
  if (legacy && HEX_ID_RE.test(legacy)) return legacy.toLowerCase();
  const perm = PERM_ID_RE.exec(heading.getAttribute('data-thread-perm-id')?.trim() ?? '');
  if (perm) return BigInt(perm[1]!).toString(16);
  return null;
}

function people(root: Element, bodies: Element[]): PeopleCollector {
  const roles = tableRoles(root);
  const collector = new PeopleCollector();
  for (const el of queryOutside(root, PEOPLE, bodies)) {
    const email = el.getAttribute('email') ?? el.getAttribute('data-hovercard-id');
    // Only Gmail's person spans carry a `name`; on avatars it is an element name like ":1x".
    const name = el.hasAttribute('email')
      ? firstOf(attrOf(el, 'name', 200), textOf(el, 200))
      : textOf(el, 200);
    collector.add(email, name, roles.has(el) ? roles.get(el) : classRole(el));
  }
  return collector;
}

/**
 * Roles from the details table ("from: / to: / cc:"), the only place Gmail
 * tells `to` from `cc`. The header line "to Bob, Carol" lumps them together,
 * so in a message with a table its names get no role of their own.
 */
function tableRoles(root: Element): Map<Element, ParticipantRole | undefined> {
  const roles = new Map<Element, ParticipantRole | undefined>();
  for (const row of root.querySelectorAll('.ajC tr')) {
    const role = rowRole(textOf(row.querySelector('.gG'), 20));
    for (const el of row.querySelectorAll(PEOPLE)) roles.set(el, role);
  }
  if (roles.size === 0) return roles;
  for (const message of root.querySelectorAll('.adn')) {
    if (!message.querySelector('.ajC [email]')) continue;
    for (const el of message.querySelectorAll('.g2')) if (!roles.has(el)) roles.set(el, undefined);
  }
  return roles;
}

function classRole(el: Element): ParticipantRole | undefined {
  const classes = el.classList;
  if (classes.contains('gD') || classes.contains('zF') || classes.contains('yP')) return 'from';
  return classes.contains('g2') ? 'to' : undefined;
}

function rowRole(label: string): ParticipantRole | undefined {
  switch (label.toLowerCase().replace(/:$/, '')) {
    case 'from':
      return 'from';
    case 'to':
      return 'to';
    case 'cc':
      return 'cc';
    default:
      return undefined;
  }
}

function latestMessageTime(
  root: Element,
  bodies: Element[],
  doc: Document,
  options: ExtractOptions | undefined,
): string | null {
  const texts = queryOutside(root, DATES, bodies).map((el) =>
    firstOf(
      attrOf(el, 'title', 120),
      attrOf(el, 'data-tooltip', 120),
      attrOf(el, 'aria-label', 120),
      textOf(el, 120),
    ),
  );
  return latestInstant(texts, timeContext(doc, options));
}

/** "Subject - me@example.com - Gmail" → "Subject". */
function subjectFromTitle(title: string): string {
  const match = /^(.*)\s-\s\S+@\S+\s-\s(?:Gmail|Google Mail)$/s.exec(title.trim());
  return match ? clean(match[1], MAX_TITLE) : '';
}
