import { snapToWorkingTime } from '../../time/business-time.ts';
import type { IsoWeekday } from '../../time/civil-date.ts';
import { MS_PER_DAY } from '../../time/civil-date.ts';
import { toEpochMs, toIsoString } from '../../time/instant.ts';
import { latestLocalWeekday, localDateTimeToInstant } from '../../time/local-day.ts';
import type { ReminderDraft, ReminderInteraction, ReminderUser } from '../inputs.ts';
import { reminderId } from '../reminder-id.ts';
import { calendarFor, type RuleContext, ruleEnabled } from '../rule-context.ts';

/**
 * `balance`: when the user's interactions in the window ending at `now`
 * (default the last 28 days, future-dated ones excluded) number at least
 * `minInteractions` (10) and more than `maxTacticalShare` (80 %) are tactical,
 * a weekly nudge is due on this week's Monday (configurable) at the start of
 * the user's working hours. The due period is that Monday's date: one
 * reminder per week, closed if the balance recovers during the week.
 *
 * @param interactions the user's live interactions (others are ignored).
 */
export function balanceReminder(
  user: ReminderUser,
  interactions: readonly ReminderInteraction[],
  ctx: RuleContext,
): ReminderDraft | null {
  if (!ruleEnabled(ctx, 'balance')) return null;
  const { since } = balanceWindow(ctx);
  let total = 0;
  let tactical = 0;
  for (const i of interactions) {
    const at = toEpochMs(i.occurredAt);
    if (i.userId !== user.id || at <= since || at > ctx.now) continue;
    total++;
    if (i.tag === 'tactical') tactical++;
  }
  return balanceReminderFromCounts(user, { total, tactical }, ctx);
}

/** The user's live interactions in the balance window, counted (e.g. by a SQL aggregate). */
export interface BalanceCounts {
  total: number;
  tactical: number;
}

/** The balance window `(since, until]` in epoch ms: the `windowDays` before `now`. */
export function balanceWindow(ctx: RuleContext): { since: number; until: number } {
  return { since: ctx.now - ctx.settings.balance.windowDays * MS_PER_DAY, until: ctx.now };
}

/**
 * {@link balanceReminder} from counts already taken over {@link balanceWindow}
 * (occurred strictly after `since`, at or before `until`), so a caller
 * holding many interactions need not materialise them.
 */
export function balanceReminderFromCounts(
  user: ReminderUser,
  counts: BalanceCounts,
  ctx: RuleContext,
): ReminderDraft | null {
  if (!ruleEnabled(ctx, 'balance')) return null;
  const { windowDays, minInteractions, maxTacticalShare, weekday } = ctx.settings.balance;
  const { total, tactical } = counts;
  if (total < minInteractions || tactical / total <= maxTacticalShare) return null;
  const calendar = calendarFor(user, ctx.settings);
  const hours = calendar.workingHours ?? ctx.settings.workingHours;
  const week = latestLocalWeekday(ctx.now, weekday as IsoWeekday, user.timeZone);
  const due = localDateTimeToInstant(week, hours.start, user.timeZone);
  const share = Math.round((tactical / total) * 100);
  return {
    id: reminderId('balance', user.id, week),
    rule: 'balance',
    userId: user.id,
    accountId: null,
    interactionId: null,
    title: `${share}% of your ${total} interactions in the last ${windowDays} days were tactical: plan something strategic`,
    dueAt: toIsoString(snapToWorkingTime(due, calendar)),
  };
}
