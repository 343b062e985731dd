import { z } from 'zod';
import { DateSchema, IdSchema, InstantSchema, RecordMetaSchema } from './common.ts';
import { EscalationLevelSchema, MAX_PLAN_TEXT } from './plan.ts';

// The conflict log (design §14). See plan.ts for the Fields / Input / wire pattern.

export const SeveritySchema = z.enum(['low', 'medium', 'high', 'critical']);
export type Severity = z.infer<typeof SeveritySchema>;

export const ConflictStateSchema = z.enum(['open', 'resolved']);
export type ConflictState = z.infer<typeof ConflictStateSchema>;

export const ConflictFieldsSchema = z.strictObject({
  id: IdSchema,
  accountId: IdSchema,
  title: z.string().trim().min(1).max(200),
  severity: SeveritySchema,
  /**
   * The rung of the plan's escalation ladder the conflict is at. A new
   * conflict starts at 1 (the server rejects anything else); the cron raises
   * it once per SLA period, and people may change it by hand.
   */
  level: EscalationLevelSchema,
  /** Who on our side handles it; its SLA runs in this person's working hours. */
  ownerId: IdSchema,
  openedOn: DateSchema,
  state: ConflictStateSchema,
  resolution: z.string().max(MAX_PLAN_TEXT),
  resolvedOn: DateSchema.nullable(),
  lesson: z.string().max(MAX_PLAN_TEXT),
  interactionId: IdSchema.nullable(),
});

export const ConflictInputSchema = ConflictFieldsSchema.superRefine((c, ctx) => {
  if ((c.state === 'resolved') !== (c.resolvedOn !== null))
    ctx.addIssue({
      code: 'custom',
      message:
        c.state === 'resolved' ? 'Give the day it was resolved' : 'An open conflict has no resolution date',
      path: ['resolvedOn'],
    });
  else if (c.resolvedOn !== null && c.resolvedOn < c.openedOn)
    ctx.addIssue({
      code: 'custom',
      message: 'It cannot be resolved before it was opened',
      path: ['resolvedOn'],
    });
});
export type ConflictInput = z.infer<typeof ConflictInputSchema>;

/** Why a conflict's level changed. */
export const LevelCauseSchema = z.enum(['opened', 'sla', 'manual']);
export type LevelCause = z.infer<typeof LevelCauseSchema>;

/** One change of a conflict's level, kept by the server for the conflict log. */
export const LevelChangeSchema = z.object({
  level: EscalationLevelSchema,
  /** When it changed: for `sla`, the SLA deadline that raised it, not when the cron noticed. */
  at: InstantSchema,
  cause: LevelCauseSchema,
});
export type LevelChange = z.infer<typeof LevelChangeSchema>;

export const ConflictSchema = z.object({
  ...ConflictFieldsSchema.shape,
  createdBy: IdSchema,
  /**
   * How many SLA periods have raised the level so far (0 until the first
   * passes). Server-maintained, so a period raises the level once, even
   * after someone lowers it by hand.
   */
  slaPeriods: z.number().int().min(0),
  /** Every change of level, oldest first. */
  levelHistory: z.array(LevelChangeSchema),
  ...RecordMetaSchema.shape,
});
export type Conflict = z.infer<typeof ConflictSchema>;
