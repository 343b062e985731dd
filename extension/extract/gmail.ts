/**
 * Gmail thread view → page context. Reads the subject heading, the people
 * Gmail marks with `email` / `data-hovercard-id`, and the message dates; never
 * message bodies, quoted text or snippets, where a sender can plant anything.
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
  storedUrl,
} from './context.ts';
import { GMAIL_BODY, latestMessageTime, threadPeople } from './gmail-headers.ts';
import { googleAccount } from './google-account.ts';
import { clean, firstOf, textOf } from './text.ts';

// The subject heading sits above the messages; one inside a message is not Gmail's.
const NOT_HEADING = `${GMAIL_BODY}, [data-message-id], [data-legacy-message-id]`;
const HEADINGS = 'h2.hP, h2[data-legacy-thread-id], h2[data-thread-perm-id]';

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

    const ref = cleanRef(firstOf(threadId(heading), token));
    if (!ref) return null;
    const account = googleAccount(doc, GMAIL_BODY);
    const title = firstOf(textOf(heading, MAX_TITLE), subjectFromTitle(doc.title));
    const bodies = [...root.querySelectorAll(GMAIL_BODY)];

    return {
      site: 'gmail',
      kind: 'email-thread',
      ref,
      title,
      participants: threadPeople(root, bodies).list(account.email, account.name),
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
 * The subject heading of the open thread, never one inside a message. Gmail
 * keeps views it has left in the DOM, hidden, so the heading must match the
 * URL's id, or else be the last visible one.
 */
function threadHeading(doc: Document, token: string): Element | null {
  // The few h2s of the page, by tag (a fast lookup), then by what marks the subject.
  const headings = [...doc.getElementsByTagName('h2')].filter(
    (h) => h.matches(HEADINGS) && !h.closest(NOT_HEADING),
  );
  if (HEX_ID_RE.test(token)) {
    const id = token.toLowerCase();
    const match = headings.find((h) => h.getAttribute('data-legacy-thread-id')?.toLowerCase() === id);
    if (match) return match;
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
function threadId(heading: Element): string {
  const legacy = heading.getAttribute('data-legacy-thread-id')?.trim();
  if (legacy && HEX_ID_RE.test(legacy)) return legacy.toLowerCase();
  const perm = PERM_ID_RE.exec(heading.getAttribute('data-thread-perm-id')?.trim() ?? '');
  if (perm) return BigInt(perm[1]!).toString(16);
  return '';
}

/** "Subject - me@example.com - Gmail" → "Subject". */
function subjectFromTitle(title: string): string {
  const match = /^(.*)\s-\s[^-]*?\S+@\S+\s-\s(?:Gmail|Google Mail)$/s.exec(title.trim());
  return match ? clean(match[1], MAX_TITLE) : '';
}
