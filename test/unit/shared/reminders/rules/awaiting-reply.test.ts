import { describe, expect, it } from 'vitest';
import {
  computeAccountReminders,
  computeUnassignedReminders,
} from '../../../../../shared/reminders/compute.ts';
import type { ReminderInteraction } from '../../../../../shared/reminders/inputs.ts';
import { reconcile } from '../../../../../shared/reminders/reconcile.ts';
import { OrgSettingsSchema } from '../../../../../shared/schemas/settings.ts';
import { account, alice, bob, interaction, NOW, priya, USERS } from '../../support/builders.ts';

const awaiting = (interactions: ReminderInteraction[], settings = OrgSettingsSchema.parse({})) =>
  computeAccountReminders({ account: account(), interactions, users: USERS, settings, now: NOW }).filter(
    (d) => d.rule === 'awaiting-reply',
  );

describe('awaiting-reply', () => {
  // Friday 2026-03-06 15:00 EST.
  const sent = interaction({
    awaitingReply: true,
    occurredAt: '2026-03-06T20:00:00Z',
    title: 'Pricing for 2027',
  });

  it('fires for the author 3 business days later, same time of day, across the DST change', () => {
    const [draft] = awaiting([sent]);
    expect(draft).toMatchObject({
      rule: 'awaiting-reply',
      userId: alice.id,
      interactionId: sent.id,
      title: 'No reply yet: Pricing for 2027',
      dueAt: '2026-03-11T19:00:00.000Z', // Wednesday 15:00 EDT
    });
    expect(draft?.id).toMatch(/^ar_/);
  });

  it('follows the org setting for the number of business days', () => {
    const settings = OrgSettingsSchema.parse({ awaitingReplyBusinessDays: 1 });
    expect(awaiting([sent], settings)[0]?.dueAt).toBe('2026-03-09T19:00:00.000Z');
  });

  it('does not fire when the account has a later interaction, by anyone', () => {
    const reply = interaction({ userId: bob.id, occurredAt: '2026-03-09T10:00:00Z' });
    expect(awaiting([sent, reply])).toEqual([]);
  });

  it('still fires when the only other interactions are earlier, deleted or on another account', () => {
    const earlier = interaction({ occurredAt: '2026-03-05T10:00:00Z' });
    const deleted = interaction({ occurredAt: '2026-03-09T10:00:00Z', deletedAt: '2026-03-09T11:00:00Z' });
    const elsewhere = interaction({ occurredAt: '2026-03-09T10:00:00Z', accountId: 'acct-other' });
    expect(awaiting([earlier, sent, deleted, elsewhere])).toHaveLength(1);
  });

  it('does not fire when not marked awaiting reply', () => {
    expect(awaiting([{ ...sent, awaitingReply: false }])).toEqual([]);
  });

  it('ends (closes) when a new interaction with the account is logged', () => {
    const [draft] = awaiting([sent]);
    const stored = [{ ...draft!, state: 'snoozed' as const, snoozedUntil: '2026-03-12T14:00:00Z' }];
    const reply = interaction({ userId: priya.id, occurredAt: '2026-03-10T09:00:00Z' });
    const result = reconcile(stored, awaiting([sent, reply]), NOW);
    expect(result.closes).toEqual([{ id: draft!.id, state: 'done', closedBy: 'auto', wasDue: false }]);
    expect(result.upserts).toEqual([]);
  });

  it('without an account, only un-marking or deleting ends the wait', () => {
    const loose = interaction({ accountId: null, awaitingReply: true, occurredAt: '2026-03-06T20:00:00Z' });
    const later = interaction({ accountId: null, occurredAt: '2026-03-09T20:00:00Z' });
    const drafts = computeUnassignedReminders({ interactions: [loose, later], users: USERS, now: NOW });
    expect(drafts.map((d) => d.rule)).toEqual(['awaiting-reply']);
    expect(
      computeUnassignedReminders({
        interactions: [{ ...loose, awaitingReply: false }],
        users: USERS,
        now: NOW,
      }),
    ).toEqual([]);
  });
});
