/**
 * Conflict SLAs and escalation (design §14): an open conflict may stay at a
 * level for its severity's business days (org settings), counted in its
 * owner's working hours, holidays and DST; each further period raises it one
 * level, up to the top of the ladder (3).
 */

import type { ReminderAccount } from '../reminders/inputs.ts';
import { accountRecipient, calendarFor, type RuleContext } from '../reminders/rule-context.ts';
import type { LevelChange, Severity } from '../schemas/conflict.ts';
import type { OrgSettings } from '../schemas/settings.ts';
import type { BusinessCalendar } from '../time/business-calendar.ts';
import { addBusinessDays, snapToWorkingTime } from '../time/business-time.ts';
import { type InstantLike, toEpochMs, toIsoString } from '../time/instant.ts';
import { localDateTimeToInstant } from '../time/local-day.ts';
import { DEFAULT_WORKING_HOURS } from '../time/working-hours.ts';
import { type ConflictLike, isLive } from './inputs.ts';

/** The top rung of an escalation ladder. */
export const MAX_LEVEL = 3;
/** Periods counted at most, so a conflict left open for years cannot make a loop run long. */
const MAX_PERIODS = 500;

/** Business days one SLA period lasts for a severity. */
export function slaDays(severity: Severity, settings: Pick<OrgSettings, 'conflictSlaDays'>): number {
  return settings.conflictSlaDays[severity];
}

/**
 * When the SLA clock starts: the start of working hours on `openedOn` in the
 * calendar's zone, or the next working start when that day is not a working
 * day (a conflict opened on Saturday starts on Monday).
 */
export function slaStart(openedOn: string, calendar: BusinessCalendar): number {
  const hours = calendar.workingHours ?? DEFAULT_WORKING_HOURS;
  return snapToWorkingTime(localDateTimeToInstant(openedOn, hours.start, calendar.timeZone), calendar);
}

/**
 * The end of SLA period `period` (1 = the first deadline, after which the
 * conflict is past its SLA): `period × slaDays` business days after
 * {@link slaStart}, in epoch ms, always at a working start.
 */
export function slaDeadline(
  conflict: Pick<ConflictLike, 'openedOn' | 'severity'>,
  period: number,
  calendar: BusinessCalendar,
  settings: Pick<OrgSettings, 'conflictSlaDays'>,
): number {
  return addBusinessDays(
    slaStart(conflict.openedOn, calendar),
    period * slaDays(conflict.severity, settings),
    calendar,
  );
}

/** The deadlines of the periods after `afterPeriod` that have passed at `now`, in order (epoch ms). */
function deadlinesPassed(
  conflict: Pick<ConflictLike, 'openedOn' | 'severity'>,
  afterPeriod: number,
  calendar: BusinessCalendar,
  settings: Pick<OrgSettings, 'conflictSlaDays'>,
  now: number,
): number[] {
  const passed: number[] = [];
  // Each deadline from the start, not from the one before: stepping from a deadline that DST
  // snapped to another time of day would drift from the working start.
  for (let period = afterPeriod + 1; period <= MAX_PERIODS; period++) {
    const deadline = slaDeadline(conflict, period, calendar, settings);
    if (deadline > now) break;
    passed.push(deadline);
  }
  return passed;
}

/**
 * How many whole SLA periods have passed at `now` since the clock started
 * (0 before the first deadline), whatever the conflict's state.
 */
export function slaPeriodsElapsed(
  conflict: Pick<ConflictLike, 'openedOn' | 'severity'>,
  calendar: BusinessCalendar,
  settings: Pick<OrgSettings, 'conflictSlaDays'>,
  now: InstantLike,
): number {
  return deadlinesPassed(conflict, 0, calendar, settings, toEpochMs(now)).length;
}

/** Whether a live, open conflict has been open past its first SLA deadline at `now`. */
export function isPastSla(
  conflict: Pick<ConflictLike, 'openedOn' | 'severity' | 'state' | 'deletedAt'>,
  calendar: BusinessCalendar,
  settings: Pick<OrgSettings, 'conflictSlaDays'>,
  now: InstantLike,
): boolean {
  return (
    isLive(conflict) &&
    conflict.state === 'open' &&
    slaDeadline(conflict, 1, calendar, settings) <= toEpochMs(now)
  );
}

/** A conflict's escalation state, as the server stores it. */
export interface EscalationState {
  level: number;
  slaPeriods: number;
  levelHistory: LevelChange[];
}

/**
 * The escalation a live, open conflict is owed at `now`: for each SLA period
 * that has ended since the last one applied (`slaPeriods`), one level up (to
 * at most 3), each change recorded at its deadline. A period that ended
 * before the level was last changed by hand (a `manual` entry of
 * `levelHistory`) is counted but raises nothing: the person who set the level
 * then had that period in view. Null when nothing is owed, so applying the
 * result and asking again gives null: a period raises the level once, never
 * twice, and a level lowered by hand is not raised again for a period that
 * had already passed.
 */
export function escalateConflict(
  conflict: ConflictLike,
  calendar: BusinessCalendar,
  settings: Pick<OrgSettings, 'conflictSlaDays'>,
  now: InstantLike,
): EscalationState | null {
  if (!isLive(conflict) || conflict.state !== 'open') return null;
  const passed = deadlinesPassed(conflict, conflict.slaPeriods, calendar, settings, toEpochMs(now));
  if (passed.length === 0) return null;
  let level = conflict.level;
  const levelHistory = [...conflict.levelHistory];
  let setByHand = Number.NEGATIVE_INFINITY;
  for (const change of levelHistory)
    if (change.cause === 'manual') setByHand = Math.max(setByHand, toEpochMs(change.at));
  for (const deadline of passed) {
    if (level >= MAX_LEVEL) break;
    if (deadline <= setByHand) continue;
    level++;
    levelHistory.push({ level, at: toIsoString(deadline), cause: 'sla' });
  }
  return { level, slaPeriods: conflict.slaPeriods + passed.length, levelHistory };
}

/**
 * When the cron must next look at a conflict (epoch ms): the end of the
 * period after the last one applied, while it is open, live and below the
 * top level; otherwise null. After a level is lowered by hand this may be in
 * the past: {@link escalateConflict} then counts the periods spent at the top
 * without raising anything for them.
 */
export function nextSlaCheck(
  conflict: ConflictLike,
  calendar: BusinessCalendar,
  settings: Pick<OrgSettings, 'conflictSlaDays'>,
): number | null {
  if (!isLive(conflict) || conflict.state !== 'open' || conflict.level >= MAX_LEVEL) return null;
  if (conflict.slaPeriods >= MAX_PERIODS) return null;
  return slaDeadline(conflict, conflict.slaPeriods + 1, calendar, settings);
}

/** Whether managers see the conflict as escalated: live, open and above the first level. */
export function isConflictEscalated(conflict: Pick<ConflictLike, 'state' | 'level' | 'deletedAt'>): boolean {
  return isLive(conflict) && conflict.state === 'open' && conflict.level > 1;
}

const orgCalendars = new WeakMap<OrgSettings, BusinessCalendar>();

/**
 * The calendar a conflict's SLA runs in: its owner's (their zone and hours,
 * the org's holidays) when the owner is an active user; else the account
 * recipient's (owner, else latest author); else the org's hours in UTC.
 */
export function conflictCalendar(
  conflict: Pick<ConflictLike, 'ownerId'>,
  account: ReminderAccount,
  ctx: RuleContext,
): BusinessCalendar {
  const person = ctx.users.get(conflict.ownerId) ?? accountRecipient(account, [], ctx);
  if (person) return calendarFor(person, ctx.settings);
  let calendar = orgCalendars.get(ctx.settings);
  if (!calendar) {
    calendar = { timeZone: 'UTC', workingHours: ctx.settings.workingHours, holidays: ctx.settings.holidays };
    orgCalendars.set(ctx.settings, calendar);
  }
  return calendar;
}
