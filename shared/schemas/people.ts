import { z } from 'zod';
import { PageQuerySchema } from './api.ts';
import { EmailSchema, IdSchema, InstantSchema, RoleSchema, TimeZoneSchema } from './common.ts';
import { OrgSchema, UserSchema } from './directory.ts';
import { OrgSettingsSchema, WorkingHoursSchema } from './settings.ts';

// People of an org and the invites that bring them in (design §13): the wire shapes of
// `/api/me`, `/api/users`, `/api/invites` and the invite preview.

const NameSchema = z.string().trim().min(1).max(200);

/** `POST /api/setup` (and the `/setup` page): a new org and its first admin. */
export const SetupRequestSchema = z.strictObject({
  org: z.strictObject({ name: NameSchema }),
  admin: z.strictObject({ name: NameSchema, email: EmailSchema, timeZone: TimeZoneSchema }),
});
export type SetupRequest = z.infer<typeof SetupRequestSchema>;

/**
 * A person of the org as the people endpoints list them: the public
 * {@link UserSchema} plus their own working hours (null: the org's) and
 * whether they are still active. A deactivated ("former") person keeps their
 * name on their interactions and in the summaries.
 */
export const PersonSchema = UserSchema.extend({
  workingHours: WorkingHoursSchema.nullable(),
  active: z.boolean(),
  /** When an admin deactivated them; null while active. */
  deactivatedAt: InstantSchema.nullable(),
  createdAt: InstantSchema,
});
export type Person = z.infer<typeof PersonSchema>;

/** `GET /api/users`: active people by name; `includeFormer=true` adds the deactivated ones. */
export const UserListQuerySchema = PageQuerySchema.extend({
  // A team fits one page in the common case, so the default is the maximum page.
  limit: PageQuerySchema.shape.limit.unwrap().default(200),
  includeFormer: z.enum(['true', 'false']).optional(),
});
export type UserListQuery = z.infer<typeof UserListQuerySchema>;

/** `PATCH /api/me`: one's own profile. `workingHours: null` goes back to the org's hours. */
export const ProfilePatchSchema = z.strictObject({
  name: NameSchema.optional(),
  timeZone: TimeZoneSchema.optional(),
  workingHours: WorkingHoursSchema.nullable().optional(),
});
export type ProfilePatch = z.infer<typeof ProfilePatchSchema>;

/**
 * `PATCH /api/users/:id`: the profile (the person themself or an admin) and
 * the role (an admin only; the org always keeps at least one active admin).
 */
export const UserPatchSchema = ProfilePatchSchema.extend({ role: RoleSchema.optional() });
export type UserPatch = z.infer<typeof UserPatchSchema>;

/** `POST /api/users/:id/deactivate`: who takes over the person's accounts. */
export const DeactivateRequestSchema = z.strictObject({
  /** An active person of the same org, not the one leaving. */
  reassignTo: IdSchema,
});
export type DeactivateRequest = z.infer<typeof DeactivateRequestSchema>;

/** What a deactivation did, so a screen can say it. */
export const DeactivateResponseSchema = z.object({
  user: PersonSchema,
  reassignedAccounts: z.number().int().nonnegative(),
  revokedTokens: z.number().int().nonnegative(),
  revokedInvites: z.number().int().nonnegative(),
  closedReminders: z.number().int().nonnegative(),
});
export type DeactivateResponse = z.infer<typeof DeactivateResponseSchema>;

/**
 * What an invite does when redeemed: `join` makes a new person; `device`
 * signs an existing person in on another device (only an admin issues one,
 * with the person's current role); `rejoin` reactivates a former person.
 */
export const InviteKindSchema = z.enum(['join', 'device', 'rejoin']);
export type InviteKind = z.infer<typeof InviteKindSchema>;

/** A pending invite, as `GET /api/invites` lists it. The code itself is never shown again. */
export const InviteSchema = z.object({
  id: IdSchema,
  email: z.string(),
  /** The name the inviter gave; the person confirms or corrects it when joining. */
  name: z.string().nullable(),
  role: RoleSchema,
  kind: InviteKindSchema,
  invitedBy: IdSchema.nullable(),
  invitedByName: z.string().nullable(),
  createdAt: InstantSchema,
  expiresAt: InstantSchema,
});
export type Invite = z.infer<typeof InviteSchema>;

/** `GET /api/auth/invite?code=`: what a code is for, before spending it. */
export const InvitePreviewQuerySchema = z.strictObject({ code: z.string().min(1).max(200) });

/** The invite preview: lets the panel prefill the name and say which org and role it joins. */
export const InvitePreviewSchema = z.object({
  email: z.string(),
  name: z.string().nullable(),
  role: RoleSchema,
  kind: InviteKindSchema,
  org: OrgSchema,
  expiresAt: InstantSchema,
});
export type InvitePreview = z.infer<typeof InvitePreviewSchema>;

/** `GET /api/me`: the caller and their org, with every setting filled in. */
export const MeResponseSchema = z.object({
  user: PersonSchema,
  org: OrgSchema.extend({ settings: OrgSettingsSchema }),
});
export type MeResponse = z.infer<typeof MeResponseSchema>;
