import { z } from 'zod';
import { HEALTH_BANDS, HEALTH_PART_NAMES } from '../plans/health/names.ts';
import { PageQuerySchema } from './api.ts';
import { DateSchema, IdSchema } from './common.ts';

// Relationship health on the wire (design §15). The computation is shared/plans/health.

export const HealthBandSchema = z.enum(HEALTH_BANDS);
export const HealthPartNameSchema = z.enum(HEALTH_PART_NAMES);

/** One part of a health score; `score` null when the part has no data and is left out. */
export const HealthPartSchema = z.object({
  name: HealthPartNameSchema,
  score: z.number().int().min(0).max(100).nullable(),
  /** Share of the total in percent after rescaling (included parts sum to 100); 0 when left out. */
  weight: z.number().min(0).max(100),
  /** One plain sentence behind the score. */
  reason: z.string(),
});

/** One day of an account's health history: the daily snapshot. */
export const HealthTrendPointSchema = z.object({
  day: DateSchema,
  score: z.number().int().min(0).max(100),
  band: HealthBandSchema,
});

/** An account's health, explained, with its trend (oldest day first). */
export const HealthSchema = z.object({
  score: z.number().int().min(0).max(100),
  band: HealthBandSchema,
  /** All six parts, in display order. */
  parts: z.array(HealthPartSchema),
  worstPart: HealthPartNameSchema,
  /** The worst part's sentence, the top reason. */
  reason: z.string(),
  /** Daily snapshots, oldest first (up to 90 days). */
  trend: z.array(HealthTrendPointSchema),
});
export type HealthView = z.infer<typeof HealthSchema>;

/** `GET /api/health` query: an optional band, and paging. */
export const HealthListQuerySchema = PageQuerySchema.extend({ band: HealthBandSchema.optional() });

/** One row of `GET /api/health`: accounts worst first (lowest score, then name). */
export const HealthListItemSchema = z.object({
  accountId: IdSchema,
  name: z.string(),
  score: z.number().int().min(0).max(100),
  band: HealthBandSchema,
  worstPart: HealthPartNameSchema,
  /** The worst part's sentence. */
  reason: z.string(),
});
export type HealthListItem = z.infer<typeof HealthListItemSchema>;
