/**
 * Merging freshly computed drafts into stored reminders: the step that makes
 * recomputation safe to run any number of times, in any order.
 */
import type { ReminderRule, ReminderState } from '../schemas/reminder.ts';
import { type InstantLike, toEpochMs, toIsoString } from '../time/instant.ts';
import { effectiveDueAt, isActive, isEscalated } from './escalation.ts';
import type { ReminderDraft } from './inputs.ts';
import { DEFAULT_ORG_SETTINGS } from './settings.ts';

/** A stored reminder, as far as reconciliation needs it. */
export interface ExistingReminder {
  id: string;
  rule: ReminderRule;
  userId: string;
  accountId: string | null;
  interactionId: string | null;
  title: string;
  dueAt: InstantLike;
  state: ReminderState;
  snoozedUntil: InstantLike | null;
  /** The stored flag; when given, a change is written back. */
  escalated?: boolean;
  /**
   * Who closed a `done` reminder. Only `auto` (set from a {@link ReminderClose})
   * lets a reminder whose condition returns reopen; without it a done
   * reminder stays done, which is the safe default.
   */
  closedBy?: 'auto' | 'user' | null;
}

/** A reminder to insert or update, with the user-owned state preserved. */
export interface ReminderUpsert extends ReminderDraft {
  state: ReminderState;
  snoozedUntil: string | null;
  escalated: boolean;
  /** Carried over from the stored reminder; cleared (null) when an automatic close is undone. */
  closedBy: 'auto' | 'user' | null;
}

/**
 * A stored reminder whose condition no longer holds. Set `state` to `done`
 * (and `closedBy` to `auto` if stored). `wasDue` is false when it never fell
 * due, so the Worker may tombstone it instead of keeping a done row.
 */
export interface ReminderClose {
  id: string;
  state: 'done';
  closedBy: 'auto';
  wasDue: boolean;
}

/** What to write: upserts and closes, each sorted by id. */
export interface ReconcileResult {
  upserts: ReminderUpsert[];
  closes: ReminderClose[];
}

/** Options of {@link reconcile}. */
export interface ReconcileOptions {
  /** Days overdue before escalation; defaults to the org default (7). */
  escalationDays?: number;
}

function compareIds(a: { id: string }, b: { id: string }): number {
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/** A deterministic choice between two records with the same id, whatever the input order. */
function pick<T>(a: T, b: T): T {
  return JSON.stringify(a) <= JSON.stringify(b) ? a : b;
}

function indexById<T extends { id: string }>(items: readonly T[]): Map<string, T> {
  const map = new Map<string, T>();
  for (const item of items) {
    const seen = map.get(item.id);
    map.set(item.id, seen === undefined ? item : pick(seen, item));
  }
  return map;
}

/**
 * Merge drafts into the stored reminders of the same scope (for example all
 * reminders of one account, see the compute functions):
 *
 * - a draft with no stored reminder becomes an `open` upsert;
 * - a draft with a stored one keeps its state and `snoozedUntil` (done,
 *   snoozed and dismissed survive recomputation) and is upserted only when a
 *   field changed: recipient, title, due time or the escalation flag; a
 *   reminder closed automatically (`closedBy: 'auto'`) reopens;
 * - a stored open or snoozed reminder with no draft is closed as `done`.
 *
 * Pure, idempotent (applying the result and reconciling again yields nothing)
 * and independent of the order of both lists.
 */
export function reconcile(
  existing: readonly ExistingReminder[],
  drafts: readonly ReminderDraft[],
  now: InstantLike,
  options: ReconcileOptions = {},
): ReconcileResult {
  const nowMs = toEpochMs(now);
  const escalationDays = options.escalationDays ?? DEFAULT_ORG_SETTINGS.escalationDays;
  const stored = indexById(existing);
  const wanted = indexById(drafts);
  const upserts: ReminderUpsert[] = [];
  const closes: ReminderClose[] = [];

  for (const draft of wanted.values()) {
    const prev = stored.get(draft.id);
    const reopen = prev?.state === 'done' && prev.closedBy === 'auto';
    const state: ReminderState = prev && !reopen ? prev.state : 'open';
    const snoozedUntil = prev && !reopen && prev.snoozedUntil != null ? toIsoString(prev.snoozedUntil) : null;
    const escalated = isEscalated({ state, dueAt: draft.dueAt, snoozedUntil }, nowMs, escalationDays);
    const closedBy = prev && !reopen ? (prev.closedBy ?? null) : null;
    const next: ReminderUpsert = { ...draft, state, snoozedUntil, escalated, closedBy };
    if (!prev || reopen || changed(prev, next)) upserts.push(next);
  }

  for (const prev of stored.values()) {
    if (wanted.has(prev.id) || !isActive(prev)) continue;
    closes.push({ id: prev.id, state: 'done', closedBy: 'auto', wasDue: effectiveDueAt(prev) <= nowMs });
  }

  return { upserts: upserts.sort(compareIds), closes: closes.sort(compareIds) };
}

function changed(prev: ExistingReminder, next: ReminderUpsert): boolean {
  return (
    prev.rule !== next.rule ||
    prev.userId !== next.userId ||
    prev.accountId !== next.accountId ||
    prev.interactionId !== next.interactionId ||
    prev.title !== next.title ||
    toEpochMs(prev.dueAt) !== toEpochMs(next.dueAt) ||
    (prev.escalated !== undefined && prev.escalated !== next.escalated)
  );
}
