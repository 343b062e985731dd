import { isLive, type MilestoneLike } from '../../plans/inputs.ts';
import { addBusinessDays } from '../../time/business-time.ts';
import { formatLocalDate, parseLocalDate } from '../../time/civil-date.ts';
import { toIsoString } from '../../time/instant.ts';
import type { ReminderAccount, ReminderDraft, ReminderInteraction } from '../inputs.ts';
import { reminderId } from '../reminder-id.ts';
import {
  accountRecipient,
  calendarFor,
  type RuleContext,
  ruleEnabled,
  workingStartOn,
} from '../rule-context.ts';

/** Days before a milestone's `dueOn` that `milestone-due` is due. */
export const MILESTONE_NOTICE_DAYS = 7;
/** Business days after a milestone is reached that `celebrate` is due. */
export const CELEBRATE_AFTER_BUSINESS_DAYS = 3;

/**
 * `milestone-due`: a milestone not yet reached reminds the account owner 7
 * days before its `dueOn`, at the start of working hours. The due period is
 * `dueOn`; reaching the milestone or clearing the date closes it.
 *
 * @param interactions the account's live interactions (for the recipient fallback).
 */
export function milestoneDueReminders(
  account: ReminderAccount,
  milestones: readonly MilestoneLike[],
  interactions: readonly ReminderInteraction[],
  ctx: RuleContext,
): ReminderDraft[] {
  if (!ruleEnabled(ctx, 'milestone-due')) return [];
  const recipient = accountRecipient(account, interactions, ctx);
  if (!recipient) return [];
  const drafts: ReminderDraft[] = [];
  for (const m of milestones) {
    if (!isLive(m) || m.accountId !== account.id || m.dueOn === null || m.achievedOn !== null) continue;
    const day = formatLocalDate(parseLocalDate(m.dueOn) - MILESTONE_NOTICE_DAYS);
    drafts.push({
      id: reminderId('milestone-due', m.id, m.dueOn),
      rule: 'milestone-due',
      userId: recipient.id,
      accountId: account.id,
      interactionId: null,
      title: `Milestone with ${account.name} due ${m.dueOn}: ${m.title}`,
      dueAt: toIsoString(workingStartOn(day, recipient, ctx)),
    });
  }
  return drafts;
}

/**
 * `celebrate`: a milestone reached but not yet celebrated reminds the account
 * owner 3 business days after `achievedOn` (counted from the start of working
 * hours that day), to celebrate it with the client and note the lesson.
 * Setting `celebratedOn` closes it.
 *
 * @param interactions the account's live interactions (for the recipient fallback).
 */
export function celebrateReminders(
  account: ReminderAccount,
  milestones: readonly MilestoneLike[],
  interactions: readonly ReminderInteraction[],
  ctx: RuleContext,
): ReminderDraft[] {
  if (!ruleEnabled(ctx, 'celebrate')) return [];
  const recipient = accountRecipient(account, interactions, ctx);
  if (!recipient) return [];
  const calendar = calendarFor(recipient, ctx.settings);
  const drafts: ReminderDraft[] = [];
  for (const m of milestones) {
    if (!isLive(m) || m.accountId !== account.id || m.achievedOn === null || m.celebratedOn !== null)
      continue;
    const reached = workingStartOn(m.achievedOn, recipient, ctx);
    drafts.push({
      id: reminderId('celebrate', m.id, m.achievedOn),
      rule: 'celebrate',
      userId: recipient.id,
      accountId: account.id,
      interactionId: m.interactionId,
      title: `Celebrate '${m.title}' with ${account.name}, and note the lesson`,
      dueAt: toIsoString(addBusinessDays(reached, CELEBRATE_AFTER_BUSINESS_DAYS, calendar)),
    });
  }
  return drafts;
}
