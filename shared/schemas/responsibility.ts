import { z } from 'zod';
import { IdSchema, RecordMetaSchema } from './common.ts';

// The two-sided responsibility matrix (design §14): one record is one cell, an area × a person
// of either side, with a RACI role. See plan.ts for the Fields / Input / wire pattern.

/** Responsible, Accountable, Consulted, Informed. Each area should have exactly one A. */
export const RaciRoleSchema = z.enum(['R', 'A', 'C', 'I']);
export type RaciRole = z.infer<typeof RaciRoleSchema>;

export const ResponsibilityFieldsSchema = z.strictObject({
  id: IdSchema,
  accountId: IdSchema,
  /** The area of work, e.g. "Logistics" or "Quarterly forecast"; compared case-insensitively. */
  area: z.string().trim().min(1).max(120),
  /** The objective this area serves, if any. */
  objectiveId: IdSchema.nullable(),
  /** One of ours… */
  userId: IdSchema.nullable(),
  /** …or one of theirs: exactly one of the two is set. */
  contactId: IdSchema.nullable(),
  role: RaciRoleSchema,
});

export const ResponsibilityInputSchema = ResponsibilityFieldsSchema.refine(
  (r) => (r.userId === null) !== (r.contactId === null),
  { message: 'Name exactly one person: one of ours or one of their contacts', path: ['userId'] },
);
export type ResponsibilityInput = z.infer<typeof ResponsibilityInputSchema>;

export const ResponsibilitySchema = z.object({
  ...ResponsibilityFieldsSchema.shape,
  createdBy: IdSchema,
  ...RecordMetaSchema.shape,
});
export type Responsibility = z.infer<typeof ResponsibilitySchema>;
