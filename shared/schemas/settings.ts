import { z } from 'zod';
import { CLOCK_RE, clockToMinutes } from '../time/clock.ts';
import { DateSchema } from './common.ts';
import { ReminderRuleSchema } from './reminder.ts';

// Settings schemas live here, apart from the pure helpers in shared/time and shared/reminders,
// so that code which only computes (the panel, content scripts) never pulls zod in.

/** A wall-clock time of day, `HH:MM` in 24-hour form. */
export const ClockTimeSchema = z.string().regex(CLOCK_RE, 'Expected HH:MM (24-hour)');

/**
 * When someone works, in their own zone: ISO weekdays (1 = Monday … 7 =
 * Sunday) and one daily span `[start, end)`. Overnight spans are not
 * supported, so `start` must be before `end`.
 */
export const WorkingHoursSchema = z
  .object({
    days: z
      .array(z.number().int().min(1).max(7))
      .min(1)
      .max(7)
      .refine((days) => new Set(days).size === days.length, 'Duplicate weekday'),
    start: ClockTimeSchema,
    end: ClockTimeSchema,
  })
  // Malformed times are already reported by their own field; only compare well-formed ones.
  .refine(
    (h) =>
      !CLOCK_RE.test(h.start) || !CLOCK_RE.test(h.end) || clockToMinutes(h.start) < clockToMinutes(h.end),
    {
      message: 'start must be before end',
      path: ['end'],
    },
  );

/** Working days and daily hours; see {@link WorkingHoursSchema}. */
export type WorkingHours = z.infer<typeof WorkingHoursSchema>;

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
  /** Days without a measurement before an open objective's owner gets `kpi-stale` (design §14). */
  kpiStaleDays: z.number().int().min(1).max(365).default(30),
  /**
   * Business days an open conflict may stay at a level, per severity, in its
   * owner's working hours; each further period raises it one level (design §14).
   */
  conflictSlaDays: z
    .object({
      critical: z.number().int().min(1).max(260).default(2),
      high: z.number().int().min(1).max(260).default(5),
      medium: z.number().int().min(1).max(260).default(10),
      low: z.number().int().min(1).max(260).default(20),
    })
    .prefault({}),
  /**
   * Relative weights of the six parts of relationship health (design §15). A
   * part without data is left out and the rest are rescaled; at least one
   * weight must be above zero.
   */
  healthWeights: z
    .object({
      cadence: z.number().int().min(0).max(100).default(20),
      attention: z.number().int().min(0).max(100).default(15),
      objectives: z.number().int().min(0).max(100).default(25),
      commitments: z.number().int().min(0).max(100).default(15),
      conflicts: z.number().int().min(0).max(100).default(15),
      reviews: z.number().int().min(0).max(100).default(10),
    })
    .refine((w) => Object.values(w).some((v) => v > 0), 'At least one health weight must be above zero')
    .prefault({}),
});

/** Parsed org settings; see {@link OrgSettingsSchema}. */
export type OrgSettings = z.infer<typeof OrgSettingsSchema>;
