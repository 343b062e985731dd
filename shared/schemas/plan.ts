import { z } from 'zod';
import { DateSchema, IdSchema, RecordMetaSchema } from './common.ts';

// Relationship plans (design §14). Each record has three schemas:
// - `XFieldsSchema`: the strict object of client-written fields, without cross-field rules, so
//   the API can derive create and patch shapes from it (zod cannot `.omit` a refined object);
// - `XInputSchema`: the same with its cross-field rules; every write is checked against it
//   (a PATCH merges onto the stored record first, then validates the whole);
// - `XSchema`: the wire record, with the server's fields.

/** Longest free text of a plan record (vision, notes, lessons). */
export const MAX_PLAN_TEXT = 10_000;

/** Who wrote a record; the server sets it from the caller and never changes it. */
const AuthorSchema = z.object({ createdBy: IdSchema });

/** `low | medium | high`, the scale of most alliance-profile dimensions. */
export const LevelOfThreeSchema = z.enum(['low', 'medium', 'high']);
export type LevelOfThree = z.infer<typeof LevelOfThreeSchema>;

/**
 * The alliance profile of a partnership: how long it is meant to last and how
 * deep it goes on each dimension.
 */
export const AllianceProfileSchema = z.strictObject({
  duration: z.enum(['short', 'long']),
  commitment: LevelOfThreeSchema,
  integration: LevelOfThreeSchema,
  riskSharing: LevelOfThreeSchema,
  flexibility: LevelOfThreeSchema,
});
export type AllianceProfile = z.infer<typeof AllianceProfileSchema>;

/** Escalation levels run 1 (the working level) to 3 (the top). */
export const EscalationLevelSchema = z.number().int().min(1).max(3);

/**
 * One rung of the agreed escalation ladder: who on each side a conflict at
 * this level goes to. Our people receive the `conflict-sla` reminders; the
 * client's contacts are named so both sides know the route.
 */
export const EscalationStepSchema = z
  .strictObject({
    level: EscalationLevelSchema,
    userIds: z.array(IdSchema).max(20),
    contactIds: z.array(IdSchema).max(20),
  })
  .refine((s) => s.userIds.length + s.contactIds.length > 0, {
    message: 'Name at least one person for this level',
    path: ['userIds'],
  })
  .refine((s) => new Set(s.userIds).size === s.userIds.length, {
    message: 'A person is listed twice',
    path: ['userIds'],
  })
  .refine((s) => new Set(s.contactIds).size === s.contactIds.length, {
    message: 'A contact is listed twice',
    path: ['contactIds'],
  });
export type EscalationStep = z.infer<typeof EscalationStepSchema>;

export const PlanStatusSchema = z.enum(['draft', 'active', 'closed']);
export type PlanStatus = z.infer<typeof PlanStatusSchema>;

/** A plan's client-written fields. An account has at most one plan. */
export const PlanFieldsSchema = z.strictObject({
  id: IdSchema,
  accountId: IdSchema,
  status: PlanStatusSchema,
  startsOn: DateSchema,
  endsOn: DateSchema.nullable(),
  /** What the partnership is for, in the parties' own words. */
  vision: z.string().max(MAX_PLAN_TEXT),
  /** Days between partnership reviews; null uses the org's review period (`strategicReviewDays`). */
  reviewEveryDays: z.number().int().min(7).max(730).nullable(),
  alliance: AllianceProfileSchema.nullable(),
  /** The agreed escalation ladder, at most one step per level. */
  escalation: z.array(EscalationStepSchema).max(3),
});

/** A plan as clients write it: {@link PlanFieldsSchema} with its rules. */
export const PlanInputSchema = PlanFieldsSchema.refine((p) => p.endsOn === null || p.endsOn >= p.startsOn, {
  message: 'The plan cannot end before it starts',
  path: ['endsOn'],
}).refine((p) => new Set(p.escalation.map((s) => s.level)).size === p.escalation.length, {
  message: 'Each escalation level appears at most once',
  path: ['escalation'],
});
export type PlanInput = z.infer<typeof PlanInputSchema>;

export const PlanSchema = z.object({
  ...PlanFieldsSchema.shape,
  ...AuthorSchema.shape,
  ...RecordMetaSchema.shape,
});
export type Plan = z.infer<typeof PlanSchema>;

/**
 * A review's rating: the relationship's stage as each side sees it
 * (1 ad hoc, 2 order taker, 3 service provider, 4 trusted advisor, 5 strategic partner).
 */
export const StageRatingSchema = z.number().int().min(1).max(5);

/** The stage names of {@link StageRatingSchema}, index = rating − 1. */
export const STAGE_NAMES = [
  'Ad hoc',
  'Order taker',
  'Service provider',
  'Trusted advisor',
  'Strategic partner',
] as const;

/** One partnership review. `theirRating` is null when the client gave none. */
export const ReviewFieldsSchema = z.strictObject({
  id: IdSchema,
  accountId: IdSchema,
  heldOn: DateSchema,
  ourRating: StageRatingSchema,
  theirRating: StageRatingSchema.nullable(),
  /** What worked. */
  worked: z.string().max(MAX_PLAN_TEXT),
  /** What to change. */
  change: z.string().max(MAX_PLAN_TEXT),
  decisions: z.string().max(MAX_PLAN_TEXT),
  /** The interaction (usually the review meeting) it was logged with. */
  interactionId: IdSchema.nullable(),
});
export const ReviewInputSchema = ReviewFieldsSchema;
export type ReviewInput = z.infer<typeof ReviewInputSchema>;

export const ReviewSchema = z.object({
  ...ReviewFieldsSchema.shape,
  ...AuthorSchema.shape,
  ...RecordMetaSchema.shape,
});
export type Review = z.infer<typeof ReviewSchema>;

/** A milestone: planned (`dueOn`), reached (`achievedOn`), then celebrated with a lesson. */
export const MilestoneFieldsSchema = z.strictObject({
  id: IdSchema,
  accountId: IdSchema,
  title: z.string().trim().min(1).max(200),
  dueOn: DateSchema.nullable(),
  achievedOn: DateSchema.nullable(),
  celebratedOn: DateSchema.nullable(),
  lesson: z.string().max(MAX_PLAN_TEXT),
  interactionId: IdSchema.nullable(),
});

export const MilestoneInputSchema = MilestoneFieldsSchema.refine(
  (m) => m.celebratedOn === null || (m.achievedOn !== null && m.celebratedOn >= m.achievedOn),
  { message: 'A milestone is celebrated on or after the day it was reached', path: ['celebratedOn'] },
);
export type MilestoneInput = z.infer<typeof MilestoneInputSchema>;

export const MilestoneSchema = z.object({
  ...MilestoneFieldsSchema.shape,
  ...AuthorSchema.shape,
  ...RecordMetaSchema.shape,
});
export type Milestone = z.infer<typeof MilestoneSchema>;
