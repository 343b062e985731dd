import { z } from 'zod';
import { MAX_TEAM_TERMS, MAX_TEAM_WEIGHT, MAX_TERM_LENGTH } from '../classify/limits.ts';
import { RecordMetaSchema } from './common.ts';

/** One learned term: `[term, weight, at]` (see shared/classify/team.ts). */
export const TeamTermSchema = z.tuple([
  // A word, or two words and the space between them.
  z
    .string()
    .min(1)
    .max(MAX_TERM_LENGTH * 2 + 1),
  z.number().min(-MAX_TEAM_WEIGHT).max(MAX_TEAM_WEIGHT),
  z.number().int().nonnegative(),
]);

/**
 * The org's learned tag-suggestion weights, one record per org, synced to
 * every replica. Derived by the server from team-visible interactions only:
 * clients never write it.
 */
export const TeamWeightsSchema = z
  .object({
    corrections: z.number().int().nonnegative(),
    terms: z.array(TeamTermSchema).max(MAX_TEAM_TERMS),
  })
  .extend(RecordMetaSchema.shape);
export type TeamWeightsRecord = z.infer<typeof TeamWeightsSchema>;
