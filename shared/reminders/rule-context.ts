/** What every rule needs besides its subject: settings, recipients and the clock. */
import type { ReminderRule } from '../schemas/reminder.ts';
import type { BusinessCalendar } from '../time/business-calendar.ts';
import { snapToWorkingTime } from '../time/business-time.ts';
import { toEpochMs } from '../time/instant.ts';
import { localDateTimeToInstant } from '../time/local-day.ts';
import type { ReminderAccount, ReminderInteraction, ReminderUser } from './inputs.ts';
import type { OrgSettings } from './settings.ts';

/** The shared inputs of the rule functions. Build it with {@link makeRuleContext}. */
export interface RuleContext {
  readonly settings: OrgSettings;
  /** Known, active users by id; anyone else never receives a reminder. */
  readonly users: ReadonlyMap<string, ReminderUser>;
  /** Epoch ms. Only clock-relative rules (balance) and health read it. */
  readonly now: number;
}

/** A {@link RuleContext} from plain inputs. */
export function makeRuleContext(
  settings: OrgSettings,
  users: readonly ReminderUser[],
  now: number | Date | string,
): RuleContext {
  return { settings, users: new Map(users.map((u) => [u.id, u])), now: toEpochMs(now) };
}

/** Whether the org has left a rule switched on. */
export function ruleEnabled(ctx: RuleContext, rule: ReminderRule): boolean {
  return !ctx.settings.disabledRules.includes(rule);
}

const calendars = new WeakMap<ReminderUser, WeakMap<OrgSettings, BusinessCalendar>>();

/**
 * A user's business calendar: their zone, their working hours or the org's,
 * and the org's holidays. One object per (user, settings) pair, so the
 * parsed-calendar cache in `shared/time` hits across calls.
 */
export function calendarFor(user: ReminderUser, settings: OrgSettings): BusinessCalendar {
  let bySettings = calendars.get(user);
  if (!bySettings) {
    bySettings = new WeakMap();
    calendars.set(user, bySettings);
  }
  let calendar = bySettings.get(settings);
  if (!calendar) {
    calendar = {
      timeZone: user.timeZone,
      workingHours: user.workingHours ?? settings.workingHours,
      holidays: settings.holidays,
    };
    bySettings.set(settings, calendar);
  }
  return calendar;
}

/** Newest first; ties broken by id so the order never depends on the input order. */
export function byRecency(a: ReminderInteraction, b: ReminderInteraction): number {
  return toEpochMs(b.occurredAt) - toEpochMs(a.occurredAt) || (a.id < b.id ? 1 : a.id > b.id ? -1 : 0);
}

/** The newest interaction matching `filter`, or null. */
export function latest(
  interactions: readonly ReminderInteraction[],
  filter: (i: ReminderInteraction) => boolean = () => true,
): ReminderInteraction | null {
  let best: ReminderInteraction | null = null;
  for (const i of interactions) if (filter(i) && (best === null || byRecency(i, best) < 0)) best = i;
  return best;
}

/**
 * Who receives an account-level reminder: the owner when known, otherwise the
 * author of the most recent interaction who is a known user, otherwise nobody.
 */
export function accountRecipient(
  account: ReminderAccount,
  interactions: readonly ReminderInteraction[],
  ctx: RuleContext,
): ReminderUser | null {
  const owner = account.ownerId === null ? undefined : ctx.users.get(account.ownerId);
  if (owner) return owner;
  const last = latest(interactions, (i) => ctx.users.has(i.userId));
  return last ? (ctx.users.get(last.userId) ?? null) : null;
}

/**
 * The start of `user`'s working hours on a local date (`YYYY-MM-DD`) in their
 * zone, or the next working start when that day is not a working day.
 */
export function workingStartOn(date: string, user: ReminderUser, ctx: RuleContext): number {
  const calendar = calendarFor(user, ctx.settings);
  const hours = calendar.workingHours ?? ctx.settings.workingHours;
  return snapToWorkingTime(localDateTimeToInstant(date, hours.start, user.timeZone), calendar);
}
