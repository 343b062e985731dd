import { describe, expect, it } from 'vitest';
import type { LocalReminder } from '../../../../extension/lib/db.ts';
import { aYearLater, decide } from '../../../../extension/panel/alliance.ts';
import { lateBy } from '../../../../extension/panel/time-format.ts';
import { splitDue, upcomingItems } from '../../../../extension/panel/upcoming.ts';
import type { AccountInput, Mutation } from '../../../../shared/schemas/index.ts';
import { interaction, USER_ID } from '../lib/support.ts';

const NOW = Date.parse('2026-03-06T14:00:00Z'); // Friday 15:00 in Berlin
const DAY = 86_400_000;
const iso = (ms: number) => new Date(ms).toISOString();

function reminder(id: string, patch: Partial<LocalReminder>): LocalReminder {
  return {
    id,
    userId: USER_ID,
    accountId: null,
    interactionId: null,
    rule: 'follow-up',
    title: `Follow up: ${id}`,
    dueAt: iso(NOW + DAY),
    state: 'open',
    snoozedUntil: null,
    escalated: false,
    version: 1,
    createdAt: iso(NOW),
    updatedAt: iso(NOW),
    deletedAt: null,
    ...patch,
  };
}

const base = {
  userId: USER_ID,
  now: NOW,
  awaitingReplyBusinessDays: 3,
  calendar: { timeZone: 'Europe/Berlin' },
};

describe('upcoming', () => {
  it('lists my active follow-ups and awaiting-reply reminders not yet due, soonest first', () => {
    const items = upcomingItems({
      ...base,
      pending: [],
      reminders: [
        reminder('later', { dueAt: iso(NOW + 5 * DAY) }),
        reminder('soon', { rule: 'awaiting-reply', title: 'No reply yet: x', dueAt: iso(NOW + DAY) }),
        reminder('snoozed', { state: 'snoozed', dueAt: iso(NOW - DAY), snoozedUntil: iso(NOW + 2 * DAY) }),
        reminder('past', { dueAt: iso(NOW - DAY) }),
        reminder('done', { state: 'done' }),
        reminder('kit', { rule: 'keep-in-touch' }),
        reminder('theirs', { userId: 'someone-else' }),
        reminder('gone', { deletedAt: iso(NOW) }),
      ],
    });
    expect(items.map((i) => i.key)).toEqual(['soon', 'snoozed', 'later']);
    expect(items[1]!.dueAt).toBe(NOW + 2 * DAY);
  });
  it('shows what an unsynced log will bring, over the stale reminder of an edited one, and drops deleted ones', () => {
    const edited = interaction('Send the contract', { followUpAt: iso(NOW + 3 * DAY) });
    const fresh = interaction('Asked for a quote', {
      awaitingReply: true,
      occurredAt: '2026-03-06T14:00:00.000Z',
      accountId: '0190a6f0-0000-7000-8000-00000000a000',
    });
    const deleted = interaction('Old one');
    const pending: Mutation[] = [
      { id: 1, name: 'interaction.put', args: edited },
      { id: 2, name: 'interaction.put', args: fresh },
      { id: 3, name: 'interaction.delete', args: { id: deleted.id } },
    ];
    const items = upcomingItems({
      ...base,
      pending,
      reminders: [
        reminder('stale', { interactionId: edited.id, dueAt: iso(NOW + DAY) }),
        reminder('of-deleted', { interactionId: deleted.id }),
      ],
    });
    expect(items.map((i) => [i.key, i.title, iso(i.dueAt), i.reminder])).toEqual([
      [`follow-up:${edited.id}`, 'Follow up: Send the contract', iso(NOW + 3 * DAY), null],
      // Three business days after Friday 15:00 in Berlin: Wednesday 15:00.
      [`awaiting-reply:${fresh.id}`, 'No reply yet: Asked for a quote', '2026-03-11T14:00:00.000Z', null],
    ]);
    expect(items[1]!.accountId).toBe(fresh.accountId);
  });
  it('sets escalated reminders apart by the org’s escalation days, and says how late each is', () => {
    const due = [
      reminder('a', { dueAt: iso(NOW - 4 * DAY) }),
      reminder('b', { dueAt: iso(NOW - 9 * DAY) }),
      reminder('c', { dueAt: iso(NOW - 3 * 3_600_000) }),
    ];
    expect(splitDue(due, NOW, 7)).toEqual({ escalated: [due[1]], overdue: [due[0], due[2]] });
    expect(splitDue(due, NOW, 3).escalated.map((r) => r.id)).toEqual(['a', 'b']);
    expect(lateBy(NOW - 4 * DAY, NOW)).toBe('4 days');
    expect(lateBy(NOW - DAY, NOW)).toBe('1 day');
    expect(lateBy(NOW - 3 * 3_600_000, NOW)).toBe('3 h');
    expect(lateBy(NOW - 20 * 60_000, NOW)).toBe('20 min');
  });
});

describe('alliance decisions', () => {
  const pilot: AccountInput = {
    id: '0190a6f0-0000-7000-8000-00000000a000',
    name: 'Pilot',
    domains: [],
    stakeholder: 'partner',
    tier: 'tactical',
    cadenceDays: 10,
    ownerId: USER_ID,
    startsOn: '2025-04-01',
    endsOn: '2026-03-31',
    notes: '',
  };
  it('renews to a new end, makes strategic, or closes with the end set and the cadence off', () => {
    expect(decide(pilot, { kind: 'renew', endsOn: '2027-03-31' })).toEqual({
      ...pilot,
      endsOn: '2027-03-31',
    });
    expect(decide(pilot, { kind: 'strategic' })).toEqual({ ...pilot, tier: 'strategic' });
    expect(decide(pilot, { kind: 'close', endsOn: '2026-03-06' })).toEqual({
      ...pilot,
      endsOn: '2026-03-06',
      cadenceDays: 0,
    });
    expect(aYearLater('2026-03-31')).toBe('2027-03-31');
    expect(aYearLater('2028-02-29')).toBe('2029-02-28');
  });
});
