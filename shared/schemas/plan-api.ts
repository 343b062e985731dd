import { z } from 'zod';
import { PageQuerySchema } from './api.ts';
import { CommitmentFieldsSchema, CommitmentSchema } from './commitment.ts';
import { IdSchema, InstantSchema } from './common.ts';
import { ConflictFieldsSchema, ConflictSchema } from './conflict.ts';
import { HealthSchema } from './health.ts';
import {
  MeasurementFieldsSchema,
  MeasurementSchema,
  ObjectiveFieldsSchema,
  ObjectiveSchema,
} from './objective.ts';
import {
  MilestoneFieldsSchema,
  MilestoneSchema,
  PlanFieldsSchema,
  PlanSchema,
  ReviewFieldsSchema,
  ReviewSchema,
} from './plan.ts';
import { ResponsibilityFieldsSchema, ResponsibilitySchema } from './responsibility.ts';

// REST shapes of the relationship-plan records (design §14, §15). A create takes the record
// without server fields, `id` optional, optional fields defaulted; a patch takes changed fields
// only and never the account (or a measurement's objective): those are fixed at creation.
// Both are checked again as a whole against the record's `XInputSchema` once merged.

const optionalId = { id: IdSchema.optional() };

/** `PUT /api/plans/:accountId`: the whole plan; the account comes from the path. */
export const PlanPutSchema = z.strictObject({
  ...PlanFieldsSchema.omit({ accountId: true }).shape,
  ...optionalId,
  status: PlanFieldsSchema.shape.status.default('active'),
  endsOn: PlanFieldsSchema.shape.endsOn.default(null),
  vision: PlanFieldsSchema.shape.vision.default(''),
  reviewEveryDays: PlanFieldsSchema.shape.reviewEveryDays.default(null),
  alliance: PlanFieldsSchema.shape.alliance.default(null),
  escalation: PlanFieldsSchema.shape.escalation.default([]),
});

export const ObjectiveCreateSchema = z.strictObject({
  ...ObjectiveFieldsSchema.shape,
  ...optionalId,
  unit: ObjectiveFieldsSchema.shape.unit.default(''),
  counterpartId: ObjectiveFieldsSchema.shape.counterpartId.default(null),
  weight: ObjectiveFieldsSchema.shape.weight.default(3),
  state: ObjectiveFieldsSchema.shape.state.default('open'),
});
export const ObjectivePatchSchema = ObjectiveFieldsSchema.omit({ id: true, accountId: true }).partial();

export const MeasurementCreateSchema = z.strictObject({
  ...MeasurementFieldsSchema.shape,
  ...optionalId,
  note: MeasurementFieldsSchema.shape.note.default(''),
  interactionId: MeasurementFieldsSchema.shape.interactionId.default(null),
});
export const MeasurementPatchSchema = MeasurementFieldsSchema.omit({ id: true, objectiveId: true }).partial();

export const ReviewCreateSchema = z.strictObject({
  ...ReviewFieldsSchema.shape,
  ...optionalId,
  theirRating: ReviewFieldsSchema.shape.theirRating.default(null),
  worked: ReviewFieldsSchema.shape.worked.default(''),
  change: ReviewFieldsSchema.shape.change.default(''),
  decisions: ReviewFieldsSchema.shape.decisions.default(''),
  interactionId: ReviewFieldsSchema.shape.interactionId.default(null),
});
export const ReviewPatchSchema = ReviewFieldsSchema.omit({ id: true, accountId: true }).partial();

export const MilestoneCreateSchema = z.strictObject({
  ...MilestoneFieldsSchema.shape,
  ...optionalId,
  dueOn: MilestoneFieldsSchema.shape.dueOn.default(null),
  achievedOn: MilestoneFieldsSchema.shape.achievedOn.default(null),
  celebratedOn: MilestoneFieldsSchema.shape.celebratedOn.default(null),
  lesson: MilestoneFieldsSchema.shape.lesson.default(''),
  interactionId: MilestoneFieldsSchema.shape.interactionId.default(null),
});
export const MilestonePatchSchema = MilestoneFieldsSchema.omit({ id: true, accountId: true }).partial();

export const ResponsibilityCreateSchema = z.strictObject({
  ...ResponsibilityFieldsSchema.shape,
  ...optionalId,
  objectiveId: ResponsibilityFieldsSchema.shape.objectiveId.default(null),
  userId: ResponsibilityFieldsSchema.shape.userId.default(null),
  contactId: ResponsibilityFieldsSchema.shape.contactId.default(null),
});
export const ResponsibilityPatchSchema = ResponsibilityFieldsSchema.omit({
  id: true,
  accountId: true,
}).partial();

export const CommitmentCreateSchema = z.strictObject({
  ...CommitmentFieldsSchema.shape,
  ...optionalId,
  ownerId: CommitmentFieldsSchema.shape.ownerId.default(null),
  contactId: CommitmentFieldsSchema.shape.contactId.default(null),
  state: CommitmentFieldsSchema.shape.state.default('open'),
  closedOn: CommitmentFieldsSchema.shape.closedOn.default(null),
  interactionId: CommitmentFieldsSchema.shape.interactionId.default(null),
});
export const CommitmentPatchSchema = CommitmentFieldsSchema.omit({ id: true, accountId: true }).partial();

/** A new conflict starts at level 1 and open; `level` may be left out. */
export const ConflictCreateSchema = z.strictObject({
  ...ConflictFieldsSchema.shape,
  ...optionalId,
  level: z.literal(1).default(1),
  state: ConflictFieldsSchema.shape.state.default('open'),
  resolution: ConflictFieldsSchema.shape.resolution.default(''),
  resolvedOn: ConflictFieldsSchema.shape.resolvedOn.default(null),
  lesson: ConflictFieldsSchema.shape.lesson.default(''),
  interactionId: ConflictFieldsSchema.shape.interactionId.default(null),
});
export const ConflictPatchSchema = ConflictFieldsSchema.omit({ id: true, accountId: true }).partial();

/** `GET /api/<records>?accountId=`: the org's records, or one account's, paged by id. */
export const PlanRecordListQuerySchema = PageQuerySchema.extend({ accountId: IdSchema.optional() });
/** `GET /api/measurements` also filters by objective. */
export const MeasurementListQuerySchema = PlanRecordListQuerySchema.extend({
  objectiveId: IdSchema.optional(),
});

// --- GET /api/accounts/:id/plan -------------------------------------------------------------

/** An objective with its derived progress and its measurements (oldest first). */
export const ObjectiveViewSchema = ObjectiveSchema.extend({
  /** 0–1: (latest − baseline) / (target − baseline), clamped. */
  progress: z.number().min(0).max(1),
  /** 0–1: the share of its time elapsed. */
  expected: z.number().min(0).max(1),
  status: z.enum(['on-track', 'at-risk', 'off-track', 'achieved', 'dropped']),
  direction: z.enum(['increase', 'decrease']),
  measurements: z.array(MeasurementSchema),
});
export type ObjectiveView = z.infer<typeof ObjectiveViewSchema>;

/** A commitment with its outcome today (`kept-late` is a late one). */
export const CommitmentViewSchema = CommitmentSchema.extend({
  outcome: z.enum(['kept-on-time', 'kept-late', 'broken', 'cancelled', 'overdue', 'open']),
});
export type CommitmentView = z.infer<typeof CommitmentViewSchema>;

/** A conflict with its SLA: whether it is past it, and when the next level falls due. */
export const ConflictViewSchema = ConflictSchema.extend({
  /** The SLA for its severity, in business days of its owner's working hours. */
  slaDays: z.number().int().positive(),
  pastSla: z.boolean(),
  /** When the next SLA period ends (the level rises), while open and below level 3. */
  nextLevelAt: InstantSchema.nullable(),
  /** Open and above level 1: managers see it as escalated. */
  escalated: z.boolean(),
});
export type ConflictView = z.infer<typeof ConflictViewSchema>;

/** What the matrix flags for one area: no A, or more than one. */
export const MatrixFlagSchema = z.object({
  area: z.string(),
  flag: z.enum(['no-accountable', 'several-accountable']),
});

/**
 * `GET /api/accounts/:id/plan`: the whole plan of one account with its derived
 * values. `health` is null for an account that has no plan and is not strategic.
 */
export const AccountPlanSchema = z.object({
  accountId: IdSchema,
  plan: PlanSchema.nullable(),
  /** The next review's date, null without a plan or review (or for a closed plan). */
  nextReviewOn: z.iso.date().nullable(),
  objectives: z.array(ObjectiveViewSchema),
  responsibilities: z.array(ResponsibilitySchema),
  /** Areas of the responsibility matrix with no A or more than one. */
  matrixFlags: z.array(MatrixFlagSchema),
  commitments: z.array(CommitmentViewSchema),
  conflicts: z.array(ConflictViewSchema),
  /** Newest first. */
  reviews: z.array(ReviewSchema),
  milestones: z.array(MilestoneSchema),
  health: HealthSchema.nullable(),
});
export type AccountPlan = z.infer<typeof AccountPlanSchema>;
