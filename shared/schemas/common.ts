import { z } from 'zod';

/** Client-generated UUID (v7 in practice) so records created offline keep their id. */
export const IdSchema = z.uuid();

/** ISO 8601 instant with an offset, normally `Z`. */
export const InstantSchema = z.iso.datetime({ offset: true });

/** A calendar date, `YYYY-MM-DD`. */
export const DateSchema = z.iso.date();

/** IANA time zone name, checked against the runtime's Intl database. */
export const TimeZoneSchema = z
  .string()
  .min(1)
  .max(64)
  .refine(isTimeZone, { message: 'Unknown IANA time zone' });

function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

export const EmailSchema = z.email().max(254);

export const TagSchema = z.enum(['tactical', 'strategic']);
export type Tag = z.infer<typeof TagSchema>;

export const InteractionKindSchema = z.enum(['email', 'meeting', 'call', 'note', 'other']);
export type InteractionKind = z.infer<typeof InteractionKindSchema>;

export const SiteSchema = z.enum(['gmail', 'google-calendar', 'outlook-mail', 'outlook-calendar', 'manual']);
export type Site = z.infer<typeof SiteSchema>;

export const VisibilitySchema = z.enum(['team', 'private']);
export type Visibility = z.infer<typeof VisibilitySchema>;

export const RoleSchema = z.enum(['member', 'manager', 'admin']);
export type Role = z.infer<typeof RoleSchema>;

export const StakeholderSchema = z.enum(['customer', 'supplier', 'partner', 'employee', 'other']);
export type Stakeholder = z.infer<typeof StakeholderSchema>;

export const TierSchema = z.enum(['strategic', 'tactical']);
export type Tier = z.infer<typeof TierSchema>;

/** Server-maintained fields every synced record carries. */
export const RecordMetaSchema = z.object({
  version: z.number().int().nonnegative(),
  createdAt: InstantSchema,
  updatedAt: InstantSchema,
  deletedAt: InstantSchema.nullable(),
});
