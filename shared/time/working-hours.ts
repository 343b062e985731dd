import { z } from 'zod';

const CLOCK_RE = /^([01]\d|2[0-3]):([0-5]\d)$/;

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

/** Monday to Friday, 09:00–17:00 (design §6). */
export const DEFAULT_WORKING_HOURS: WorkingHours = Object.freeze({
  days: Object.freeze([1, 2, 3, 4, 5]) as number[],
  start: '09:00',
  end: '17:00',
});

/**
 * Minutes after midnight of an `HH:MM` time.
 *
 * @throws RangeError when the string is not `HH:MM`.
 */
export function clockToMinutes(clock: string): number {
  const m = CLOCK_RE.exec(clock);
  if (!m) throw new RangeError(`Invalid time of day, expected HH:MM: ${clock}`);
  return Number(m[1]) * 60 + Number(m[2]);
}
