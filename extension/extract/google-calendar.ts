/**
 * Google Calendar → page context, from the event details dialog or the full
 * event edit page. Reads the title, the printed time and the guest list;
 * never the description.
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
import { normalizeEmail, PeopleCollector } from './people.ts';
import { attrOf, clean, firstOf, textOf } from './text.ts';
import { type ParsedRange, parseRange, type TimeContext } from './time.ts';

const EDIT_PATH_RE = /\/r\/eventedit\/([^/?#]+)/;
const VIEW_DATE_RE =
  /\/r\/(?:day|week|month|year|customday|customweek|agenda|schedule)\/(\d{4})\/(\d{1,2})\/(\d{1,2})/;
// Most specific first. Event chips are `[role="button"][data-eventid]`, also
// inside the "+3 more" popover, which is a dialog but not an event's details.
const DIALOGS = [
  '#xDetDlg[data-eventid]',
  '[role="dialog"][data-eventid]',
  '[role="dialog"] [data-eventid]:not([role="button"])',
];
// The description and its editor: free text anyone can put an address in.
const BODY =
  '#xDetDlgDesc, [id^="xDescIn"], [aria-label="Description"], [contenteditable="true"], [role="textbox"]';
const GUEST_LIST = '#xDetDlgAtt, [aria-label="Guests"], [aria-label="Guest list"]';
const GUESTS = '[data-email], [data-hovercard-id]';
const RESOURCE_RE = /@resource\.calendar\.google\.com$/i;
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
]);

/** The open event, or null when no event dialog or edit page is showing. */
export function extractGoogleCalendar(
  doc: Document,
  url: URL | string,
  options?: ExtractOptions,
): PageContext | null {
  return guard(() => {
    const page = parseUrl(url);
    if (!page) return null;
    const tctx = timeContext(doc, options, viewDate(page));
    const edit = EDIT_PATH_RE.exec(page.pathname);
    const view = edit ? editPage(doc, decodeSegment(edit[1]!), tctx) : detailsDialog(doc, tctx);
    // A dialog or form still rendering shows neither.
    if (!view || (!view.title && !view.time)) return null;
    return {
      site: 'google-calendar',
      kind: 'calendar-event',
      ref: view.ref,
      title: view.title,
      participants: guests(view.root).list(googleSelfEmail(doc)),
      occurredAt: view.time?.start ?? null,
      endsAt: view.time?.end ?? null,
      url: storedUrl(page),
    };
  });
}

interface EventView {
  root: Element;
  ref: string;
  title: string;
  time: ParsedRange | null;
}

function detailsDialog(doc: Document, tctx: TimeContext): EventView | null {
  let holder: Element | undefined;
  for (const selector of DIALOGS) {
    holder = [...doc.querySelectorAll(selector)].find((el) => !isHidden(el));
    if (holder) break;
  }
  if (!holder) return null;
  const eventId = holder.getAttribute('data-eventid') ?? '';
  const ref = cleanRef(eventId);
  if (!ref) return null;
  const root = holder.closest('[role="dialog"]') ?? holder;
  const labelled = root.getAttribute('aria-labelledby');
  const heading =
    root.querySelector('#rAECCd') ??
    (labelled ? doc.getElementById(labelled) : null) ??
    queryOutside(root, '[role="heading"]', BODY)[0];
  const title = textOf(heading, MAX_TITLE);

  let time: ParsedRange | null = null;
  for (const line of [...queryOutside(root, '.AzuXid', BODY), heading?.parentElement?.nextElementSibling]) {
    time = line ? parseRange(textOf(line, 200), tctx) : null;
    if (time) break;
  }
  // The event's chip in the grid says the same with the year spelled out.
  time ??= chipTime(doc, eventId, tctx);
  return { root, ref, title, time };
}

function chipTime(doc: Document, eventId: string, tctx: TimeContext): ParsedRange | null {
  for (const chip of doc.querySelectorAll('[role="button"][data-eventid]')) {
    if (chip.getAttribute('data-eventid') !== eventId) continue;
    const label = firstOf(textOf(chip.querySelector('.XuJrye'), 300), attrOf(chip, 'aria-label', 300));
    const time = parseRange(label, tctx);
    if (time) return time;
  }
  return null;
}

function editPage(doc: Document, eventId: string, tctx: TimeContext): EventView | null {
  const ref = cleanRef(eventId);
  if (!ref) return null;
  const root = doc.querySelector('[role="main"]') ?? doc.body;
  if (!root) return null;
  const titleInput = root.querySelector(
    'input[aria-label="Title"], input[aria-label="Add title"], [data-key="title"]',
  );
  const title = firstOf(inputText(titleInput, MAX_TITLE), textOf(titleInput, MAX_TITLE));

  const startDate = dateField(root, 'Start date', 'startDate');
  const endDate = firstOf(dateField(root, 'End date', 'endDate'), startDate);
  const allDay =
    root.querySelector<HTMLInputElement>('input[type="checkbox"][aria-label="All day"]')?.checked ?? false;
  const startTime = allDay ? '' : timeField(root, 'Start time', 'startTime');
  const endTime = allDay ? '' : timeField(root, 'End time', 'endTime');
  const time = startDate ? parseRange(`${startDate} ${startTime} – ${endDate} ${endTime}`, tctx) : null;
  return { root, ref, title, time };
}

/** A date field: its `data-date` (YYYYMMDD) when present, else its printed value. */
function dateField(root: Element, label: string, key: string): string {
  const el = root.querySelector(`[aria-label="${label}"], [data-key="${key}"]`);
  const compact = /^(\d{4})(\d{2})(\d{2})$/.exec(el?.getAttribute('data-date') ?? '');
  if (compact) return `${compact[1]}-${compact[2]}-${compact[3]}`;
  return firstOf(inputText(el, 100), textOf(el, 100));
}

function timeField(root: Element, label: string, key: string): string {
  const el = root.querySelector(`[aria-label="${label}"], [data-key="${key}"]`);
  return firstOf(inputText(el, 40), textOf(el, 40));
}

function inputText(el: Element | null, max: number): string {
  return el?.tagName === 'INPUT' ? clean((el as HTMLInputElement).value, max) : '';
}

function guests(root: Element): PeopleCollector {
  const collector = new PeopleCollector();
  const list = root.querySelector(GUEST_LIST) ?? root;
  for (const el of queryOutside(list, GUESTS, BODY)) {
    const email = el.getAttribute('data-email') ?? el.getAttribute('data-hovercard-id');
    // Rooms and other resources are booked as guests but are not people.
    if (email && RESOURCE_RE.test(email)) continue;
    const label = attrOf(el, 'aria-label', 400);
    const tokens = label.split(/,\s*/).filter(Boolean);
    const isOrganizer =
      tokens.some((t) => /^organi[sz]er$/i.test(t)) ||
      [...el.querySelectorAll('div, span')].some(isOrganizerBadge);
    const labelName = tokens
      .filter((t) => !STATUS_WORDS.has(t.toLowerCase()) && !normalizeEmail(t))
      .join(', ');
    const name = firstOf(labelName, textOf(el.querySelector('span'), 200));
    collector.add(email, name, isOrganizer ? 'organizer' : 'attendee');
  }
  return collector;
}

function isOrganizerBadge(el: Element): boolean {
  return el.childElementCount === 0 && /^organi[sz]er$/i.test(el.textContent?.trim() ?? '');
}

function viewDate(url: URL): TimeContext['near'] {
  const m = VIEW_DATE_RE.exec(url.pathname);
  return m ? { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) } : undefined;
}
