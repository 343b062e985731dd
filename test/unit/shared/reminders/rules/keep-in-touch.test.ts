import { describe, expect, it } from 'vitest';
import { computeAccountReminders } from '../../../../../shared/reminders/compute.ts';
import type { ReminderAccount, ReminderInteraction } from '../../../../../shared/reminders/inputs.ts';
import { reconcile } from '../../../../../shared/reminders/reconcile.ts';
import { OrgSettingsSchema } from '../../../../../shared/schemas/settings.ts';
import { account, alice, bob, interaction, NOW, USERS } from '../../support/builders.ts';

const kit = (
  acct: ReminderAccount,
  interactions: ReminderInteraction[],
  settings = OrgSettingsSchema.parse({}),
) =>
  computeAccountReminders({ account: acct, interactions, users: USERS, settings, now: NOW }).find(
    (d) => d.rule === 'keep-in-touch',
  );

// Monday 2026-03-02 10:00 EST.
const last = interaction({ occurredAt: '2026-03-02T15:00:00Z' });

describe('keep-in-touch', () => {
  it('is due 14 days after the last interaction for a strategic account, to the owner', () => {
    expect(kit(account(), [last])).toMatchObject({
      rule: 'keep-in-touch',
      userId: alice.id,
      accountId: 'acct-globex',
      interactionId: last.id,
      title: 'Keep in touch with Globex (every 14 days)',
      dueAt: '2026-03-16T14:00:00.000Z', // 10:00 EDT: same wall time across the DST change
    });
  });

  it('uses 30 days for a tactical account, the account override, then org overrides', () => {
    expect(kit(account({ tier: 'tactical' }), [last])?.dueAt).toBe('2026-04-01T14:00:00.000Z');
    expect(kit(account({ cadenceDays: 7 }), [last])?.dueAt).toBe('2026-03-09T14:00:00.000Z');
    const settings = OrgSettingsSchema.parse({ cadenceDays: { strategic: 21 } });
    expect(kit(account(), [last], settings)?.dueAt).toBe('2026-03-23T14:00:00.000Z');
    expect(kit(account({ cadenceDays: 7 }), [last], settings)?.dueAt).toBe('2026-03-09T14:00:00.000Z');
  });

  it('is off for an account whose cadence is 0 (a closed relationship)', () => {
    expect(kit(account({ cadenceDays: 0 }), [last])).toBeUndefined();
    expect(kit(account({ cadenceDays: 0 }), [])).toBeUndefined();
  });

  it('snaps a weekend due date to Monday’s working start', () => {
    const saturday = interaction({ occurredAt: '2026-02-28T15:00:00Z' });
    expect(kit(account(), [saturday])?.dueAt).toBe('2026-03-16T13:00:00.000Z');
  });

  it('counts from the account’s creation when it has no interactions', () => {
    expect(kit(account(), [])).toMatchObject({ interactionId: null, dueAt: '2025-06-16T14:00:00.000Z' });
  });

  it('falls back to the latest interaction’s author, in their zone, when the owner is unknown', () => {
    const older = interaction({ userId: alice.id, occurredAt: '2026-02-20T15:00:00Z' });
    const byBob = interaction({ userId: bob.id, occurredAt: '2026-03-02T15:00:00Z' });
    const draft = kit(account({ ownerId: 'user-gone' }), [older, byBob]);
    expect(draft).toMatchObject({ userId: bob.id, dueAt: '2026-03-16T15:00:00.000Z' }); // 16:00 CET
    expect(kit(account({ ownerId: null }), [older, byBob])?.userId).toBe(bob.id);
  });

  it('does not fire with nobody to tell, for a deleted account, or when disabled', () => {
    expect(kit(account({ ownerId: null }), [])).toBeUndefined();
    expect(kit(account({ deletedAt: NOW }), [last])).toBeUndefined();
    const settings = OrgSettingsSchema.parse({ disabledRules: ['keep-in-touch'] });
    expect(kit(account(), [last], settings)).toBeUndefined();
  });

  it('any new interaction, of any tag and by anyone, resets the clock and closes the old reminder', () => {
    const before = kit(account(), [last])!;
    const stored = [{ ...before, state: 'snoozed' as const, snoozedUntil: '2026-03-17T13:00:00Z' }];
    const touch = interaction({ userId: bob.id, tag: 'tactical', occurredAt: '2026-03-10T14:00:00Z' });
    const after = kit(account(), [last, touch])!;
    expect(after.id).not.toBe(before.id);
    expect(after.dueAt).toBe('2026-03-24T14:00:00.000Z');
    const result = reconcile(stored, [after], NOW);
    expect(result.closes.map((c) => c.id)).toEqual([before.id]);
    expect(result.upserts).toMatchObject([{ id: after.id, state: 'open' }]);
  });

  it('recomputing without a new interaction keeps the id (and so the stored state)', () => {
    const a = kit(account(), [last])!;
    const b = kit(account({ cadenceDays: 21 }), [last])!;
    expect(b.id).toBe(a.id);
    const result = reconcile([{ ...a, state: 'dismissed', snoozedUntil: null }], [b], NOW);
    expect(result.upserts).toMatchObject([{ id: a.id, state: 'dismissed', dueAt: b.dueAt }]);
  });
});
