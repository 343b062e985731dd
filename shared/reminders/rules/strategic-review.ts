import { snapToWorkingTime } from '../../time/business-time.ts';
import { toIsoString } from '../../time/instant.ts';
import { addLocalDays } from '../../time/local-day.ts';
import type { ReminderAccount, ReminderDraft, ReminderInteraction } from '../inputs.ts';
import { reminderId } from '../reminder-id.ts';
import { accountRecipient, calendarFor, latest, type RuleContext, ruleEnabled } from '../rule-context.ts';

/**
 * `strategic-review`: for a strategic-tier account, due `strategicReviewDays`
 * (default 90) calendar days after its latest strategic interaction (or its
 * creation, when it has none), snapped into the recipient's working hours.
 * A new strategic interaction replaces it; a tactical one does not. It closes
 * when the account stops being strategic.
 *
 * @param interactions the account's live interactions.
 */
export function strategicReviewReminder(
  account: ReminderAccount,
  interactions: readonly ReminderInteraction[],
  ctx: RuleContext,
): ReminderDraft | null {
  if (account.tier !== 'strategic' || !ruleEnabled(ctx, 'strategic-review')) return null;
  const recipient = accountRecipient(account, interactions, ctx);
  if (!recipient) return null;
  const anchor = latest(interactions, (i) => i.tag === 'strategic');
  const from = anchor ? anchor.occurredAt : account.createdAt;
  const due = addLocalDays(from, ctx.settings.strategicReviewDays, recipient.timeZone);
  return {
    id: reminderId('strategic-review', account.id, anchor ? `interaction:${anchor.id}` : 'created'),
    rule: 'strategic-review',
    userId: recipient.id,
    accountId: account.id,
    interactionId: anchor?.id ?? null,
    title: `Strategic review due for ${account.name}`,
    dueAt: toIsoString(snapToWorkingTime(due, calendarFor(recipient, ctx.settings))),
  };
}
