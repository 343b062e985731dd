import {
  DEFAULT_ORG_SETTINGS,
  type ExistingReminder,
  type OrgSettings,
  type ReminderAccount,
  type ReminderInteraction,
  type ReminderUser,
  sha256Hex,
} from '../../shared/reminders/index.ts';
import type { ReminderRule, ReminderState } from '../../shared/schemas/reminder.ts';
import { OrgSettingsSchema, WorkingHoursSchema } from '../../shared/schemas/settings.ts';
import { READ } from './sql.ts';

// D1 rows → the plain data the shared rules read. Rows are read with raw SQL (see sql.ts),
// so the column names are snake_case here.

/** What every recompute of one org needs besides its subject: settings and recipients. */
export interface OrgInputs {
  orgId: string;
  settings: OrgSettings;
  users: ReminderUser[];
  /** Changes whenever settings or people change in a way that can move a reminder. */
  hash: string;
}

export interface InteractionRow {
  id: string;
  user_id: string;
  account_id: string | null;
  tag: 'tactical' | 'strategic';
  occurred_at: string;
  follow_up_at: string | null;
  awaiting_reply: number;
  title: string;
  deleted_at: string | null;
}

export interface AccountRow {
  id: string;
  name: string;
  tier: 'tactical' | 'strategic';
  cadence_days: number | null;
  owner_id: string | null;
  ends_on: string | null;
  created_at: string;
  deleted_at: string | null;
  last_interaction_at?: string | null;
  last_strategic_at?: string | null;
}

export interface ReminderRow {
  id: string;
  org_id: string;
  user_id: string;
  account_id: string | null;
  interaction_id: string | null;
  rule: ReminderRule;
  title: string;
  due_at: string;
  state: ReminderState;
  snoozed_until: string | null;
  closed_by: 'auto' | 'user' | null;
  deleted_at: string | null;
}

interface UserRow {
  id: string;
  time_zone: string;
  working_hours: string | null;
}

function parseJson(text: string | null): unknown {
  if (text == null) return null;
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

/** The org's reminder settings; a malformed column falls back to the defaults rather than stopping reminders. */
export function parseSettings(text: string | null | undefined): OrgSettings {
  const parsed = OrgSettingsSchema.safeParse(parseJson(text ?? '{}') ?? {});
  return parsed.success ? parsed.data : DEFAULT_ORG_SETTINGS;
}

export function toUser(r: UserRow): ReminderUser {
  const hours = WorkingHoursSchema.safeParse(parseJson(r.working_hours));
  return { id: r.id, timeZone: r.time_zone, workingHours: hours.success ? hours.data : null };
}

export function orgInputs(
  orgId: string,
  settingsText: string | null | undefined,
  rows: UserRow[],
): OrgInputs {
  const settings = parseSettings(settingsText);
  const users = rows.map(toUser).sort((a, b) => (a.id < b.id ? -1 : 1));
  return { orgId, settings, users, hash: sha256Hex(JSON.stringify({ settings, users })) };
}

/** Settings and active users of one org, in one round trip. */
export async function loadOrgInputs(db: D1Database, orgId: string): Promise<OrgInputs> {
  const [settings, users] = await db.batch([
    db.prepare(READ.settings).bind(orgId),
    db.prepare(READ.users).bind(orgId),
  ]);
  const row = (settings!.results as { settings: string }[])[0];
  return orgInputs(orgId, row?.settings, users!.results as UserRow[]);
}

export function toInteraction(r: InteractionRow): ReminderInteraction {
  return {
    id: r.id,
    userId: r.user_id,
    accountId: r.account_id,
    tag: r.tag,
    occurredAt: r.occurred_at,
    followUpAt: r.follow_up_at,
    awaitingReply: r.awaiting_reply === 1,
    title: r.title,
    deletedAt: r.deleted_at,
  };
}

export function toAccount(r: AccountRow): ReminderAccount {
  return {
    id: r.id,
    name: r.name,
    tier: r.tier,
    cadenceDays: r.cadence_days,
    ownerId: r.owner_id,
    endsOn: r.ends_on,
    createdAt: r.created_at,
    deletedAt: r.deleted_at,
  };
}

/** A stored reminder for `reconcile`; a tombstone counts as closed by the engine, so it may revive. */
export function toExisting(r: ReminderRow): ExistingReminder {
  const tombstone = r.deleted_at != null;
  return {
    id: r.id,
    rule: r.rule,
    userId: r.user_id,
    accountId: r.account_id,
    interactionId: r.interaction_id,
    title: r.title,
    dueAt: r.due_at,
    state: tombstone ? 'done' : r.state,
    snoozedUntil: tombstone ? null : r.snoozed_until,
    closedBy: tombstone ? 'auto' : r.closed_by,
  };
}
