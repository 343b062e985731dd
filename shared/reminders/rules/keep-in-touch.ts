import { snapToWorkingTime } from '../../time/business-time.ts';
import { toIsoString } from '../../time/instant.ts';
import { addLocalDays } from '../../time/local-day.ts';
import type { ReminderAccount, ReminderDraft, ReminderInteraction } from '../inputs.ts';
import { reminderId } from '../reminder-id.ts';
import { accountRecipient, calendarFor, latest, type RuleContext, ruleEnabled } from '../rule-context.ts';

/**
 * `keep-in-touch`: due `cadence` calendar days after the account's latest
 * interaction of any kind (or after the account was created, when it has
 * none), snapped into the recipient's working hours. The cadence is the
 * account's `cadenceDays`, else the org default for its tier (14 / 30). A
 * cadence of 0 switches the rule off for that account (a closed relationship).
 *
 * The due period is the id of the interaction that started the clock, so any
 * new interaction replaces the reminder and closes the old one.
 *
 * @param interactions the account's live interactions.
 */
export function keepInTouchReminder(
  account: ReminderAccount,
  interactions: readonly ReminderInteraction[],
  ctx: RuleContext,
): ReminderDraft | null {
  if (!ruleEnabled(ctx, 'keep-in-touch') || account.cadenceDays === 0) return null;
  const recipient = accountRecipient(account, interactions, ctx);
  if (!recipient) return null;
  const cadence = account.cadenceDays ?? ctx.settings.cadenceDays[account.tier];
  const anchor = latest(interactions);
  const from = anchor ? anchor.occurredAt : account.createdAt;
  const due = addLocalDays(from, cadence, recipient.timeZone);
  return {
    id: reminderId('keep-in-touch', account.id, anchor ? `interaction:${anchor.id}` : 'created'),
    rule: 'keep-in-touch',
    userId: recipient.id,
    accountId: account.id,
    interactionId: anchor?.id ?? null,
    title: `Keep in touch with ${account.name} (every ${cadence} days)`,
    dueAt: toIsoString(snapToWorkingTime(due, calendarFor(recipient, ctx.settings))),
  };
}
