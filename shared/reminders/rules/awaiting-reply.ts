import { addBusinessDays } from '../../time/business-time.ts';
import { toEpochMs, toIsoString } from '../../time/instant.ts';
import type { ReminderDraft, ReminderInteraction } from '../inputs.ts';
import { reminderId } from '../reminder-id.ts';
import { calendarFor, type RuleContext, ruleEnabled } from '../rule-context.ts';

/**
 * `awaiting-reply`: for each live interaction marked awaiting reply, its
 * author is reminded `awaitingReplyBusinessDays` (default 3) business days
 * later, unless the account has an interaction that occurred strictly later
 * (by anyone, of any kind), which ends the wait and closes the reminder.
 *
 * @param interactions the live interactions of one account, or a user's
 *   interactions without an account.
 * @param scope `account`: a later interaction in the list ends the wait;
 *   `unassigned`: the list is not one relationship, so only un-marking or
 *   deleting the interaction ends it.
 */
export function awaitingReplyReminders(
  interactions: readonly ReminderInteraction[],
  ctx: RuleContext,
  scope: 'account' | 'unassigned',
): ReminderDraft[] {
  if (!ruleEnabled(ctx, 'awaiting-reply')) return [];
  let newest = Number.NEGATIVE_INFINITY;
  if (scope === 'account') for (const i of interactions) newest = Math.max(newest, toEpochMs(i.occurredAt));
  const drafts: ReminderDraft[] = [];
  for (const i of interactions) {
    if (!i.awaitingReply) continue;
    const sent = toEpochMs(i.occurredAt);
    if (sent < newest) continue;
    const author = ctx.users.get(i.userId);
    if (!author) continue;
    const due = addBusinessDays(
      sent,
      ctx.settings.awaitingReplyBusinessDays,
      calendarFor(author, ctx.settings),
    );
    drafts.push({
      id: reminderId('awaiting-reply', i.id, i.accountId ?? ''),
      rule: 'awaiting-reply',
      userId: author.id,
      accountId: i.accountId,
      interactionId: i.id,
      title: `No reply yet: ${i.title}`,
      dueAt: toIsoString(due),
    });
  }
  return drafts;
}
