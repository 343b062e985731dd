import type { InteractionInput, InteractionKind, Tag } from '../../shared/schemas/index.ts';
import type { PageContext } from '../../shared/schemas/page-context.ts';
import { uuidv7 } from '../../shared/uuid.ts';
import { type FollowUpPick, followUpAt } from './follow-up.ts';
import type { ContextMatch } from './local-match.ts';

/** What the log form holds. `manual` logs something outside the page (a call, say). */
export interface LogDraft {
  manual: boolean;
  title: string;
  tag: Tag | null;
  kind: InteractionKind;
  notes: string;
  followUp: FollowUpPick;
  followUpDate: string;
  awaitingReply: boolean;
  private: boolean;
  /** Manual logs: when it happened, as a `datetime-local` value (the browser's zone). */
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
    awaitingReply: false,
    private: false,
    when: '',
    accountId,
  };
}

/** A `datetime-local` value for an instant, in the browser's zone. */
export function toLocalInput(ms: number): string {
  const d = new Date(ms);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/**
 * The interaction a save records. From the page: its site, ref, url, time and
 * the matched contacts; by hand: `manual`, with the time the user gave.
 * Returns a plain-words problem instead when the draft cannot be saved.
 */
export function buildInteraction(
  draft: LogDraft,
  context: PageContext | null,
  match: ContextMatch | null,
  now: number,
  timeZone: string,
): InteractionInput | string {
  if (!draft.tag) return 'Pick tactical or strategic first.';
  const fromPage = !draft.manual && context !== null;
  const title = (draft.title.trim() || (fromPage ? context.title.trim() : '')).slice(0, 300);
  if (!title) return 'Give it a title.';
  let occurredAt = new Date(now).toISOString();
  if (fromPage && context.occurredAt) occurredAt = context.occurredAt;
  if (!fromPage && draft.when) {
    const ms = new Date(draft.when).getTime();
    if (Number.isNaN(ms)) return 'That time is not valid.';
    occurredAt = new Date(ms).toISOString();
  }
  let followUp: string | null = null;
  if (draft.followUp !== 'none') {
    followUp = followUpAt(draft.followUp, now, timeZone, draft.followUpDate);
    if (!followUp) return 'Pick a follow-up date.';
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
    kind: draft.kind,
    tag: draft.tag,
    title,
    notes: draft.notes.slice(0, 10_000),
    occurredAt,
    source: fromPage
      ? { site: context.site, ref: context.ref, url: context.url }
      : { site: 'manual', ref: null, url: null },
    followUpAt: followUp,
    awaitingReply: draft.awaitingReply,
    visibility: draft.private ? 'private' : 'team',
  };
}
