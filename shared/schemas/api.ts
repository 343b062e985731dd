import { z } from 'zod';
import {
  EmailSchema,
  IdSchema,
  InstantSchema,
  RoleSchema,
  StakeholderSchema,
  TagSchema,
  TimeZoneSchema,
} from './common.ts';
import {
  AccountInputSchema,
  AccountSchema,
  ContactInputSchema,
  ContactSchema,
  OrgSchema,
  UserSchema,
} from './directory.ts';
import { InteractionInputSchema } from './interaction.ts';
import { ReminderStateSchema } from './reminder.ts';

// Request and response shapes of the REST API (design §7, §7.1). The records
// themselves live beside their domain; this file holds the envelopes around them.

/** Most items one page of a collection returns (design §7.1). */
export const MAX_PAGE_SIZE = 200;
/** Most data rows one contacts CSV import may carry. */
export const MAX_IMPORT_ROWS = 5_000;

/** `limit` and `cursor`, shared by every collection. Query values arrive as strings. */
export const PageQuerySchema = z.strictObject({
  limit: z.coerce.number().int().min(1).max(MAX_PAGE_SIZE).default(50),
  cursor: z.string().max(512).optional(),
});

/** `{items, nextCursor}`: one page of a collection. */
export const pageOf = <T extends z.ZodType>(item: T) =>
  z.object({ items: z.array(item), nextCursor: z.string().nullable() });

const BoolQuerySchema = z.enum(['true', 'false']);

// --- people and auth ---------------------------------------------------------

/**
 * `POST /api/invites`. A manager may invite members and managers; only an
 * admin invites an admin. An email that already belongs to an active person
 * is refused (409: change their role instead), except that an admin may issue
 * a code with the person's current role for another device. A new invite for
 * an email replaces any pending one for it.
 */
export const InviteRequestSchema = z.strictObject({
  email: EmailSchema,
  role: RoleSchema,
  /** The invited person's name, which they confirm when joining; defaults to the email's local part. */
  name: z.string().trim().min(1).max(200).optional(),
});
export type InviteRequest = z.infer<typeof InviteRequestSchema>;

/** The code is shown once; `id` is the pending invite's, to revoke it with `DELETE /api/invites/:id`. */
export const InviteResponseSchema = z.object({ id: IdSchema, code: z.string(), expiresAt: InstantSchema });
export type InviteResponse = z.infer<typeof InviteResponseSchema>;

/** `POST /api/auth/redeem`: spend an invite code for an API token. */
export const RedeemRequestSchema = z.strictObject({
  code: z.string().min(1).max(200),
  /** A label for the new token, such as "Chrome on work laptop". */
  device: z.string().trim().min(1).max(200),
  /**
   * The person's name as they confirm it (the invite's name is the default; see
   * `GET /api/auth/invite`). Ignored when the code signs in an existing, active person.
   */
  name: z.string().trim().min(1).max(200).optional(),
  timeZone: TimeZoneSchema.optional(),
});
export type RedeemRequest = z.infer<typeof RedeemRequestSchema>;

/** What `POST /api/setup` and `POST /api/auth/redeem` answer. */
export const SessionResponseSchema = z.object({ token: z.string(), user: UserSchema, org: OrgSchema });
export type SessionResponse = z.infer<typeof SessionResponseSchema>;

export const TokenKindSchema = z.enum(['api', 'session', 'invite']);

/** A token as listed: never its secret. Invites also carry the role and email they grant. */
export const TokenInfoSchema = z.object({
  id: IdSchema,
  kind: TokenKindSchema,
  /** For an API or session token, its user; for an invite, who issued it. */
  userId: IdSchema.nullable(),
  label: z.string().nullable(),
  role: RoleSchema.nullable(),
  email: z.string().nullable(),
  createdAt: InstantSchema,
  lastUsedAt: InstantSchema.nullable(),
  expiresAt: InstantSchema.nullable(),
  revokedAt: InstantSchema.nullable(),
  /** True for the token that made this request. */
  current: z.boolean(),
});
export type TokenInfo = z.infer<typeof TokenInfoSchema>;

export const TokenListQuerySchema = PageQuerySchema.extend({
  kind: TokenKindSchema.optional(),
  /** Only this person's tokens (an admin sees everyone's; anyone else only their own anyway). */
  userId: IdSchema.optional(),
  /** Include revoked, spent and expired tokens (default false). */
  includeInactive: BoolQuerySchema.optional(),
});

// --- directory -----------------------------------------------------------------

export const AccountListQuerySchema = PageQuerySchema.extend({
  /** Name prefix, case-insensitive. */
  q: z.string().trim().min(1).max(200).optional(),
  tier: AccountInputSchema.shape.tier.optional(),
  stakeholder: StakeholderSchema.optional(),
  ownerId: IdSchema.optional(),
});

/** `POST /api/accounts`: the record without server fields; optional fields take their defaults. */
export const AccountCreateSchema = z.strictObject({
  ...AccountInputSchema.shape,
  id: IdSchema.optional(),
  domains: AccountInputSchema.shape.domains.default([]),
  cadenceDays: AccountInputSchema.shape.cadenceDays.default(null),
  ownerId: AccountInputSchema.shape.ownerId.default(null),
  startsOn: AccountInputSchema.shape.startsOn.default(null),
  endsOn: AccountInputSchema.shape.endsOn.default(null),
  notes: AccountInputSchema.shape.notes.default(''),
});

/** `PATCH /api/accounts/:id`: the changed fields only. */
export const AccountPatchSchema = AccountInputSchema.omit({ id: true }).partial();

export const ContactListQuerySchema = PageQuerySchema.extend({
  /** Name prefix, case-insensitive. */
  q: z.string().trim().min(1).max(200).optional(),
  accountId: IdSchema.optional(),
});

export const ContactCreateSchema = z.strictObject({
  ...ContactInputSchema.shape,
  id: IdSchema.optional(),
  accountId: ContactInputSchema.shape.accountId.default(null),
  emails: ContactInputSchema.shape.emails.default([]),
  title: ContactInputSchema.shape.title.default(null),
  timeZone: ContactInputSchema.shape.timeZone.default(null),
});

export const ContactPatchSchema = ContactInputSchema.omit({ id: true }).partial();

// --- interactions ----------------------------------------------------------------

/** Filters of the interaction list and its CSV export. `to` is exclusive. */
export const InteractionFilterSchema = z.strictObject({
  accountId: IdSchema.optional(),
  userId: IdSchema.optional(),
  tag: TagSchema.optional(),
  from: InstantSchema.optional(),
  to: InstantSchema.optional(),
});

export const InteractionListQuerySchema = PageQuerySchema.extend({
  ...InteractionFilterSchema.shape,
  includeDeleted: BoolQuerySchema.optional(),
});

export const InteractionPatchSchema = InteractionInputSchema.omit({ id: true }).partial();

// --- lookup ------------------------------------------------------------------------

export const LookupQuerySchema = z.strictObject({ email: z.string().trim().min(1).max(320) });

/** What an address matches (design §4): a contact by email, else an account by domain. */
export const LookupResponseSchema = z.object({
  email: z.string(),
  matchedBy: z.enum(['contact-email', 'account-domain']).nullable(),
  contact: ContactSchema.nullable(),
  account: AccountSchema.nullable(),
  /** True when the domain is a free-mail provider, which never matches an account. */
  freeMail: z.boolean(),
});
export type LookupResponse = z.infer<typeof LookupResponseSchema>;

// --- reminders -----------------------------------------------------------------------

export const ReminderListQuerySchema = PageQuerySchema.extend({
  /** `active` (default) is open and snoozed; `due` is active and due by now. */
  state: z.enum([...ReminderStateSchema.options, 'active', 'due', 'all']).default('active'),
  accountId: IdSchema.optional(),
});

/** Body of `POST /api/reminders/:id/done` and `/dismiss`: nothing, or `{}`. */
export const EmptyBodySchema = z.strictObject({});

// --- import ------------------------------------------------------------------------------

export const ImportResponseSchema = z.object({
  created: z.number().int().nonnegative(),
  /** Rows not imported; `row` counts the header as row 1, as a spreadsheet does. */
  skipped: z.array(z.object({ row: z.number().int().positive(), reason: z.string() })),
});
export type ImportResponse = z.infer<typeof ImportResponseSchema>;
