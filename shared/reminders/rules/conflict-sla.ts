import { type ConflictLike, isLive, type PlanLike } from '../../plans/inputs.ts';
import { snapToWorkingTime } from '../../time/business-time.ts';
import { toIsoString } from '../../time/instant.ts';
import type { ReminderAccount, ReminderDraft, ReminderInteraction, ReminderUser } from '../inputs.ts';
import { reminderId } from '../reminder-id.ts';
import { accountRecipient, calendarFor, type RuleContext, ruleEnabled } from '../rule-context.ts';

/**
 * `conflict-sla`: each time an open conflict's SLA raised its level (a
 * `levelHistory` entry with cause `sla`, written by the cron, see
 * `escalateConflict`), the conflict's owner and our people at the new level
 * of the plan's escalation ladder are reminded, at that deadline snapped into
 * each one's working hours. The id is per conflict, person and level, so each
 * level reaches each person once, however often it is recomputed and even if
 * the level is lowered and reached again. People no longer active are
 * skipped; an owner who left is replaced by the account owner. Resolving or
 * deleting the conflict closes them all.
 *
 * @param plan the account's plan, whose `escalation` names the people per level; null: the owner only.
 * @param interactions the account's live interactions (for the recipient fallback).
 */
export function conflictSlaReminders(
  account: ReminderAccount,
  plan: PlanLike | null,
  conflicts: readonly ConflictLike[],
  interactions: readonly ReminderInteraction[],
  ctx: RuleContext,
): ReminderDraft[] {
  if (!ruleEnabled(ctx, 'conflict-sla')) return [];
  const ladder = plan && isLive(plan) ? plan.escalation : [];
  const drafts = new Map<string, ReminderDraft>();
  for (const c of conflicts) {
    if (!isLive(c) || c.accountId !== account.id || c.state !== 'open') continue;
    const owner = ctx.users.get(c.ownerId) ?? accountRecipient(account, interactions, ctx);
    for (const change of c.levelHistory) {
      if (change.cause !== 'sla') continue;
      const people: ReminderUser[] = owner ? [owner] : [];
      for (const id of ladder.find((s) => s.level === change.level)?.userIds ?? []) {
        const user = ctx.users.get(id);
        if (user && !people.includes(user)) people.push(user);
      }
      for (const person of people) {
        const id = reminderId('conflict-sla', `${c.id}|${person.id}`, `level:${change.level}`);
        if (drafts.has(id)) continue;
        drafts.set(id, {
          id,
          rule: 'conflict-sla',
          userId: person.id,
          accountId: account.id,
          interactionId: c.interactionId,
          title: `Conflict with ${account.name} past its SLA, now at level ${change.level}: ${c.title}`,
          dueAt: toIsoString(snapToWorkingTime(change.at, calendarFor(person, ctx.settings))),
        });
      }
    }
  }
  return [...drafts.values()];
}
