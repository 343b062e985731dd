import { z } from 'zod';
import {
  DateSchema,
  EmailSchema,
  IdSchema,
  RecordMetaSchema,
  RoleSchema,
  StakeholderSchema,
  TierSchema,
  TimeZoneSchema,
} from './common.ts';

/** A domain such as `acme.com`: lower-case labels, no scheme or path. */
export const DomainSchema = z
  .string()
  .trim()
  .toLowerCase()
  .max(253)
  .regex(/^(?=.{1,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/, 'Not a domain name');

export const AccountInputSchema = z.strictObject({
  id: IdSchema,
  name: z.string().trim().min(1).max(200),
  domains: z.array(DomainSchema).max(20),
  stakeholder: StakeholderSchema,
  tier: TierSchema,
  /**
   * Days between keep-in-touch reminders. `null`: the org's default for the
   * tier. `0`: off, a closed relationship: no keep-in-touch reminders and no
   * alliance-ending decision (the panel's *Close* sets it with the end date).
   */
  cadenceDays: z.number().int().min(0).max(365).nullable(),
  ownerId: IdSchema.nullable(),
  startsOn: DateSchema.nullable(),
  endsOn: DateSchema.nullable(),
  notes: z.string().max(10_000),
});
export type AccountInput = z.infer<typeof AccountInputSchema>;

export const AccountSchema = z.object({ ...AccountInputSchema.shape, ...RecordMetaSchema.shape });
export type Account = z.infer<typeof AccountSchema>;

export const ContactInputSchema = z.strictObject({
  id: IdSchema,
  accountId: IdSchema.nullable(),
  name: z.string().trim().min(1).max(200),
  emails: z.array(EmailSchema.toLowerCase()).max(20),
  title: z.string().max(200).nullable(),
  timeZone: TimeZoneSchema.nullable(),
});
export type ContactInput = z.infer<typeof ContactInputSchema>;

export const ContactSchema = z.object({ ...ContactInputSchema.shape, ...RecordMetaSchema.shape });
export type Contact = z.infer<typeof ContactSchema>;

export const UserSchema = z.object({
  id: IdSchema,
  name: z.string(),
  email: EmailSchema,
  role: RoleSchema,
  timeZone: TimeZoneSchema,
});
export type User = z.infer<typeof UserSchema>;

export const OrgSchema = z.object({ id: IdSchema, name: z.string() });
export type Org = z.infer<typeof OrgSchema>;
