/** Outlook on the web, mail reading pane → page context. */
import type { PageContext } from '../../shared/schemas/page-context.ts';
import {
  cleanRef,
  decodeSegment,
  type ExtractOptions,
  firstValue,
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
import { attrOf, firstOf, textOf } from './text.ts';
import { latestInstant } from './time.ts';

const READING_PANE =
  '#ReadingPaneContainerId, [data-app-section="MailReadCompose"], #ConversationReadingPaneContainer, [role="main"][aria-label="Reading Pane"]';
const SUBJECT = [
  '[data-app-section="ConversationTopic"] [title]',
  '[role="heading"] .JdFsz, .JdFsz',
  '[role="heading"][aria-level="2"]',
  '[role="heading"][aria-level="1"]',
];
const WELLS = wellSelector(['from', 'von', 'de', 'to', 'an', 'à', 'cc', 'bcc', 'cci']);
const SENT_TIME = '[data-testid="SentReceivedSavedTime"]';
// `/mail/inbox/id/<id>`, `/mail/0/id/<id>`, `/mail/deeplink/read/<id>`.
const ID_PATH_RE = /\/(?:id|read)\/([^/?#]+)/;

/** The message or conversation open in the reading pane, or null. */
export function outlookMail(
  doc: Document,
  page: URL,
  options: ExtractOptions | undefined,
): PageContext | null {
  // A message opened on its own (`/mail/deeplink/read/<id>`) has no reading pane around it.
  const root =
    queryOutside(doc, READING_PANE, OUTLOOK_BODY)[0] ??
    (ID_PATH_RE.test(page.pathname) ? queryOutside(doc, '[role="main"]', OUTLOOK_BODY)[0] : null);
  if (!root) return null;
  const ref = conversationRef(doc, root, page);
  if (!ref) return null;

  const title =
    firstValue(root, SUBJECT, OUTLOOK_BODY, (el) =>
      firstOf(attrOf(el, 'title', MAX_TITLE), textOf(el, MAX_TITLE)),
    )?.value ?? '';
  const people = new PeopleCollector();
  for (const well of queryOutside(root, WELLS, OUTLOOK_BODY)) {
    addWell(well, wellRole(well.getAttribute('aria-label') ?? ''), people);
  }
  // Wells labelled in a language the extractor does not know: the persona spans still carry addresses.
  if (people.size === 0) addPersonas(personas(root), undefined, people);
  if (!title && people.size === 0) return null;

  const times = queryOutside(root, SENT_TIME, OUTLOOK_BODY).map((el) => [
    attrOf(el, 'title', 120),
    textOf(el, 120),
  ]);
  const account = outlookAccount(doc);
  return {
    site: 'outlook-mail',
    kind: 'email-thread',
    ref,
    title,
    participants: people.list(account.email, account.name),
    occurredAt: latestInstant(times, timeContext(doc, options)),
    url: storedUrl(page),
  };
}

/**
 * The conversation id the reading pane carries, else the id in the URL. The
 * URL holds a message id when conversations are off, and the ref should name
 * the conversation however it was opened.
 */
function conversationRef(doc: Document, root: Element, page: URL): string | null {
  const fromPane = queryOutside(root, '[data-convid]', OUTLOOK_BODY)[0]?.getAttribute('data-convid');
  if (fromPane) return cleanRef(fromPane);
  const inPath = ID_PATH_RE.exec(page.pathname)?.[1];
  if (inPath) return cleanRef(decodeSegment(inPath));
  const itemId = page.searchParams.get('ItemID');
  if (itemId) return cleanRef(itemId);
  const selected = queryOutside(doc, '[role="option"][aria-selected="true"][data-convid]', OUTLOOK_BODY)[0];
  return cleanRef(selected?.getAttribute('data-convid'));
}
