import { isLive, type PlanLike, type ReviewLike } from '../../plans/inputs.ts';
import { nextReviewOn } from '../../plans/review-schedule.ts';
import { toIsoString } from '../../time/instant.ts';
import type { ReminderAccount, ReminderDraft, ReminderInteraction } from '../inputs.ts';
import { reminderId } from '../reminder-id.ts';
import { accountRecipient, type RuleContext, ruleEnabled, workingStartOn } from '../rule-context.ts';

/**
 * `plan-review`: an active plan's next partnership review (the plan's period,
 * else the org's, after the last review or the plan's start) is due at the
 * start of the account owner's working hours on that date. The due period is
 * that date, so logging a review replaces the reminder and closes this one;
 * so does closing the plan or setting it back to draft.
 *
 * @param reviews the account's reviews.
 * @param interactions the account's live interactions (for the recipient fallback).
 */
export function planReviewReminder(
  account: ReminderAccount,
  plan: PlanLike | null,
  reviews: readonly ReviewLike[],
  interactions: readonly ReminderInteraction[],
  ctx: RuleContext,
): ReminderDraft | null {
  if (!plan || !isLive(plan) || plan.status !== 'active' || !ruleEnabled(ctx, 'plan-review')) return null;
  const recipient = accountRecipient(account, interactions, ctx);
  if (!recipient) return null;
  const due = nextReviewOn(plan, reviews, ctx.settings);
  if (due === null) return null;
  return {
    id: reminderId('plan-review', plan.id, due),
    rule: 'plan-review',
    userId: recipient.id,
    accountId: account.id,
    interactionId: null,
    title: `Partnership review with ${account.name} due ${due}`,
    dueAt: toIsoString(workingStartOn(due, recipient, ctx)),
  };
}
