import { z } from 'zod';
import { CommitmentInputSchema, CommitmentSchema } from './commitment.ts';
import { IdSchema } from './common.ts';
import { ConflictInputSchema, ConflictSchema } from './conflict.ts';
import { AccountInputSchema, AccountSchema, ContactInputSchema, ContactSchema } from './directory.ts';
import { InteractionInputSchema, InteractionSchema } from './interaction.ts';
import {
  MeasurementInputSchema,
  MeasurementSchema,
  ObjectiveInputSchema,
  ObjectiveSchema,
} from './objective.ts';
import {
  MilestoneInputSchema,
  MilestoneSchema,
  PlanInputSchema,
  PlanSchema,
  ReviewInputSchema,
  ReviewSchema,
} from './plan.ts';
import { ReminderSchema, SnoozeRequestSchema } from './reminder.ts';
import { ResponsibilityInputSchema, ResponsibilitySchema } from './responsibility.ts';
import { TeamWeightsSchema } from './team-weights.ts';

/** Most mutations one push may carry (design §5). */
export const MAX_PUSH_MUTATIONS = 100;
/** Largest push body in bytes (design §5). */
export const MAX_PUSH_BYTES = 256 * 1024;
/** Most rows one pull page returns (design §5). */
export const MAX_PULL_ROWS = 500;

const ReminderRefSchema = z.strictObject({ id: z.string().min(1).max(128) });
const IdRefSchema = z.strictObject({ id: IdSchema });

/**
 * One mutation as the push body carries it. The envelope is checked first
 * (id and name); `args` is checked per mutation, so one bad mutation is
 * rejected on its own and never blocks the rest of the queue.
 */
export const MutationEnvelopeSchema = z.strictObject({
  id: z.number().int().positive(),
  name: z.enum([
    'interaction.put',
    'interaction.delete',
    'account.put',
    'account.delete',
    'contact.put',
    'contact.delete',
    'reminder.done',
    'reminder.snooze',
    'reminder.dismiss',
    // Relationship plans (design §14).
    'plan.put',
    'plan.delete',
    'objective.put',
    'objective.delete',
    'measurement.put',
    'measurement.delete',
    'review.put',
    'review.delete',
    'milestone.put',
    'milestone.delete',
    'responsibility.put',
    'responsibility.delete',
    'commitment.put',
    'commitment.delete',
    'conflict.put',
    'conflict.delete',
  ]),
  args: z.unknown(),
});
export type MutationEnvelope = z.infer<typeof MutationEnvelopeSchema>;
export type MutationName = MutationEnvelope['name'];

/** The argument schema of each mutation, by name. */
export const MutationArgsSchemas = {
  'interaction.put': InteractionInputSchema,
  'interaction.delete': z.strictObject({ id: IdSchema }),
  'account.put': AccountInputSchema,
  'account.delete': z.strictObject({ id: IdSchema }),
  'contact.put': ContactInputSchema,
  'contact.delete': z.strictObject({ id: IdSchema }),
  'reminder.done': ReminderRefSchema,
  'reminder.snooze': z.intersection(ReminderRefSchema, SnoozeRequestSchema),
  'reminder.dismiss': ReminderRefSchema,
  'plan.put': PlanInputSchema,
  'plan.delete': IdRefSchema,
  'objective.put': ObjectiveInputSchema,
  'objective.delete': IdRefSchema,
  'measurement.put': MeasurementInputSchema,
  'measurement.delete': IdRefSchema,
  'review.put': ReviewInputSchema,
  'review.delete': IdRefSchema,
  'milestone.put': MilestoneInputSchema,
  'milestone.delete': IdRefSchema,
  'responsibility.put': ResponsibilityInputSchema,
  'responsibility.delete': IdRefSchema,
  'commitment.put': CommitmentInputSchema,
  'commitment.delete': IdRefSchema,
  'conflict.put': ConflictInputSchema,
  'conflict.delete': IdRefSchema,
} as const satisfies Record<MutationName, z.ZodType>;

export type MutationArgs<N extends MutationName> = z.infer<(typeof MutationArgsSchemas)[N]>;

/** A mutation whose args are typed by its name, as the client builds it. */
export type Mutation = {
  [N in MutationName]: { id: number; name: N; args: MutationArgs<N> };
}[MutationName];

export const PushRequestSchema = z.strictObject({
  clientId: IdSchema,
  mutations: z.array(MutationEnvelopeSchema).max(MAX_PUSH_MUTATIONS),
});
export type PushRequest = z.infer<typeof PushRequestSchema>;

/** RFC 9457 problem details. */
export const ProblemSchema = z.object({
  type: z.string(),
  title: z.string(),
  status: z.number().int(),
  detail: z.string().optional(),
  issues: z
    .array(z.object({ path: z.array(z.union([z.string(), z.number()])), message: z.string() }))
    .optional(),
});
export type Problem = z.infer<typeof ProblemSchema>;

export const PushResponseSchema = z.object({
  lastMutationId: z.number().int().nonnegative(),
  rejected: z.array(z.object({ id: z.number().int(), problem: ProblemSchema })),
});
export type PushResponse = z.infer<typeof PushResponseSchema>;

export const PullQuerySchema = z.strictObject({
  clientId: IdSchema,
  cookie: z.coerce.number().int().nonnegative().default(0),
});

export const PullResponseSchema = z.object({
  cookie: z.number().int().nonnegative(),
  lastMutationId: z.number().int().nonnegative(),
  hasMore: z.boolean(),
  accounts: z.array(AccountSchema),
  contacts: z.array(ContactSchema),
  interactions: z.array(InteractionSchema),
  reminders: z.array(ReminderSchema),
  /**
   * The org's learned tag-suggestion weights when they changed since the cookie, else null
   * (absent from servers older than this field; clients treat that as null).
   */
  teamWeights: TeamWeightsSchema.nullable().optional(),
  /** Relationship plans: all of the org's, so plans work offline (design §14). */
  plans: z.array(PlanSchema),
  objectives: z.array(ObjectiveSchema),
  measurements: z.array(MeasurementSchema),
  reviews: z.array(ReviewSchema),
  milestones: z.array(MilestoneSchema),
  responsibilities: z.array(ResponsibilitySchema),
  commitments: z.array(CommitmentSchema),
  conflicts: z.array(ConflictSchema),
});
export type PullResponse = z.infer<typeof PullResponseSchema>;
