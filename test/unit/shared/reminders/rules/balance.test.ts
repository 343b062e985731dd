import { describe, expect, it } from 'vitest';
import { computeBalanceReminder } from '../../../../../shared/reminders/compute.ts';
import type { ReminderInteraction, ReminderUser } from '../../../../../shared/reminders/inputs.ts';
import { reconcile } from '../../../../../shared/reminders/reconcile.ts';
import { OrgSettingsSchema } from '../../../../../shared/schemas/settings.ts';
import { alice, bob, interaction, NOW, priya } from '../../support/builders.ts';

/** `total` interactions by `user` over the 20 days before NOW, `tactical` of them tactical. */
function log(user: ReminderUser, total: number, tactical: number): ReminderInteraction[] {
  return Array.from({ length: total }, (_, k) =>
    interaction({
      userId: user.id,
      tag: k < tactical ? 'tactical' : 'strategic',
      occurredAt: new Date(Date.parse(NOW) - (k + 1) * 2 * 86_400_000).toISOString(),
    }),
  );
}

const balance = (user: ReminderUser, interactions: ReminderInteraction[], now = NOW, settings?: unknown) =>
  computeBalanceReminder({
    user,
    interactions,
    now,
    settings: settings === undefined ? undefined : OrgSettingsSchema.parse(settings),
  });

describe('balance', () => {
  it('fires when ≥10 interactions in 28 days are >80 % tactical, due this Monday at working start', () => {
    const draft = balance(alice, log(alice, 10, 9));
    expect(draft).toMatchObject({
      rule: 'balance',
      userId: alice.id,
      accountId: null,
      interactionId: null,
      dueAt: '2026-03-09T13:00:00.000Z', // Monday 09:00 EDT
    });
    expect(draft?.title).toContain('90%');
    expect(draft?.id).toMatch(/^bal_/);
  });

  it('does not fire at exactly 80 % or below 10 interactions', () => {
    expect(balance(alice, log(alice, 10, 8))).toBeNull();
    expect(balance(alice, log(alice, 9, 9))).toBeNull();
  });

  it('only counts the user’s own live interactions inside the window', () => {
    const mine = log(alice, 9, 9);
    const old = interaction({ userId: alice.id, occurredAt: '2026-02-10T14:59:59Z' });
    const future = interaction({ userId: alice.id, occurredAt: '2026-03-11T15:00:00Z' });
    const deleted = interaction({ userId: alice.id, occurredAt: '2026-03-09T15:00:00Z', deletedAt: NOW });
    const others = log(bob, 5, 5);
    expect(balance(alice, [...mine, old, future, deleted, ...others])).toBeNull();
    const edge = interaction({ userId: alice.id, occurredAt: '2026-02-10T15:00:01Z' });
    expect(balance(alice, [...mine, edge])).not.toBeNull();
  });

  it('is one reminder per week: same id all week, a new one next week, last week’s closes', () => {
    const interactions = log(alice, 12, 12);
    const tuesday = balance(alice, interactions)!;
    expect(balance(alice, interactions, '2026-03-12T20:00:00Z')?.id).toBe(tuesday.id);
    const nextWeek = balance(alice, interactions, '2026-03-16T15:00:00Z')!;
    expect(nextWeek.id).not.toBe(tuesday.id);
    expect(nextWeek.dueAt).toBe('2026-03-16T13:00:00.000Z');
    const result = reconcile(
      [{ ...tuesday, state: 'open', snoozedUntil: null }],
      [nextWeek],
      '2026-03-16T15:00:00Z',
    );
    expect(result.closes.map((c) => c.id)).toEqual([tuesday.id]);
  });

  it('stands at 9 of 11 (81.8 %) and closes during the week once the balance recovers', () => {
    const interactions = log(alice, 10, 9);
    const draft = balance(alice, interactions)!;
    const touch = (at: string) => interaction({ userId: alice.id, tag: 'strategic', occurredAt: at });
    const one = [...interactions, touch('2026-03-10T13:00:00Z')];
    expect(balance(alice, one)?.id).toBe(draft.id);
    const two = [...one, touch('2026-03-10T14:00:00Z')];
    expect(balance(alice, two)).toBeNull();
    const result = reconcile([{ ...draft, state: 'open', snoozedUntil: null }], [], NOW);
    expect(result.closes).toEqual([{ id: draft.id, state: 'done', closedBy: 'auto', wasDue: true }]);
  });

  it('uses the user’s zone and skips a Monday holiday', () => {
    expect(balance(priya, log(priya, 10, 10))?.dueAt).toBe('2026-03-09T03:30:00.000Z');
    expect(balance(alice, log(alice, 10, 10), NOW, { holidays: ['2026-03-09'] })?.dueAt).toBe(
      '2026-03-10T13:00:00.000Z',
    );
  });

  it('follows org thresholds', () => {
    expect(balance(alice, log(alice, 5, 5), NOW, { balance: { minInteractions: 5 } })).not.toBeNull();
    expect(balance(alice, log(alice, 10, 9), NOW, { balance: { maxTacticalShare: 0.9 } })).toBeNull();
  });
});
