import { and, asc, desc, eq, gte, inArray, isNull, lt, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/sqlite-core';
import type { Db } from '../db/client.ts';
import { toContact, toInteraction, toReminder } from '../db/records.ts';
import { accounts, contacts, interactions, orgs, reminders, users } from '../db/schema.ts';
import { parseSettings } from '../reminders/inputs.ts';

// Reads for the account and person views. Every query is scoped by the viewer's org.

export const TIMELINE_LIMIT = 100;
export const REMINDER_LIMIT = 200;

/** The org's people, for the person filter and for names. */
export function teamPeople(d: Db, orgId: string) {
  return d
    .select({ id: users.id, name: users.name, role: users.role })
    .from(users)
    .where(and(eq(users.orgId, orgId), isNull(users.deletedAt)))
    .orderBy(asc(users.name), asc(users.id));
}

export async function findPerson(d: Db, orgId: string, userId: string) {
  const [row] = await d
    .select({
      id: users.id,
      name: users.name,
      email: users.email,
      role: users.role,
      timeZone: users.timeZone,
    })
    .from(users)
    .where(and(eq(users.orgId, orgId), eq(users.id, userId)))
    .limit(1);
  return row ?? null;
}

/** Keep-in-touch cadence per tier: the org's setting, else design §6's 14 and 30 days. */
export async function cadenceDefaults(
  d: Db,
  orgId: string,
): Promise<{ strategic: number; tactical: number }> {
  const [org] = await d.select({ settings: orgs.settings }).from(orgs).where(eq(orgs.id, orgId)).limit(1);
  return parseSettings(org?.settings).cadenceDays;
}

export const CONTACT_LIMIT = 200;

/** The account's live contacts by name. */
export const accountContactsQuery = (d: Db, orgId: string, accountId: string) =>
  d
    .select()
    .from(contacts)
    .where(and(eq(contacts.orgId, orgId), eq(contacts.accountId, accountId), isNull(contacts.deletedAt)))
    .orderBy(sql`${contacts.name} COLLATE NOCASE`, asc(contacts.id))
    .limit(CONTACT_LIMIT);

export async function accountContacts(d: Db, orgId: string, accountId: string) {
  return (await accountContactsQuery(d, orgId, accountId)).map(toContact);
}

export async function findContact(d: Db, orgId: string, accountId: string, contactId: string) {
  const [row] = await findContactQuery(d, orgId, accountId, contactId);
  return row ? toContact(row) : null;
}

export function findContactQuery(d: Db, orgId: string, accountId: string, contactId: string) {
  return d
    .select()
    .from(contacts)
    .where(
      and(
        eq(contacts.orgId, orgId),
        eq(contacts.id, contactId),
        eq(contacts.accountId, accountId),
        isNull(contacts.deletedAt),
      ),
    )
    .limit(1);
}

export function findAccountQuery(d: Db, orgId: string, accountId: string) {
  const owner = alias(users, 'owner');
  return d
    .select({ account: accounts, ownerName: owner.name })
    .from(accounts)
    .leftJoin(owner, and(eq(owner.id, accounts.ownerId), eq(owner.orgId, accounts.orgId)))
    .where(and(eq(accounts.orgId, orgId), eq(accounts.id, accountId), isNull(accounts.deletedAt)))
    .limit(1);
}

export async function findAccount(d: Db, orgId: string, accountId: string) {
  const [row] = await findAccountQuery(d, orgId, accountId);
  return row ?? null;
}

/** An author's name as the timelines show it: a deactivated person's stays, marked as former (design §13). */
const authorLabel = (name: string | null, left: string | null) =>
  name === null ? null : left ? `${name} (former)` : name;

/** The account's latest interactions as the viewer may see them (others' private ones redacted). */
export async function accountTimeline(d: Db, orgId: string, accountId: string, viewerId: string) {
  const rows = await d
    .select({ i: interactions, authorName: users.name, authorLeft: users.deletedAt })
    .from(interactions)
    .leftJoin(users, and(eq(users.id, interactions.userId), eq(users.orgId, interactions.orgId)))
    .where(
      and(
        eq(interactions.orgId, orgId),
        eq(interactions.accountId, accountId),
        isNull(interactions.deletedAt),
      ),
    )
    // Time alone: the account's (org, account, occurred_at) index then serves the order directly.
    .orderBy(desc(interactions.occurredAt))
    .limit(TIMELINE_LIMIT);
  return rows.map((r) => ({
    ...toInteraction(r.i, viewerId),
    authorName: authorLabel(r.authorName, r.authorLeft),
    redacted: r.i.visibility === 'private' && r.i.userId !== viewerId,
  }));
}

export const RECENT_LIMIT = 20;

/** The team's latest interactions in a period, optionally one person's, as the viewer may see them. */
export async function recentInteractions(
  d: Db,
  orgId: string,
  viewerId: string,
  q: { from: string; to: string; userId?: string | null },
) {
  const rows = await d
    .select({
      i: interactions,
      authorName: users.name,
      authorLeft: users.deletedAt,
      accountName: accounts.name,
    })
    .from(interactions)
    .leftJoin(users, and(eq(users.id, interactions.userId), eq(users.orgId, interactions.orgId)))
    .leftJoin(accounts, and(eq(accounts.id, interactions.accountId), eq(accounts.orgId, interactions.orgId)))
    .where(
      and(
        eq(interactions.orgId, orgId),
        gte(interactions.occurredAt, q.from),
        lt(interactions.occurredAt, q.to),
        q.userId ? eq(interactions.userId, q.userId) : undefined,
        isNull(interactions.deletedAt),
      ),
    )
    .orderBy(desc(interactions.occurredAt), desc(interactions.id))
    .limit(RECENT_LIMIT);
  return rows.map((r) => ({
    ...toInteraction(r.i, viewerId),
    authorName: authorLabel(r.authorName, r.authorLeft) ?? 'Someone',
    accountName: r.accountName,
    redacted: r.i.visibility === 'private' && r.i.userId !== viewerId,
  }));
}
export type RecentInteraction = Awaited<ReturnType<typeof recentInteractions>>[number];

const RULE_LABEL: Record<string, string> = {
  'follow-up': 'Follow up on a private interaction',
  'awaiting-reply': 'No reply yet to a private interaction',
};

/**
 * Open and snoozed reminders, by due time, for an account or a person. A
 * reminder's title can quote its interaction's title, so a reminder raised by
 * someone else's private interaction gets a generic title.
 */
export async function activeReminders(
  d: Db,
  orgId: string,
  viewerId: string,
  by: { accountId: string } | { userId: string },
  now: Date,
) {
  const source = alias(interactions, 'source');
  const rows = await d
    .select({
      r: reminders,
      personName: users.name,
      accountName: accounts.name,
      sourceVisibility: source.visibility,
      sourceAuthor: source.userId,
    })
    .from(reminders)
    .leftJoin(users, and(eq(users.id, reminders.userId), eq(users.orgId, reminders.orgId)))
    .leftJoin(accounts, and(eq(accounts.id, reminders.accountId), eq(accounts.orgId, reminders.orgId)))
    .leftJoin(source, and(eq(source.id, reminders.interactionId), eq(source.orgId, reminders.orgId)))
    .where(
      and(
        eq(reminders.orgId, orgId),
        'accountId' in by ? eq(reminders.accountId, by.accountId) : eq(reminders.userId, by.userId),
        inArray(reminders.state, ['open', 'snoozed']),
        isNull(reminders.deletedAt),
      ),
    )
    .orderBy(asc(reminders.dueAt), asc(reminders.id))
    .limit(REMINDER_LIMIT);
  return rows.map((row) => {
    const reminder = toReminder(row.r, now);
    const hidden = row.sourceVisibility === 'private' && row.sourceAuthor !== viewerId;
    return {
      ...reminder,
      title: hidden ? (RULE_LABEL[reminder.rule] ?? 'Reminder on a private interaction') : reminder.title,
      personName: row.personName,
      accountName: row.accountName,
      overdue: reminder.state === 'open' && Date.parse(reminder.dueAt) < now.getTime(),
    };
  });
}
export type ActiveReminder = Awaited<ReturnType<typeof activeReminders>>[number];
