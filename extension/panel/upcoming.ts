import { effectiveDueAt, isActive, isEscalated } from '../../shared/reminders/escalation.ts';
import type { Mutation, ReminderRule } from '../../shared/schemas/index.ts';
import type { BusinessCalendar } from '../../shared/time/business-calendar.ts';
import { addBusinessDays } from '../../shared/time/business-time.ts';
import type { LocalReminder } from '../lib/db.ts';

/** One thing the user has coming: a follow-up or a wait for a reply, with when it falls due. */
export interface UpcomingItem {
  key: string;
  rule: Extract<ReminderRule, 'follow-up' | 'awaiting-reply'>;
  title: string;
  dueAt: number;
  accountId: string | null;
  interactionId: string | null;
  /** The server's reminder, when it has one (its actions work); null for a change not yet synced. */
  reminder: LocalReminder | null;
}

const RULES = new Set<ReminderRule>(['follow-up', 'awaiting-reply']);

/**
 * The user's follow-ups and awaiting-reply items that are not due yet, soonest
 * first. The server's reminders are the truth once synced; a log saved or
 * changed here and not synced yet shows what it will bring (its follow-up at
 * once, its awaiting-reply after the org's business days), so nothing set
 * vanishes until the next sync.
 */
export function upcomingItems(input: {
  reminders: readonly LocalReminder[];
  /** The outbox, oldest first. */
  pending: readonly Mutation[];
  userId: string;
  now: number;
  awaitingReplyBusinessDays: number;
  calendar: BusinessCalendar;
}): UpcomingItem[] {
  const { now } = input;
  // The latest pending write of each interaction wins; a delete drops it.
  const touched = new Map<string, Extract<Mutation, { name: 'interaction.put' }> | null>();
  for (const m of input.pending) {
    if (m.name === 'interaction.put') touched.set(m.args.id, m);
    else if (m.name === 'interaction.delete') touched.set(m.args.id, null);
  }
  const items: UpcomingItem[] = [];
  for (const r of input.reminders) {
    if (r.deletedAt || r.userId !== input.userId || !RULES.has(r.rule) || !isActive(r)) continue;
    if (r.interactionId && touched.has(r.interactionId)) continue;
    const dueAt = effectiveDueAt(r);
    if (dueAt <= now) continue;
    items.push({
      key: r.id,
      rule: r.rule as UpcomingItem['rule'],
      title: r.title,
      dueAt,
      accountId: r.accountId,
      interactionId: r.interactionId,
      reminder: r,
    });
  }
  for (const [id, m] of touched) {
    if (!m) continue;
    const i = m.args;
    const base = { accountId: i.accountId, interactionId: id, reminder: null };
    const follow = i.followUpAt ? Date.parse(i.followUpAt) : Number.NaN;
    if (follow > now)
      items.push({
        ...base,
        key: `follow-up:${id}`,
        rule: 'follow-up',
        title: `Follow up: ${i.title}`,
        dueAt: follow,
      });
    if (i.awaitingReply) {
      let due = Number.NaN;
      try {
        due = addBusinessDays(i.occurredAt, input.awaitingReplyBusinessDays, input.calendar);
      } catch {}
      if (due > now)
        items.push({
          ...base,
          key: `awaiting-reply:${id}`,
          rule: 'awaiting-reply',
          title: `No reply yet: ${i.title}`,
          dueAt: due,
        });
    }
  }
  return items.sort((a, b) => a.dueAt - b.dueAt || (a.key < b.key ? -1 : 1));
}

/** Due reminders split for the panel: escalated ones (over the org's escalation days late) apart from the rest. */
export function splitDue<R extends LocalReminder>(due: readonly R[], now: number, escalationDays: number) {
  const escalated: R[] = [];
  const overdue: R[] = [];
  for (const r of due) (isEscalated(r, now, escalationDays) ? escalated : overdue).push(r);
  return { escalated, overdue };
}
