import { z } from 'zod';
import { DateSchema, IdSchema, RecordMetaSchema } from './common.ts';
import { MAX_PLAN_TEXT } from './plan.ts';

// Objectives (measurable goals, KPIs) and their readings (design §14). See plan.ts for the
// Fields / Input / wire pattern.

/** A KPI value: finite, and small enough that progress arithmetic stays exact to many digits. */
export const KpiValueSchema = z.number().min(-1e12).max(1e12);

/** How much an objective counts in the objectives part of health, 1 (least) to 5. */
export const ObjectiveWeightSchema = z.number().int().min(1).max(5);

export const ObjectiveStateSchema = z.enum(['open', 'achieved', 'dropped']);
export type ObjectiveState = z.infer<typeof ObjectiveStateSchema>;

/**
 * A measurable goal. Its direction follows from `target` against `baseline`
 * (a target below the baseline is a goal to reduce), so the two must differ.
 */
export const ObjectiveFieldsSchema = z.strictObject({
  id: IdSchema,
  accountId: IdSchema,
  title: z.string().trim().min(1).max(200),
  /** Shown after values, e.g. `%`, `days`, `k€`. */
  unit: z.string().trim().max(40),
  baseline: KpiValueSchema,
  target: KpiValueSchema,
  dueOn: DateSchema,
  /** Who on our side owns it; receives `kpi-stale`. */
  ownerId: IdSchema,
  /** Their counterpart, a contact. */
  counterpartId: IdSchema.nullable(),
  weight: ObjectiveWeightSchema,
  state: ObjectiveStateSchema,
});

export const ObjectiveInputSchema = ObjectiveFieldsSchema.refine((o) => o.target !== o.baseline, {
  message: 'The target must differ from the baseline',
  path: ['target'],
});
export type ObjectiveInput = z.infer<typeof ObjectiveInputSchema>;

export const ObjectiveSchema = z.object({
  ...ObjectiveFieldsSchema.shape,
  createdBy: IdSchema,
  ...RecordMetaSchema.shape,
});
export type Objective = z.infer<typeof ObjectiveSchema>;

/** One KPI reading of an objective, usually reported in a thread. */
export const MeasurementFieldsSchema = z.strictObject({
  id: IdSchema,
  objectiveId: IdSchema,
  value: KpiValueSchema,
  measuredOn: DateSchema,
  note: z.string().max(MAX_PLAN_TEXT),
  interactionId: IdSchema.nullable(),
});
export const MeasurementInputSchema = MeasurementFieldsSchema;
export type MeasurementInput = z.infer<typeof MeasurementInputSchema>;

/** A measurement as the server returns it; `accountId` is its objective's, set by the server. */
export const MeasurementSchema = z.object({
  ...MeasurementFieldsSchema.shape,
  accountId: IdSchema,
  createdBy: IdSchema,
  ...RecordMetaSchema.shape,
});
export type Measurement = z.infer<typeof MeasurementSchema>;
