import { describe, expect, it } from 'vitest';
import {
  computeAccountReminders,
  computeUnassignedReminders,
} from '../../../../../shared/reminders/compute.ts';
import { reconcile } from '../../../../../shared/reminders/reconcile.ts';
import { OrgSettingsSchema } from '../../../../../shared/schemas/settings.ts';
import { account, alice, bob, interaction, NOW, USERS } from '../../support/builders.ts';

const followUps = (interactions: ReturnType<typeof interaction>[], users = USERS) =>
  computeAccountReminders({ account: account(), interactions, users, now: NOW }).filter(
    (d) => d.rule === 'follow-up',
  );

describe('follow-up', () => {
  it('fires for the author; a Friday-evening follow-up is due Monday 09:00 in their zone', () => {
    const i = interaction({
      userId: alice.id,
      title: 'Send revised proposal',
      followUpAt: '2026-03-06T23:00:00Z',
    });
    const [draft] = followUps([i]);
    expect(draft).toMatchObject({
      rule: 'follow-up',
      userId: alice.id,
      accountId: 'acct-globex',
      interactionId: i.id,
      title: 'Follow up: Send revised proposal',
      dueAt: '2026-03-09T13:00:00.000Z',
    });
    expect(draft?.id).toMatch(/^fu_[0-9a-f]{64}$/);
  });

  it('uses the author’s own zone: the same instant is Saturday morning in Berlin, so Monday 09:00 CET', () => {
    const i = interaction({ userId: bob.id, followUpAt: '2026-03-06T23:00:00Z' });
    expect(followUps([i])[0]?.dueAt).toBe('2026-03-09T08:00:00.000Z');
  });

  it('does not fire without a follow-up time, for a deleted interaction, an unknown author or a disabled rule', () => {
    expect(followUps([interaction()])).toEqual([]);
    expect(followUps([interaction({ followUpAt: NOW, deletedAt: NOW })])).toEqual([]);
    expect(followUps([interaction({ followUpAt: NOW, userId: 'user-gone' })])).toEqual([]);
    const settings = OrgSettingsSchema.parse({ disabledRules: ['follow-up'] });
    const drafts = computeAccountReminders({
      account: account(),
      interactions: [interaction({ followUpAt: NOW })],
      users: USERS,
      settings,
      now: NOW,
    });
    expect(drafts.filter((d) => d.rule === 'follow-up')).toEqual([]);
  });

  it('closes when the follow-up is cleared, and is replaced when it is moved', () => {
    const i = interaction({ followUpAt: '2026-03-12T14:00:00Z' });
    const [first] = followUps([i]);
    const stored = [{ ...first!, state: 'open' as const, snoozedUntil: null }];

    const cleared = reconcile(stored, followUps([{ ...i, followUpAt: null }]), NOW);
    expect(cleared.closes.map((c) => c.id)).toEqual([first!.id]);

    const moved = followUps([{ ...i, followUpAt: '2026-03-13T14:00:00Z' }]);
    expect(moved[0]?.id).not.toBe(first!.id);
    const result = reconcile(stored, moved, NOW);
    expect(result.closes.map((c) => c.id)).toEqual([first!.id]);
    expect(result.upserts.map((u) => u.id)).toEqual([moved[0]!.id]);
  });

  it('fires for interactions without an account too', () => {
    const i = interaction({ accountId: null, followUpAt: '2026-03-11T14:00:00Z' });
    const drafts = computeUnassignedReminders({ interactions: [i], users: USERS, now: NOW });
    expect(drafts).toHaveLength(1);
    expect(drafts[0]).toMatchObject({
      rule: 'follow-up',
      accountId: null,
      dueAt: '2026-03-11T14:00:00.000Z',
    });
  });
});
