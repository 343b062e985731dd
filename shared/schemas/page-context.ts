import { z } from 'zod';
import { EmailSchema, InstantSchema } from './common.ts';

/** Sites a content script can read a context from. */
export const ContextSiteSchema = z.enum(['gmail', 'google-calendar', 'outlook-mail', 'outlook-calendar']);
export type ContextSite = z.infer<typeof ContextSiteSchema>;

export const ParticipantSchema = z.strictObject({
  name: z.string().max(200),
  email: EmailSchema,
  /** True when this address is the signed-in user's own. */
  isSelf: z.boolean(),
  /** `organizer`, `from`, `to`, `cc`, or `attendee`, when the page says. */
  role: z.enum(['from', 'to', 'cc', 'organizer', 'attendee']).optional(),
});
export type Participant = z.infer<typeof ParticipantSchema>;

/**
 * What a content script extracts from the open email thread or calendar
 * event. Built from page content, so it is untrusted: the background
 * validates it with this schema before anything else touches it.
 */
export const PageContextSchema = z.strictObject({
  site: ContextSiteSchema,
  kind: z.enum(['email-thread', 'calendar-event']),
  /** Stable thread or event id. */
  ref: z.string().min(1).max(512),
  title: z.string().max(500),
  participants: z.array(ParticipantSchema).max(200),
  /** Latest message time for a thread, start time for an event. */
  occurredAt: InstantSchema.nullable(),
  /** End time for an event. */
  endsAt: InstantSchema.nullable().optional(),
  url: z.url({ protocol: /^https$/ }).max(2048),
});
export type PageContext = z.infer<typeof PageContextSchema>;
