import { isLive, type MeasurementLike, type ObjectiveLike } from '../../plans/inputs.ts';
import { objectiveProgress } from '../../plans/objective-progress.ts';
import { formatLocalDate, parseLocalDate } from '../../time/civil-date.ts';
import { toIsoString } from '../../time/instant.ts';
import { toLocalDate } from '../../time/local-day.ts';
import type { ReminderAccount, ReminderDraft, ReminderInteraction } from '../inputs.ts';
import { reminderId } from '../reminder-id.ts';
import { accountRecipient, type RuleContext, ruleEnabled, workingStartOn } from '../rule-context.ts';

/**
 * `kpi-stale`: an open objective that has not reached its target, with no
 * measurement for `kpiStaleDays` (default 30) days after its latest one (or
 * after it was set, in the recipient's zone), reminds its owner (else the
 * account owner) at the start of working hours on that day. The due period
 * is the latest measurement, so recording a value replaces the reminder.
 *
 * @param interactions the account's live interactions (for the recipient fallback).
 */
export function kpiStaleReminders(
  account: ReminderAccount,
  objectives: readonly ObjectiveLike[],
  measurements: readonly MeasurementLike[],
  interactions: readonly ReminderInteraction[],
  ctx: RuleContext,
): ReminderDraft[] {
  if (!ruleEnabled(ctx, 'kpi-stale')) return [];
  const drafts: ReminderDraft[] = [];
  for (const o of objectives) {
    if (!isLive(o) || o.accountId !== account.id || o.state !== 'open') continue;
    const { status, latest } = objectiveProgress(o, measurements, ctx.now);
    if (status === 'achieved') continue;
    const recipient = ctx.users.get(o.ownerId) ?? accountRecipient(account, interactions, ctx);
    if (!recipient) continue;
    const since = latest?.measuredOn ?? toLocalDate(o.createdAt, recipient.timeZone);
    const due = formatLocalDate(parseLocalDate(since) + ctx.settings.kpiStaleDays);
    drafts.push({
      id: reminderId('kpi-stale', o.id, latest ? `measurement:${latest.id}` : 'created'),
      rule: 'kpi-stale',
      userId: recipient.id,
      accountId: account.id,
      interactionId: null,
      title: `Record a value for '${o.title}' (${account.name}): none since ${since}`,
      dueAt: toIsoString(workingStartOn(due, recipient, ctx)),
    });
  }
  return drafts;
}
