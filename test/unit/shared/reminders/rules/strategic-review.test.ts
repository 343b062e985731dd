import { describe, expect, it } from 'vitest';
import { computeAccountReminders } from '../../../../../shared/reminders/compute.ts';
import type { ReminderAccount, ReminderInteraction } from '../../../../../shared/reminders/inputs.ts';
import { reconcile } from '../../../../../shared/reminders/reconcile.ts';
import { OrgSettingsSchema } from '../../../../../shared/schemas/settings.ts';
import { account, alice, interaction, NOW, USERS } from '../../support/builders.ts';

const review = (
  acct: ReminderAccount,
  interactions: ReminderInteraction[],
  settings = OrgSettingsSchema.parse({}),
) =>
  computeAccountReminders({ account: acct, interactions, users: USERS, settings, now: NOW }).find(
    (d) => d.rule === 'strategic-review',
  );

// Monday 2025-12-01 10:00 EST; +90 days is Sunday 2026-03-01.
const qbr = interaction({ tag: 'strategic', occurredAt: '2025-12-01T15:00:00Z', title: 'Q4 QBR' });

describe('strategic-review', () => {
  it('is due 90 days after the last strategic interaction, snapped to Monday 09:00', () => {
    expect(review(account(), [qbr])).toMatchObject({
      rule: 'strategic-review',
      userId: alice.id,
      interactionId: qbr.id,
      title: 'Strategic review due for Globex',
      dueAt: '2026-03-02T14:00:00.000Z',
    });
  });

  it('ignores tactical interactions: they neither reset it nor change its id', () => {
    const invoice = interaction({ tag: 'tactical', occurredAt: '2026-02-20T15:00:00Z' });
    expect(review(account(), [qbr, invoice])).toEqual(review(account(), [qbr]));
  });

  it('a new strategic interaction replaces it; the old one closes', () => {
    const before = review(account(), [qbr])!;
    const roadmap = interaction({ tag: 'strategic', occurredAt: '2026-03-09T15:00:00Z' });
    const after = review(account(), [qbr, roadmap])!;
    expect(after.id).not.toBe(before.id);
    const result = reconcile([{ ...before, state: 'open', snoozedUntil: null }], [after], NOW);
    expect(result.closes).toEqual([{ id: before.id, state: 'done', closedBy: 'auto', wasDue: true }]);
  });

  it('counts from creation without strategic interactions, follows the org setting', () => {
    expect(review(account(), [])?.dueAt).toBe('2025-09-01T13:00:00.000Z');
    const settings = OrgSettingsSchema.parse({ strategicReviewDays: 30 });
    expect(review(account(), [qbr], settings)?.dueAt).toBe('2025-12-31T15:00:00.000Z');
  });

  it('does not fire for a tactical account, and closes when the account stops being strategic', () => {
    expect(review(account({ tier: 'tactical' }), [qbr])).toBeUndefined();
    const open = review(account(), [qbr])!;
    const drafts = computeAccountReminders({
      account: account({ tier: 'tactical' }),
      interactions: [qbr],
      users: USERS,
      now: NOW,
    });
    expect(reconcile([{ ...open, state: 'open', snoozedUntil: null }], drafts, NOW).closes).toHaveLength(1);
  });
});
