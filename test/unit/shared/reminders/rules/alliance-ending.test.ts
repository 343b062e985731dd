import { describe, expect, it } from 'vitest';
import { computeAccountReminders } from '../../../../../shared/reminders/compute.ts';
import type { ReminderAccount } from '../../../../../shared/reminders/inputs.ts';
import { reconcile } from '../../../../../shared/reminders/reconcile.ts';
import { OrgSettingsSchema } from '../../../../../shared/schemas/settings.ts';
import { account, alice, NOW, priya, USERS } from '../../support/builders.ts';

const alliance = (acct: ReminderAccount, settings = OrgSettingsSchema.parse({})) =>
  computeAccountReminders({ account: acct, interactions: [], users: USERS, settings, now: NOW }).find(
    (d) => d.rule === 'alliance-ending',
  );

const pilot = account({ id: 'acct-pilot', name: 'Initech pilot', tier: 'tactical', endsOn: '2026-04-30' });

describe('alliance-ending', () => {
  it('is due 14 days before endsOn at the owner’s working start', () => {
    const draft = alliance(pilot);
    expect(draft).toMatchObject({
      rule: 'alliance-ending',
      userId: alice.id,
      accountId: 'acct-pilot',
      interactionId: null,
      dueAt: '2026-04-16T13:00:00.000Z', // Thursday 09:00 EDT
    });
    expect(draft?.title).toContain('2026-04-30');
    expect(draft?.id).toMatch(/^ae_/);
  });

  it('owes no decision once the relationship is closed (cadence 0)', () => {
    expect(alliance({ ...pilot, cadenceDays: 0 })).toBeUndefined();
  });

  it('moves a weekend decision date to Monday, in the owner’s zone', () => {
    expect(alliance({ ...pilot, endsOn: '2026-05-02' })?.dueAt).toBe('2026-04-20T13:00:00.000Z');
    expect(alliance({ ...pilot, ownerId: priya.id })?.dueAt).toBe('2026-04-16T03:30:00.000Z');
  });

  it('follows the org’s lead time', () => {
    const settings = OrgSettingsSchema.parse({ allianceEndingDays: 30 });
    expect(alliance(pilot, settings)?.dueAt).toBe('2026-03-31T13:00:00.000Z');
  });

  it('does not fire without endsOn or for a strategic account', () => {
    expect(alliance({ ...pilot, endsOn: null })).toBeUndefined();
    expect(alliance({ ...pilot, tier: 'strategic' })).toBeUndefined();
  });

  it('a new end date replaces the reminder; making the account strategic closes it', () => {
    const before = alliance(pilot)!;
    const stored = [{ ...before, state: 'open' as const, snoozedUntil: null }];
    const moved = alliance({ ...pilot, endsOn: '2026-06-30' })!;
    expect(moved.id).not.toBe(before.id);
    expect(reconcile(stored, [moved], NOW).closes.map((c) => c.id)).toEqual([before.id]);
    const promoted = computeAccountReminders({
      account: { ...pilot, tier: 'strategic' },
      interactions: [],
      users: USERS,
      now: NOW,
    });
    expect(promoted.some((d) => d.rule === 'alliance-ending')).toBe(false);
    expect(reconcile(stored, promoted, NOW).closes.map((c) => c.id)).toEqual([before.id]);
  });
});
