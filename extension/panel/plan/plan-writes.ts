import type {
  CommitmentInput,
  CommitmentSide,
  ConflictInput,
  InteractionInput,
  MeasurementInput,
  MilestoneInput,
  MutationArgs,
  MutationName,
  PlanInput,
  ReviewInput,
  Role,
  Severity,
} from '../../../shared/schemas/index.ts';
import type { PageContext } from '../../../shared/schemas/page-context.ts';
import { formatLocalDate, parseLocalDate } from '../../../shared/time/civil-date.ts';
import { toLocalDate } from '../../../shared/time/local-day.ts';
import { uuidv7 } from '../../../shared/uuid.ts';
import { type Db, type LocalAccount, type LocalInteraction, REPLICA_STORES } from '../../lib/db.ts';
import { enqueueIn } from '../../lib/outbox.ts';
import type { LocalCommitment, LocalConflict, LocalMilestone } from '../../lib/plan-replica.ts';
import { followUpAt } from '../follow-up.ts';
import type { ContextMatch } from '../local-match.ts';
import { buildInteraction, emptyDraft } from '../log-draft.ts';

// The writes of the plan section. Each is built from a form's values (a plain-words problem
// when it cannot be saved) and saved with the open thread's interaction, through the outbox.

/** The open thread or event, as a plan record links to it. */
export interface ThreadLink {
  context: PageContext | null;
  match: ContextMatch | null;
  /** The user's latest log of the open thread, if it was logged. */
  logged: LocalInteraction | null;
  accountId: string;
  timeZone: string;
}

/**
 * The interaction a plan record is saved with: the user's log of the open thread when there is
 * one, else a new strategic log of it (plan work is strategic work), written in the same
 * transaction; nothing when no thread or event is open.
 */
export function interactionFor(
  link: ThreadLink,
  now: number,
): { id: string | null; create: InteractionInput | null } {
  if (link.logged) return { id: link.logged.id, create: null };
  if (!link.context) return { id: null, create: null };
  const draft = { ...emptyDraft(link.context, link.accountId), tag: 'strategic' as const };
  const built = buildInteraction(draft, link.context, link.match, now, link.timeZone);
  return typeof built === 'string' ? { id: null, create: null } : { id: built.id, create: built };
}

/** One queued write. */
export type PlanWrite = { [N in MutationName]: { name: N; args: MutationArgs<N> } }[MutationName];

/**
 * Saves plan writes with the thread's interaction (logged first when new) in one IndexedDB
 * transaction, so the record never exists without the log it points to. Works offline;
 * sync pushes them in this order.
 */
export async function saveLinked(
  db: Db,
  userId: string,
  create: InteractionInput | null,
  writes: PlanWrite[],
  now = Date.now(),
): Promise<void> {
  const tx = db.transaction(['meta', 'outbox', ...REPLICA_STORES], 'readwrite');
  const at = new Date(now);
  if (create) await enqueueIn(tx, 'interaction.put', create, userId, at);
  for (const w of writes) await enqueueIn(tx, w.name, w.args as never, userId, at);
  await tx.done;
}

/** The day a page's thread or event happened, in the user's zone; today without one. */
export function threadDay(context: PageContext | null, timeZone: string, now: number): string {
  return toLocalDate(context?.occurredAt ?? now, timeZone);
}

/** Whether the user may write the plan and objectives of an account (design §14). */
export function mayPlan(account: Pick<LocalAccount, 'ownerId'>, role: Role, userId: string): boolean {
  return role !== 'member' || account.ownerId === null || account.ownerId === userId;
}

/** Whether the user may change a record someone recorded: its author, the account's owner, managers, admins. */
export function mayChange(
  record: { createdBy: string },
  account: Pick<LocalAccount, 'ownerId'>,
  role: Role,
  userId: string,
): boolean {
  return mayPlan(account, role, userId) || record.createdBy === userId;
}

/** A KPI value as people type it: `1,234.5`, `12,5`, `98 %`; null when it is not a number. */
export function parseKpiValue(text: string): number | null {
  let t = text.trim().replace(/[\s\u00a0\u202f%]/g, '');
  if (t === '') return null;
  // One comma and no dot is a decimal comma; otherwise commas group thousands.
  t = /^[-+]?\d*,\d+$/.test(t) ? t.replace(',', '.') : t.replace(/,(?=\d{3}(\D|$))/g, '');
  if (!/^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i.test(t)) return null;
  const v = Number(t);
  return Number.isFinite(v) && Math.abs(v) <= 1e12 ? v : null;
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** A new KPI reading. */
export function buildMeasurement(
  f: { objectiveId: string; value: string; measuredOn: string; note: string },
  interactionId: string | null,
  now: number,
): MeasurementInput | string {
  if (!f.objectiveId) return 'Pick the objective it measures.';
  const value = parseKpiValue(f.value);
  if (value === null) return 'Give the value as a number, e.g. 92.5.';
  if (!DATE.test(f.measuredOn)) return 'Give the day it was measured.';
  return {
    id: uuidv7(now),
    objectiveId: f.objectiveId,
    value,
    measuredOn: f.measuredOn,
    note: f.note.slice(0, 10_000),
    interactionId,
  };
}

/** A review held in the open meeting, with both sides' ratings (theirs may be missing). */
export function buildReview(
  f: {
    accountId: string;
    heldOn: string;
    ourRating: number;
    theirRating: number | null;
    worked: string;
    change: string;
    decisions: string;
  },
  interactionId: string | null,
  now: number,
): ReviewInput | string {
  if (!DATE.test(f.heldOn)) return 'Give the day the review was held.';
  const rating = (r: number) => Number.isInteger(r) && r >= 1 && r <= 5;
  if (!rating(f.ourRating)) return 'Rate the relationship from 1 to 5.';
  if (f.theirRating !== null && !rating(f.theirRating)) return 'Their rating runs from 1 to 5.';
  return {
    id: uuidv7(now),
    accountId: f.accountId,
    heldOn: f.heldOn,
    ourRating: f.ourRating,
    theirRating: f.theirRating,
    worked: f.worked.slice(0, 10_000),
    change: f.change.slice(0, 10_000),
    decisions: f.decisions.slice(0, 10_000),
    interactionId,
  };
}

const milestoneInput = (m: LocalMilestone): MilestoneInput => ({
  id: m.id,
  accountId: m.accountId,
  title: m.title,
  dueOn: m.dueOn,
  achievedOn: m.achievedOn,
  celebratedOn: m.celebratedOn,
  lesson: m.lesson,
  interactionId: m.interactionId,
});

/**
 * A milestone reached on `achievedOn`: a planned one (it keeps the thread it was planned in,
 * else takes this one), or a new one named here.
 */
export function buildMilestoneReached(
  f: {
    accountId: string;
    milestone: LocalMilestone | null;
    title: string;
    achievedOn: string;
    lesson: string;
  },
  interactionId: string | null,
  now: number,
): MilestoneInput | string {
  if (!DATE.test(f.achievedOn)) return 'Give the day it was reached.';
  const lesson = f.lesson.slice(0, 10_000);
  if (f.milestone) {
    const m = milestoneInput(f.milestone);
    const celebratedOn = m.celebratedOn !== null && m.celebratedOn < f.achievedOn ? null : m.celebratedOn;
    return {
      ...m,
      achievedOn: f.achievedOn,
      celebratedOn,
      lesson: lesson || m.lesson,
      interactionId: m.interactionId ?? interactionId,
    };
  }
  const title = f.title.trim().slice(0, 200);
  if (!title) return 'Name the milestone.';
  return {
    id: uuidv7(now),
    accountId: f.accountId,
    title,
    dueOn: null,
    achievedOn: f.achievedOn,
    celebratedOn: null,
    lesson,
    interactionId,
  };
}

/** Quick picks for a commitment's due date (design §6's follow-up picks, as days). */
export const DUE_PICKS = [
  { value: 'tomorrow', label: 'Tomorrow' },
  { value: '3-business-days', label: 'In 3 business days' },
  { value: 'next-week', label: 'Next week' },
  { value: '2-weeks', label: 'In 2 weeks' },
  { value: 'end-of-month', label: 'End of month' },
  { value: 'date', label: 'On a date…' },
] as const;
export type DuePick = (typeof DUE_PICKS)[number]['value'];

/** The `YYYY-MM-DD` a due quick pick means in the user's zone; null for an unusable date. */
export function dueOnFor(pick: DuePick, now: number, timeZone: string, date = ''): string | null {
  if (pick === 'date') return DATE.test(date) ? date : null;
  if (pick === 'end-of-month') {
    const [y, m] = toLocalDate(now, timeZone).split('-').map(Number) as [number, number];
    const firstOfNext = m === 12 ? `${y + 1}-01-01` : `${y}-${String(m + 1).padStart(2, '0')}-01`;
    return formatLocalDate(parseLocalDate(firstOfNext) - 1);
  }
  const at = followUpAt(pick, now, timeZone);
  return at ? toLocalDate(at, timeZone) : null;
}

/** A promise noted in the thread: ours names its owner on our side, theirs the contact who made it. */
export function buildCommitment(
  f: {
    accountId: string;
    side: CommitmentSide;
    ownerId: string;
    contactId: string;
    what: string;
    dueOn: string | null;
  },
  interactionId: string | null,
  now: number,
): CommitmentInput | string {
  const what = f.what.trim().slice(0, 500);
  if (!what) return 'Say what was promised.';
  if (f.side === 'ours' && !f.ownerId) return 'Pick who on our side delivers it.';
  if (f.side === 'theirs' && !f.contactId) return 'Pick the contact who promised it.';
  if (!f.dueOn || !DATE.test(f.dueOn)) return 'Pick a due date.';
  return {
    id: uuidv7(now),
    accountId: f.accountId,
    side: f.side,
    ownerId: f.side === 'ours' ? f.ownerId : null,
    contactId: f.side === 'theirs' ? f.contactId : null,
    what,
    dueOn: f.dueOn,
    state: 'open',
    closedOn: null,
    interactionId,
  };
}

/** A commitment closed as kept or broken on `closedOn`; it keeps the thread it was made in. */
export function closeCommitment(
  c: LocalCommitment,
  state: 'kept' | 'broken',
  closedOn: string,
  interactionId: string | null,
): CommitmentInput {
  return {
    id: c.id,
    accountId: c.accountId,
    side: c.side,
    ownerId: c.ownerId,
    contactId: c.contactId,
    what: c.what,
    dueOn: c.dueOn,
    state,
    closedOn,
    interactionId: c.interactionId ?? interactionId,
  };
}

/** A conflict raised in the thread: it starts at level 1 of the plan's ladder. */
export function buildConflict(
  f: { accountId: string; title: string; severity: Severity; ownerId: string; openedOn: string },
  interactionId: string | null,
  now: number,
): ConflictInput | string {
  const title = f.title.trim().slice(0, 200);
  if (!title) return 'Say what the conflict is about.';
  if (!f.ownerId) return 'Pick who on our side handles it.';
  if (!DATE.test(f.openedOn)) return 'Give the day it was raised.';
  return {
    id: uuidv7(now),
    accountId: f.accountId,
    title,
    severity: f.severity,
    level: 1,
    ownerId: f.ownerId,
    openedOn: f.openedOn,
    state: 'open',
    resolution: '',
    resolvedOn: null,
    lesson: '',
    interactionId,
  };
}

/** A conflict resolved on `resolvedOn` with its resolution and lesson; it keeps the thread it was raised in. */
export function resolveConflict(
  c: LocalConflict,
  f: { resolution: string; lesson: string; resolvedOn: string },
  interactionId: string | null,
): ConflictInput | string {
  const resolution = f.resolution.trim().slice(0, 10_000);
  if (!resolution) return 'Say how it was resolved.';
  if (!DATE.test(f.resolvedOn)) return 'Give the day it was resolved.';
  if (f.resolvedOn < c.openedOn) return `It was raised on ${c.openedOn}; it cannot be resolved before.`;
  return {
    id: c.id,
    accountId: c.accountId,
    title: c.title,
    severity: c.severity,
    level: c.level,
    ownerId: c.ownerId,
    openedOn: c.openedOn,
    state: 'resolved',
    resolution,
    resolvedOn: f.resolvedOn,
    lesson: f.lesson.trim().slice(0, 10_000),
    interactionId: c.interactionId ?? interactionId,
  };
}

/** A new active plan for an account, starting today, reviewed at the org's period. */
export function buildPlan(accountId: string, vision: string, startsOn: string, now: number): PlanInput {
  return {
    id: uuidv7(now),
    accountId,
    status: 'active',
    startsOn,
    endsOn: null,
    vision: vision.trim().slice(0, 10_000),
    reviewEveryDays: null,
    alliance: null,
    escalation: [],
  };
}
