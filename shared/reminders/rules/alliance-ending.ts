import { snapToWorkingTime } from '../../time/business-time.ts';
import { formatLocalDate, parseLocalDate } from '../../time/civil-date.ts';
import { toIsoString } from '../../time/instant.ts';
import { localDateTimeToInstant } from '../../time/local-day.ts';
import type { ReminderAccount, ReminderDraft, ReminderInteraction } from '../inputs.ts';
import { reminderId } from '../reminder-id.ts';
import { accountRecipient, calendarFor, type RuleContext, ruleEnabled } from '../rule-context.ts';

/**
 * `alliance-ending`: a tactical account with an `endsOn` date is due a
 * decision (renew, make it strategic, or close) `allianceEndingDays`
 * (default 14) days before that date, at the start of the recipient's
 * working hours (or the next working start after it). Changing `endsOn`
 * replaces the reminder; clearing it, making the account strategic or
 * closing the relationship (cadence 0) closes it. It stays open past
 * `endsOn`: the decision is still owed.
 *
 * @param interactions the account's live interactions (for the recipient fallback).
 */
export function allianceEndingReminder(
  account: ReminderAccount,
  interactions: readonly ReminderInteraction[],
  ctx: RuleContext,
): ReminderDraft | null {
  if (
    account.tier !== 'tactical' ||
    account.endsOn === null ||
    account.cadenceDays === 0 ||
    !ruleEnabled(ctx, 'alliance-ending')
  ) {
    return null;
  }
  const recipient = accountRecipient(account, interactions, ctx);
  if (!recipient) return null;
  const calendar = calendarFor(recipient, ctx.settings);
  const hours = calendar.workingHours ?? ctx.settings.workingHours;
  const decideOn = formatLocalDate(parseLocalDate(account.endsOn) - ctx.settings.allianceEndingDays);
  const due = localDateTimeToInstant(decideOn, hours.start, recipient.timeZone);
  return {
    id: reminderId('alliance-ending', account.id, account.endsOn),
    rule: 'alliance-ending',
    userId: recipient.id,
    accountId: account.id,
    interactionId: null,
    title: `${account.name}: alliance ends ${account.endsOn}. Renew, make it strategic, or close it`,
    dueAt: toIsoString(snapToWorkingTime(due, calendar)),
  };
}
