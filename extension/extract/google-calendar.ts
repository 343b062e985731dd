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
import { googleAccount } from './google-account.ts';
import { eventGuests, GCAL_BODY } from './google-calendar-guests.ts';
import { attrOf, clean, firstOf, textOf } from './text.ts';
import { type ParsedRange, parseRange, type TimeContext, wallToInstant } from './time.ts';
import { scanForTime } from './time-scan.ts';

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
const TITLE_INPUTS = ['Title', 'Add title', 'Titel', 'Titel hinzufügen', 'Titre', 'Ajouter un titre']
  .map((label) => `input[aria-label="${label}"]`)
  .join(', ');

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
    const account = googleAccount(doc, GCAL_BODY);
    return {
      site: 'google-calendar',
      kind: 'calendar-event',
      ref: view.ref,
      title: view.title,
      participants: eventGuests(view.root).list(account.email, account.name),
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

/** The details dialog: its id, title and time, each by the first strategy that yields one. */
function detailsDialog(doc: Document, tctx: TimeContext): EventView | null {
  let holder: Element | undefined;
  for (const selector of DIALOGS) {
    holder = queryOutside(doc, selector, GCAL_BODY).find((el) => !isHidden(el));
    if (holder) break;
  }
  if (!holder) return null;
  const eventId = holder.getAttribute('data-eventid') ?? '';
  const ref = cleanRef(eventId);
  if (!ref) return null;
  const root = holder.closest('[role="dialog"]') ?? holder;
  const heading = dialogHeading(doc, root);
  const title = textOf(heading, MAX_TITLE);
  const time =
    firstRange(queryOutside(root, '.AzuXid', GCAL_BODY), tctx) ??
    firstRange(
      [heading?.parentElement?.nextElementSibling, ...queryOutside(root, '#xDetDlgWhen', GCAL_BODY)],
      tctx,
    ) ??
    // The event's chip in the grid says the same with the year spelled out.
    chipTime(doc, eventId, tctx) ??
    asRange(scanForTime(root, GCAL_BODY, heading, tctx), tctx);
  return { root, ref, title, time };
}

function dialogHeading(doc: Document, root: Element): Element | null {
  const labelled = root.getAttribute('aria-labelledby');
  const byLabel = labelled ? doc.getElementById(labelled) : null;
  return (
    queryOutside(root, '#rAECCd', GCAL_BODY)[0] ??
    (byLabel && root.contains(byLabel) && !byLabel.closest(GCAL_BODY) ? byLabel : null) ??
    queryOutside(root, '[role="heading"]', GCAL_BODY)[0] ??
    null
  );
}

function firstRange(lines: Iterable<Element | null | undefined>, tctx: TimeContext): ParsedRange | null {
  for (const line of lines) {
    const time = line && !line.closest(GCAL_BODY) ? parseRange(textOf(line, 200), tctx) : null;
    if (time) return time;
  }
  return null;
}

function asRange(wall: ReturnType<typeof scanForTime>, tctx: TimeContext): ParsedRange | null {
  const start = wall ? wallToInstant(wall.start, tctx.timeZone) : null;
  if (!wall || !start) return null;
  return {
    start,
    end: wall.end === null ? null : wallToInstant(wall.end, tctx.timeZone),
    allDay: wall.allDay,
  };
}

function chipTime(doc: Document, eventId: string, tctx: TimeContext): ParsedRange | null {
  for (const chip of doc.querySelectorAll('[role="button"][data-eventid]')) {
    if (chip.getAttribute('data-eventid') !== eventId || chip.closest(GCAL_BODY)) continue;
    const label = firstOf(textOf(chip.querySelector('.XuJrye'), 300), attrOf(chip, 'aria-label', 300));
    const time = parseRange(label, tctx);
    if (time) return time;
  }
  return null;
}

const labelled = (labels: string[], key: string) =>
  [...labels.map((l) => `[aria-label="${l}"]`), `[data-key="${key}"]`].join(', ');
const START_DATE = labelled(['Start date', 'Startdatum', 'Date de début'], 'startDate');
const END_DATE = labelled(['End date', 'Enddatum', 'Date de fin'], 'endDate');
const START_TIME = labelled(['Start time', 'Startzeit', 'Heure de début'], 'startTime');
const END_TIME = labelled(['End time', 'Endzeit', 'Heure de fin'], 'endTime');
const ALL_DAY = ['All day', 'Ganztägig', 'Toute la journée']
  .map((l) => `input[type="checkbox"][aria-label="${l}"]`)
  .join(', ');

function editPage(doc: Document, eventId: string, tctx: TimeContext): EventView | null {
  const ref = cleanRef(eventId);
  if (!ref) return null;
  const root = queryOutside(doc, '[role="main"]', GCAL_BODY)[0] ?? doc.body;
  if (!root) return null;
  const field = (selector: string) => queryOutside(root, selector, GCAL_BODY)[0] ?? null;
  const titleInput = queryOutside(root, `${TITLE_INPUTS}, [data-key="title"]`, GCAL_BODY)[0] ?? null;
  const title = firstOf(inputText(titleInput, MAX_TITLE), textOf(titleInput, MAX_TITLE));

  // Labelled fields first; else the date inputs in order, whose `data-date` needs no language.
  const dated = queryOutside(root, 'input[data-date]', GCAL_BODY);
  const startDate = firstOf(dateField(field(START_DATE)), dateField(dated[0]));
  const endDate = firstOf(dateField(field(END_DATE)), dateField(dated[1]), startDate);
  const allDay = (field(ALL_DAY) as HTMLInputElement | null)?.checked ?? false;
  const startTime = allDay ? '' : fieldText(field(START_TIME), 40);
  const endTime = allDay ? '' : fieldText(field(END_TIME), 40);
  const time = startDate ? parseRange(`${startDate} ${startTime} – ${endDate} ${endTime}`, tctx) : null;
  return { root, ref, title, time };
}

/** A date field: its `data-date` (YYYYMMDD) when present, else its printed value. */
function dateField(el: Element | null | undefined): string {
  const compact = /^(\d{4})(\d{2})(\d{2})$/.exec(el?.getAttribute('data-date') ?? '');
  if (compact) return `${compact[1]}-${compact[2]}-${compact[3]}`;
  return fieldText(el ?? null, 100);
}

function fieldText(el: Element | null, max: number): string {
  return firstOf(inputText(el, max), textOf(el, max));
}

function inputText(el: Element | null, max: number): string {
  return el?.tagName === 'INPUT' ? clean((el as HTMLInputElement).value, max) : '';
}

function viewDate(url: URL): TimeContext['near'] {
  const m = VIEW_DATE_RE.exec(url.pathname);
  return m ? { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) } : undefined;
}
