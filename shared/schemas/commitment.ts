import { z } from 'zod';
import { DateSchema, IdSchema, RecordMetaSchema } from './common.ts';

// The promises ledger (design §14), in both directions. See plan.ts for the Fields / Input /
// wire pattern.

/** `ours`: we promised it; `theirs`: the client did. */
export const CommitmentSideSchema = z.enum(['ours', 'theirs']);
export type CommitmentSide = z.infer<typeof CommitmentSideSchema>;

export const CommitmentStateSchema = z.enum(['open', 'kept', 'broken', 'cancelled']);
export type CommitmentState = z.infer<typeof CommitmentStateSchema>;

export const CommitmentFieldsSchema = z.strictObject({
  id: IdSchema,
  accountId: IdSchema,
  side: CommitmentSideSchema,
  /** Ours only: who on our side delivers it. */
  ownerId: IdSchema.nullable(),
  /** Theirs only: the contact who promised it. */
  contactId: IdSchema.nullable(),
  what: z.string().trim().min(1).max(500),
  dueOn: DateSchema,
  state: CommitmentStateSchema,
  /** The day it was kept, broken or cancelled; null while open. */
  closedOn: DateSchema.nullable(),
  interactionId: IdSchema.nullable(),
});

export const CommitmentInputSchema = CommitmentFieldsSchema.superRefine((c, ctx) => {
  if (c.side === 'ours' && (c.ownerId === null || c.contactId !== null))
    ctx.addIssue({
      code: 'custom',
      message: 'A promise of ours names its owner on our side, and no contact',
      path: ['ownerId'],
    });
  if (c.side === 'theirs' && (c.contactId === null || c.ownerId !== null))
    ctx.addIssue({
      code: 'custom',
      message: 'A promise of theirs names the contact who made it, and no owner of ours',
      path: ['contactId'],
    });
  if ((c.state === 'open') !== (c.closedOn === null))
    ctx.addIssue({
      code: 'custom',
      message: c.state === 'open' ? 'An open promise has no closing date' : 'Give the day it was closed',
      path: ['closedOn'],
    });
});
export type CommitmentInput = z.infer<typeof CommitmentInputSchema>;

export const CommitmentSchema = z.object({
  ...CommitmentFieldsSchema.shape,
  createdBy: IdSchema,
  ...RecordMetaSchema.shape,
});
export type Commitment = z.infer<typeof CommitmentSchema>;
