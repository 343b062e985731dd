import { z } from 'zod';
import { DateSchema, IdSchema, InstantSchema } from './common.ts';

/** `GET /api/summary` query: a period (default: the last 28 days) and an optional person. */
export const SummaryQuerySchema = z.strictObject({
  from: InstantSchema.optional(),
  to: InstantSchema.optional(),
  userId: IdSchema.optional(),
});
export type SummaryQuery = z.infer<typeof SummaryQuerySchema>;

/** The team aggregates the summary page shows (design §7.1). */
export const SummarySchema = z.object({
  period: z.object({ from: InstantSchema, to: InstantSchema }),
  people: z.array(
    z.object({
      userId: IdSchema,
      name: z.string(),
      total: z.number().int(),
      tactical: z.number().int(),
      strategic: z.number().int(),
      overdueReminders: z.number().int(),
      /** Of overdueReminders, those overdue by more than 7 days. */
      escalatedReminders: z.number().int(),
      lastActivityAt: InstantSchema.nullable(),
      /** A deactivated person, still listed for the periods they worked in. */
      former: z.boolean(),
    }),
  ),
  /** Weeks start on Monday (UTC date). */
  weeks: z.array(
    z.object({ weekStart: DateSchema, tactical: z.number().int(), strategic: z.number().int() }),
  ),
  coldAccounts: z.array(
    z.object({ accountId: IdSchema, name: z.string(), lastStrategicAt: InstantSchema.nullable() }),
  ),
  upcoming: z.array(
    z.object({
      kind: z.enum(['strategic-review', 'alliance-ending']),
      accountId: IdSchema,
      name: z.string(),
      dueAt: InstantSchema,
    }),
  ),
});
export type Summary = z.infer<typeof SummarySchema>;
