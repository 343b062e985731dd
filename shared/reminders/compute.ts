/**
 * Entry points the Worker calls: all drafts for one account, for a user's
 * interactions without an account, or the weekly balance nudge for a user.
 * Each returns drafts sorted by id, independent of the input order.
 */
import type { InstantLike } from '../time/instant.ts';
import type { ReminderAccount, ReminderDraft, ReminderInteraction, ReminderUser } from './inputs.ts';
import { makeRuleContext } from './rule-context.ts';
import { allianceEndingReminder } from './rules/alliance-ending.ts';
import { awaitingReplyReminders } from './rules/awaiting-reply.ts';
import { type BalanceCounts, balanceReminder, balanceReminderFromCounts } from './rules/balance.ts';
import { followUpReminders } from './rules/follow-up.ts';
import { keepInTouchReminder } from './rules/keep-in-touch.ts';
import { strategicReviewReminder } from './rules/strategic-review.ts';
import { DEFAULT_ORG_SETTINGS, type OrgSettings } from './settings.ts';

/** Inputs shared by every compute function. */
export interface ComputeCommon {
  /**
   * Active users who may receive reminders: at least the account owner and
   * the interactions' authors. Anyone missing receives nothing (an unknown
   * owner falls back to the latest known author).
   */
  users: readonly ReminderUser[];
  /** Defaults to {@link DEFAULT_ORG_SETTINGS}. */
  settings?: OrgSettings;
  now: InstantLike;
}

/** Input of {@link computeAccountReminders}. */
export interface AccountRemindersInput extends ComputeCommon {
  account: ReminderAccount;
  /**
   * The account's interactions. Tombstoned ones and ones of other accounts are
   * ignored. Passing all is simplest; the minimum is every interaction with
   * `followUpAt` or `awaitingReply` set, plus the latest interaction and the
   * latest strategic one.
   */
  interactions: readonly ReminderInteraction[];
}

/** Input of {@link computeUnassignedReminders}. */
export interface UnassignedRemindersInput extends ComputeCommon {
  /** Interactions with no account; any with an account are ignored. */
  interactions: readonly ReminderInteraction[];
}

/** Input of {@link computeBalanceReminder}. */
export interface BalanceReminderInput extends Omit<ComputeCommon, 'users'> {
  user: ReminderUser;
  /** The user's interactions; at least those in the balance window. Others are ignored. */
  interactions: readonly ReminderInteraction[];
}

function byId(a: ReminderDraft, b: ReminderDraft): number {
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/**
 * Every reminder one account should have now: `follow-up` and
 * `awaiting-reply` for its interactions (to their authors), and
 * `keep-in-touch`, `strategic-review` and `alliance-ending` for the account
 * (to its owner, else the latest known author). A tombstoned account keeps
 * only the interaction-level reminders its users asked for.
 *
 * Reconcile the result against the stored reminders whose `accountId` is
 * this account, with `rule` ≠ `balance`.
 */
export function computeAccountReminders(input: AccountRemindersInput): ReminderDraft[] {
  const { account } = input;
  const ctx = makeRuleContext(input.settings ?? DEFAULT_ORG_SETTINGS, input.users, input.now);
  const live = input.interactions.filter((i) => i.deletedAt == null && i.accountId === account.id);
  const drafts = [...followUpReminders(live, ctx), ...awaitingReplyReminders(live, ctx, 'account')];
  if (account.deletedAt == null) {
    for (const draft of [
      keepInTouchReminder(account, live, ctx),
      strategicReviewReminder(account, live, ctx),
      allianceEndingReminder(account, live, ctx),
    ]) {
      if (draft) drafts.push(draft);
    }
  }
  return drafts.sort(byId);
}

/**
 * `follow-up` and `awaiting-reply` reminders for interactions logged without
 * an account. With no relationship to watch, awaiting-reply ends only when
 * the flag is cleared or the interaction deleted.
 *
 * Reconcile the result against the stored reminders with `accountId` null
 * and `rule` in (`follow-up`, `awaiting-reply`) of the same users.
 */
export function computeUnassignedReminders(input: UnassignedRemindersInput): ReminderDraft[] {
  const ctx = makeRuleContext(input.settings ?? DEFAULT_ORG_SETTINGS, input.users, input.now);
  const live = input.interactions.filter((i) => i.deletedAt == null && i.accountId === null);
  return [...followUpReminders(live, ctx), ...awaitingReplyReminders(live, ctx, 'unassigned')].sort(byId);
}

/**
 * This week's `balance` nudge for one user, or null when their balance is
 * fine (see `balanceReminder`). Clock-relative: it depends on `now`.
 *
 * Reconcile the result (as a list of zero or one) against the user's stored
 * `balance` reminders that are still open or snoozed, so last week's closes.
 */
export function computeBalanceReminder(input: BalanceReminderInput): ReminderDraft | null {
  const ctx = makeRuleContext(input.settings ?? DEFAULT_ORG_SETTINGS, [input.user], input.now);
  const live = input.interactions.filter((i) => i.deletedAt == null);
  return balanceReminder(input.user, live, ctx);
}

/** Input of {@link computeBalanceReminderFromCounts}. */
export interface BalanceCountsInput extends Omit<ComputeCommon, 'users'> {
  user: ReminderUser;
  /** The user's live interactions in `balanceWindow` (`(now − windowDays, now]`), counted. */
  counts: BalanceCounts;
}

/** {@link computeBalanceReminder} from counts, e.g. a SQL aggregate over the window. Same draft, same id. */
export function computeBalanceReminderFromCounts(input: BalanceCountsInput): ReminderDraft | null {
  const ctx = makeRuleContext(input.settings ?? DEFAULT_ORG_SETTINGS, [input.user], input.now);
  return balanceReminderFromCounts(input.user, input.counts, ctx);
}
