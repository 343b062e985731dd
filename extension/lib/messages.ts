import { z } from 'zod';
import { PageContextSchema } from '../../shared/schemas/page-context.ts';

// Every runtime message is validated on receipt: content scripts run inside
// pages we do not control, so their messages are untrusted input.

export const PageContextMessageSchema = z.strictObject({
  type: z.literal('page-context'),
  context: PageContextSchema.nullable(),
});

/** The panel asks for a sync round; `refresh` (on opening) also re-reads the profile, settings and people. */
export const SyncNowMessageSchema = z.strictObject({
  type: z.literal('sync-now'),
  refresh: z.boolean().optional(),
});

/** The panel asks for the team's recent interactions on the account it shows. */
export const AccountTimelineMessageSchema = z.strictObject({
  type: z.literal('account-timeline'),
  accountId: z.uuid(),
});

export const BackgroundMessageSchema = z.discriminatedUnion('type', [
  PageContextMessageSchema,
  SyncNowMessageSchema,
  AccountTimelineMessageSchema,
]);
export type BackgroundMessage = z.infer<typeof BackgroundMessageSchema>;
