import { z } from 'zod';
import { isFreeMailDomain } from '../matching.ts';
import { CLOCK_RE, clockToMinutes } from '../time/clock.ts';
import { DateSchema } from './common.ts';
import { DomainSchema } from './directory.ts';
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
  /**
   * The org's own mail domains: addresses there are colleagues and never
   * become accounts or contacts. Set to the first admin's domain at setup
   * (unless it is a free-mail provider, which everyone shares).
   */
  internalDomains: z
    .array(
      DomainSchema.refine((d) => !isFreeMailDomain(d), {
        message: 'A free-mail domain is shared by everyone; list only your own domains',
      }),
    )
    .max(50)
    .refine((list) => new Set(list).size === list.length, 'Duplicate domain')
    .prefault([]),
});

/** Parsed org settings; see {@link OrgSettingsSchema}. */
export type OrgSettings = z.infer<typeof OrgSettingsSchema>;

/**
 * Keeps the fields of a patch that are plain objects one level deep
 * (`{cadenceDays: {strategic: 10}}` leaves `tactical` alone); everything
 * else, arrays included, is replaced whole.
 */
type SettingsPatchOf<T> = {
  [K in keyof T]?: T[K] extends readonly unknown[] ? T[K] : T[K] extends object ? Partial<T[K]> : T[K];
};

/** A partial settings change; see {@link OrgSettingsPatchSchema}. */
export type OrgSettingsPatch = SettingsPatchOf<OrgSettings>;

const unwrapDefault = (schema: z.ZodType): z.ZodType =>
  schema instanceof z.ZodDefault || schema instanceof z.ZodPrefault
    ? unwrapDefault(schema.unwrap() as z.ZodType)
    : schema;

/** Every field optional and nothing defaulted, nested objects partial too; unknown keys rejected at every level. */
function patchSchemaOf(shape: Record<string, z.ZodType>): z.ZodObject {
  return z.strictObject(
    Object.fromEntries(
      Object.entries(shape).map(([key, field]) => {
        const inner = unwrapDefault(field);
        const patch = inner instanceof z.ZodObject ? patchSchemaOf(inner.shape) : inner;
        return [key, patch.optional()];
      }),
    ),
  );
}

/**
 * `PATCH /api/settings`: any subset of {@link OrgSettingsSchema}, strict at
 * every level. Derived from it, so a new setting is patchable as soon as it is
 * added there. Nested objects may be partial; cross-field rules (a working
 * day's start before its end) are checked on the merged result with
 * {@link mergeSettingsPatch} and {@link OrgSettingsSchema}.
 */
export const OrgSettingsPatchSchema = patchSchemaOf(OrgSettingsSchema.shape) as unknown as z.ZodType<
  OrgSettingsPatch,
  OrgSettingsPatch
>;

const isPlainObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

let defaults: Record<string, unknown> | undefined;

/**
 * The stored settings (overrides only, as kept in the org's JSON column) with
 * `patch` applied: a nested object merges one level deep over the stored one,
 * or over its default when none is stored (so `{workingHours: {start}}` keeps
 * the default days and end); everything else is replaced. Keys the patch does
 * not name, known or not, are kept.
 */
export function mergeSettingsPatch(
  stored: Record<string, unknown>,
  patch: OrgSettingsPatch,
): Record<string, unknown> {
  defaults ??= OrgSettingsSchema.parse({}) as Record<string, unknown>;
  const out: Record<string, unknown> = { ...stored };
  for (const [key, value] of Object.entries(patch)) {
    if (value === undefined) continue;
    const before = key in out ? out[key] : defaults[key];
    out[key] = isPlainObject(value) && isPlainObject(before) ? { ...before, ...value } : value;
  }
  return out;
}

/** `GET` and `PATCH /api/settings`. */
export const SettingsResponseSchema = z.object({
  /** Every setting, defaults filled in. */
  settings: OrgSettingsSchema,
  recompute: z.object({
    /**
     * True from a settings or people change until the reminder cron's full
     * pass over the org has finished with the new inputs.
     */
    running: z.boolean(),
  }),
});
export type SettingsResponse = z.infer<typeof SettingsResponseSchema>;
