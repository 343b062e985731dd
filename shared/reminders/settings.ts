import { z } from 'zod';
import { DateSchema } from '../schemas/common.ts';
import { ReminderRuleSchema } from '../schemas/reminder.ts';
import { WorkingHoursSchema } from '../time/working-hours.ts';

/**
 * An organisation's reminder settings (design §6). Every field has a default,
 * so `OrgSettingsSchema.parse({})` gives {@link DEFAULT_ORG_SETTINGS} and a
 * partial object overrides only what it names. Unknown keys are stripped, so
 * the same JSON column may hold other settings; use `.strict()` on API input.
 */
export const OrgSettingsSchema = z.object({
  /** Default working hours; a user's own override wins. */
  workingHours: WorkingHoursSchema.prefault({ days: [1, 2, 3, 4, 5], start: '09:00', end: '17:00' }),
  /** Org-wide non-working days, `YYYY-MM-DD`, read in each person's zone. */
  holidays: z.array(DateSchema).max(1_000).prefault([]),
  /** Keep-in-touch cadence per tier, in days; an account's `cadenceDays` wins. */
  cadenceDays: z
    .object({
      strategic: z.number().int().min(1).max(365).default(14),
      tactical: z.number().int().min(1).max(365).default(30),
    })
    .prefault({}),
  /** Business days after an awaiting-reply interaction before the reminder is due. */
  awaitingReplyBusinessDays: z.number().int().min(1).max(60).default(3),
  /** Days without a strategic interaction before a strategic account is due a review. */
  strategicReviewDays: z.number().int().min(1).max(730).default(90),
  /** Days before a tactical alliance's `endsOn` that the decision reminder is due. */
  allianceEndingDays: z.number().int().min(0).max(365).default(14),
  balance: z
    .object({
      /** Length of the look-back window, in days. */
      windowDays: z.number().int().min(1).max(365).default(28),
      /** Fewer interactions than this in the window never trigger the nudge. */
      minInteractions: z.number().int().min(1).max(10_000).default(10),
      /** The nudge fires when the tactical share is strictly above this (0–1). */
      maxTacticalShare: z.number().min(0).max(1).default(0.8),
      /** ISO weekday the weekly nudge is due on, at the start of working hours. */
      weekday: z.number().int().min(1).max(7).default(1),
    })
    .prefault({}),
  /** An active reminder overdue by more than this many days is escalated to managers. */
  escalationDays: z.number().int().min(1).max(365).default(7),
  /** Rules this org has switched off. */
  disabledRules: z.array(ReminderRuleSchema).prefault([]),
});

/** Parsed org settings; see {@link OrgSettingsSchema}. */
export type OrgSettings = z.infer<typeof OrgSettingsSchema>;

/** The design's defaults: Mon–Fri 09:00–17:00, cadence 14/30 days, review 90, alliance 14, balance 28/10/80 %. */
export const DEFAULT_ORG_SETTINGS: OrgSettings = deepFreeze(OrgSettingsSchema.parse({}));

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object') {
    for (const v of Object.values(value)) deepFreeze(v);
    Object.freeze(value);
  }
  return value;
}
