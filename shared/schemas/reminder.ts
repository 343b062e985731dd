import { z } from 'zod';
import { IdSchema, InstantSchema, RecordMetaSchema } from './common.ts';

export const ReminderRuleSchema = z.enum([
  'follow-up',
  'awaiting-reply',
  'keep-in-touch',
  'strategic-review',
  'alliance-ending',
  'balance',
  // Relationship plans (design §14).
  'plan-review',
  'kpi-stale',
  'commitment-due',
  'conflict-sla',
  'milestone-due',
  'celebrate',
]);
export type ReminderRule = z.infer<typeof ReminderRuleSchema>;

export const ReminderStateSchema = z.enum(['open', 'done', 'snoozed', 'dismissed']);
export type ReminderState = z.infer<typeof ReminderStateSchema>;

export const ReminderSchema = z.object({
  id: z.string().min(1).max(128),
  userId: IdSchema,
  accountId: IdSchema.nullable(),
  interactionId: IdSchema.nullable(),
  rule: ReminderRuleSchema,
  title: z.string(),
  dueAt: InstantSchema,
  state: ReminderStateSchema,
  snoozedUntil: InstantSchema.nullable(),
  escalated: z.boolean(),
  ...RecordMetaSchema.shape,
});
export type Reminder = z.infer<typeof ReminderSchema>;

/** Snooze choices offered to the user; `until` takes an explicit instant. */
export const SnoozeRequestSchema = z.union([
  z.strictObject({
    preset: z.enum(['later-today', 'tomorrow-morning', 'in-3-business-days', 'next-monday']),
  }),
  z.strictObject({ until: InstantSchema }),
]);
export type SnoozeRequest = z.infer<typeof SnoozeRequestSchema>;
