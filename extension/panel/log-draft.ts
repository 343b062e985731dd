import type { InteractionInput, InteractionKind, Tag } from '../../shared/schemas/index.ts';
import type { PageContext } from '../../shared/schemas/page-context.ts';
import { localDateTimeToInstant } from '../../shared/time/local-day.ts';
import { getZonedDateTime } from '../../shared/time/zone.ts';
import { uuidv7 } from '../../shared/uuid.ts';
import { type FollowUpPick, followUpAt } from './follow-up.ts';
import type { ContextMatch } from './local-match.ts';

/** A follow-up quick pick, or `keep`: an edit leaves the follow-up it already has. */
export type FollowUpChoice = FollowUpPick | 'keep';

/** What the log form (and the editor of a logged row) holds. `manual` logs something outside the page (a call, say). */
export interface LogDraft {
  manual: boolean;
  title: string;
  tag: Tag | null;
  kind: InteractionKind;
  notes: string;
  followUp: FollowUpChoice;
  followUpDate: string;
  /** The follow-up an edited interaction already has, which `keep` keeps. */
  keptFollowUpAt: string | null;
  awaitingReply: boolean;
  private: boolean;
  /** When it happened, as a `datetime-local` value read in the user's zone. */
  when: string;
  accountId: string | null;
}

/** The kind a page suggests: a calendar event is a meeting, a thread an email. */
export function kindOf(context: PageContext | null): InteractionKind {
  return context?.kind === 'calendar-event' ? 'meeting' : context ? 'email' : 'call';
}

export function emptyDraft(context: PageContext | null, accountId: string | null): LogDraft {
  return {
    manual: context === null,
    title: context?.title ?? '',
    tag: null,
    kind: kindOf(context),
    notes: '',
    followUp: 'none',
    followUpDate: '',
    keptFollowUpAt: null,
    awaitingReply: false,
    private: false,
    when: '',
    accountId,
  };
}

const pad = (n: number) => String(n).padStart(2, '0');

/** A `datetime-local` value for an instant, on the wall clock of `timeZone`. */
export function toLocalInput(ms: number | string, timeZone: string): string {
  const d = getZonedDateTime(ms, timeZone);
  return `${d.year}-${pad(d.month)}-${pad(d.day)}T${pad(d.hour)}:${pad(d.minute)}`;
}

/** The instant a `datetime-local` value means on the wall clock of `timeZone`, or null when it is not one. */
export function fromLocalInput(value: string, timeZone: string): string | null {
  const m = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})(?::\d{2}(?:\.\d+)?)?$/.exec(value);
  if (!m) return null;
  try {
    const ms = localDateTimeToInstant(m[1]!, m[2]!, timeZone);
    return Number.isFinite(ms) ? new Date(ms).toISOString() : null;
  } catch {
    return null;
  }
}

/** The draft that edits an interaction already logged. */
export function draftOf(i: InteractionInput, timeZone: string): LogDraft {
  return {
    manual: i.source.site === 'manual',
    title: i.title,
    tag: i.tag,
    kind: i.kind,
    notes: i.notes,
    followUp: i.followUpAt ? 'keep' : 'none',
    followUpDate: '',
    keptFollowUpAt: i.followUpAt,
    awaitingReply: i.awaitingReply,
    private: i.visibility === 'private',
    when: toLocalInput(i.occurredAt, timeZone),
    accountId: i.accountId,
  };
}

/** The fields every save takes from the draft; a plain-words problem when it cannot be saved. */
function common(draft: LogDraft, now: number, timeZone: string) {
  if (!draft.tag) return 'Pick tactical or strategic first.';
  let followUp: string | null = null;
  if (draft.followUp === 'keep') followUp = draft.keptFollowUpAt;
  else if (draft.followUp !== 'none') {
    followUp = followUpAt(draft.followUp, now, timeZone, draft.followUpDate);
    if (!followUp) return 'Pick a follow-up date.';
  }
  return {
    tag: draft.tag,
    kind: draft.kind,
    notes: draft.notes.slice(0, 10_000),
    followUpAt: followUp,
    awaitingReply: draft.awaitingReply,
    visibility: draft.private ? ('private' as const) : ('team' as const),
  };
}

/**
 * The interaction a save records. From the page: its site, ref, url, time and
 * the matched contacts; by hand: `manual`, with the time the user gave (read
 * in their zone). Returns a plain-words problem instead when the draft cannot be saved.
 */
export function buildInteraction(
  draft: LogDraft,
  context: PageContext | null,
  match: ContextMatch | null,
  now: number,
  timeZone: string,
): InteractionInput | string {
  const fields = common(draft, now, timeZone);
  if (typeof fields === 'string') return fields;
  const fromPage = !draft.manual && context !== null;
  const title = (draft.title.trim() || (fromPage ? context.title.trim() : '')).slice(0, 300);
  if (!title) return 'Give it a title.';
  let occurredAt = new Date(now).toISOString();
  if (fromPage && context.occurredAt) occurredAt = context.occurredAt;
  if (!fromPage && draft.when) {
    const at = fromLocalInput(draft.when, timeZone);
    if (!at) return 'That time is not valid.';
    occurredAt = at;
  }
  const contactIds = fromPage
    ? [
        ...new Set(
          (match?.people ?? []).flatMap((p) => (p.contact && !p.participant.isSelf ? [p.contact.id] : [])),
        ),
      ]
    : [];
  return {
    id: uuidv7(now),
    accountId: draft.accountId,
    contactIds: contactIds.slice(0, 50),
    title,
    occurredAt,
    source: fromPage
      ? { site: context.site, ref: context.ref, url: context.url }
      : { site: 'manual', ref: null, url: null },
    ...fields,
  };
}

/**
 * An edit of a logged interaction: the same id, source and contacts, with
 * everything the editor shows replaced (the time read in the user's zone).
 */
export function buildEdit(
  draft: LogDraft,
  original: InteractionInput,
  now: number,
  timeZone: string,
): InteractionInput | string {
  const fields = common(draft, now, timeZone);
  if (typeof fields === 'string') return fields;
  const title = draft.title.trim().slice(0, 300);
  if (!title) return 'Give it a title.';
  const occurredAt = draft.when ? fromLocalInput(draft.when, timeZone) : original.occurredAt;
  if (!occurredAt) return 'That time is not valid.';
  return {
    id: original.id,
    accountId: draft.accountId,
    contactIds: original.contactIds,
    title,
    occurredAt,
    source: original.source,
    ...fields,
  };
}

/** The input fields of a stored interaction: what a put needs to write it back as it was. */
export function inputOf(i: InteractionInput): InteractionInput {
  return {
    id: i.id,
    accountId: i.accountId,
    contactIds: i.contactIds,
    kind: i.kind,
    tag: i.tag,
    title: i.title,
    notes: i.notes,
    occurredAt: i.occurredAt,
    source: i.source,
    followUpAt: i.followUpAt,
    awaitingReply: i.awaitingReply,
    visibility: i.visibility,
  };
}
