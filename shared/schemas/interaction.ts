import { z } from 'zod';
import {
  IdSchema,
  InstantSchema,
  InteractionKindSchema,
  RecordMetaSchema,
  SiteSchema,
  TagSchema,
  VisibilitySchema,
} from './common.ts';

/** Where an interaction was logged from: the site plus its thread or event reference. */
export const SourceSchema = z.strictObject({
  site: SiteSchema,
  ref: z.string().max(512).nullable(),
  url: z
    .url({ protocol: /^https?$/ })
    .max(2048)
    .nullable(),
});
export type Source = z.infer<typeof SourceSchema>;

/**
 * What a client sends to create or replace an interaction. The server alone
 * sets `userId`, the org and the timestamps, so they are not accepted here.
 */
export const InteractionInputSchema = z.strictObject({
  id: IdSchema,
  accountId: IdSchema.nullable(),
  contactIds: z.array(IdSchema).max(50),
  kind: InteractionKindSchema,
  tag: TagSchema,
  title: z.string().trim().min(1).max(300),
  notes: z.string().max(10_000),
  occurredAt: InstantSchema,
  source: SourceSchema,
  followUpAt: InstantSchema.nullable(),
  awaitingReply: z.boolean(),
  visibility: VisibilitySchema,
});
export type InteractionInput = z.infer<typeof InteractionInputSchema>;

/** An interaction as the server returns it. */
export const InteractionSchema = z.object({
  ...InteractionInputSchema.shape,
  ...RecordMetaSchema.shape,
  userId: IdSchema,
});
export type Interaction = z.infer<typeof InteractionSchema>;
