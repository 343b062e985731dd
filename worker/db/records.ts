import { isEscalated } from '../../shared/reminders/escalation.ts';
import {
  type Account,
  type Contact,
  type Interaction,
  type Reminder,
  TeamTermSchema,
  type TeamWeightsRecord,
} from '../../shared/schemas/index.ts';
import type { accounts, contacts, interactions, reminders, teamWeights } from './schema.ts';

// Row → wire record conversions, the one place where column names become §7.1 field names.

type Row<T extends { $inferSelect: unknown }> = T['$inferSelect'];

const meta = (r: { version: number; createdAt: string; updatedAt: string; deletedAt: string | null }) => ({
  version: r.version,
  createdAt: r.createdAt,
  updatedAt: r.updatedAt,
  deletedAt: r.deletedAt,
});

/**
 * An interaction as `viewerId` may see it: a private interaction's title and
 * notes are visible to its author only, but its tag, time and account still count.
 */
export function toInteraction(r: Row<typeof interactions>, viewerId: string): Interaction {
  const hidden = r.visibility === 'private' && r.userId !== viewerId;
  return {
    id: r.id,
    userId: r.userId,
    accountId: r.accountId,
    contactIds: r.contactIds,
    kind: r.kind,
    tag: r.tag,
    title: hidden ? 'Private interaction' : r.title,
    notes: hidden ? '' : r.notes,
    occurredAt: r.occurredAt,
    source: { site: r.sourceSite, ref: hidden ? null : r.sourceRef, url: hidden ? null : r.sourceUrl },
    followUpAt: r.followUpAt,
    awaitingReply: r.awaitingReply,
    visibility: r.visibility,
    ...meta(r),
  };
}

export function toAccount(r: Row<typeof accounts>): Account {
  return {
    id: r.id,
    name: r.name,
    domains: r.domains,
    stakeholder: r.stakeholder,
    tier: r.tier,
    cadenceDays: r.cadenceDays,
    ownerId: r.ownerId,
    startsOn: r.startsOn,
    endsOn: r.endsOn,
    notes: r.notes,
    ...meta(r),
  };
}

export function toContact(r: Row<typeof contacts>): Contact {
  return {
    id: r.id,
    accountId: r.accountId,
    name: r.name,
    emails: r.emails,
    title: r.title,
    timeZone: r.timeZone,
    ...meta(r),
  };
}

/**
 * Escalated: still active and overdue by more than 7 days (design §6), counted
 * from the end of a snooze, as the shared engine counts it.
 */
export function toReminder(r: Row<typeof reminders>, now: Date = new Date()): Reminder {
  return {
    id: r.id,
    userId: r.userId,
    accountId: r.accountId,
    interactionId: r.interactionId,
    rule: r.rule,
    title: r.title,
    dueAt: r.dueAt,
    state: r.state,
    snoozedUntil: r.snoozedUntil,
    escalated: isEscalated(r, now),
    ...meta(r),
  };
}

/**
 * An org's learned weights. The terms column is the server's own JSON, but it
 * is checked anyway: a row that does not parse counts as nothing learned,
 * never as a crash on every pull and write.
 */
export function toTeamWeights(r: Row<typeof teamWeights>): TeamWeightsRecord {
  let terms: TeamWeightsRecord['terms'] = [];
  try {
    const parsed = TeamTermSchema.array().safeParse(JSON.parse(r.terms));
    if (parsed.success) terms = parsed.data;
  } catch {
    // Not JSON: nothing learned.
  }
  return { corrections: r.corrections, terms, ...meta(r) };
}
