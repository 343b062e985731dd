import { snapToWorkingTime } from '../../time/business-time.ts';
import { toIsoString } from '../../time/instant.ts';
import type { ReminderDraft, ReminderInteraction } from '../inputs.ts';
import { reminderId } from '../reminder-id.ts';
import { calendarFor, type RuleContext, ruleEnabled } from '../rule-context.ts';

/**
 * `follow-up`: one reminder per live interaction with a `followUpAt`, for its
 * author, due at that time snapped into the author's working hours.
 *
 * The due period is the follow-up time and the account, so changing either
 * replaces the reminder (the old one closes); clearing `followUpAt` or
 * deleting the interaction closes it. A later interaction does not: only the
 * user knows whether it was the follow-up.
 */
export function followUpReminders(
  interactions: readonly ReminderInteraction[],
  ctx: RuleContext,
): ReminderDraft[] {
  if (!ruleEnabled(ctx, 'follow-up')) return [];
  const drafts: ReminderDraft[] = [];
  for (const i of interactions) {
    if (i.followUpAt === null) continue;
    const author = ctx.users.get(i.userId);
    if (!author) continue;
    const at = toIsoString(i.followUpAt);
    drafts.push({
      id: reminderId('follow-up', i.id, `${at}|${i.accountId ?? ''}`),
      rule: 'follow-up',
      userId: author.id,
      accountId: i.accountId,
      interactionId: i.id,
      title: `Follow up: ${i.title}`,
      dueAt: toIsoString(snapToWorkingTime(at, calendarFor(author, ctx.settings))),
    });
  }
  return drafts;
}
