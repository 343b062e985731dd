import { type CommitmentLike, isLive } from '../../plans/inputs.ts';
import { formatLocalDate, parseLocalDate } from '../../time/civil-date.ts';
import { toIsoString } from '../../time/instant.ts';
import type { ReminderAccount, ReminderDraft, ReminderInteraction } from '../inputs.ts';
import { reminderId } from '../reminder-id.ts';
import { accountRecipient, type RuleContext, ruleEnabled, workingStartOn } from '../rule-context.ts';

/**
 * `commitment-due`: a promise still open when it falls due. One of ours
 * reminds its owner (else the account owner) at the start of working hours on
 * its `dueOn`; one of theirs reminds the account owner the day after, to
 * check on it. The due period is `dueOn`, so moving the date replaces the
 * reminder; closing the promise (kept, broken or cancelled) closes it.
 *
 * @param interactions the account's live interactions (for the recipient fallback).
 */
export function commitmentDueReminders(
  account: ReminderAccount,
  commitments: readonly CommitmentLike[],
  interactions: readonly ReminderInteraction[],
  ctx: RuleContext,
): ReminderDraft[] {
  if (!ruleEnabled(ctx, 'commitment-due')) return [];
  const drafts: ReminderDraft[] = [];
  for (const c of commitments) {
    if (!isLive(c) || c.accountId !== account.id || c.state !== 'open') continue;
    const ours = c.side === 'ours';
    const recipient =
      (ours && c.ownerId !== null ? ctx.users.get(c.ownerId) : undefined) ??
      accountRecipient(account, interactions, ctx);
    if (!recipient) continue;
    const day = ours ? c.dueOn : formatLocalDate(parseLocalDate(c.dueOn) + 1);
    drafts.push({
      id: reminderId('commitment-due', c.id, c.dueOn),
      rule: 'commitment-due',
      userId: recipient.id,
      accountId: account.id,
      interactionId: c.interactionId,
      title: ours
        ? `Our promise to ${account.name} is due ${c.dueOn}: ${c.what}`
        : `${account.name} promised this by ${c.dueOn}; check on it: ${c.what}`,
      dueAt: toIsoString(workingStartOn(day, recipient, ctx)),
    });
  }
  return drafts;
}
