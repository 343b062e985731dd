import { describe, expect, it } from 'vitest';
import type { ReminderDraft } from '../../../../shared/reminders/inputs.ts';
import { type ExistingReminder, reconcile } from '../../../../shared/reminders/reconcile.ts';
import { reminderId } from '../../../../shared/reminders/reminder-id.ts';
import { alice, bob, NOW } from '../support/builders.ts';

function draft(subject: string, overrides: Partial<ReminderDraft> = {}): ReminderDraft {
  return {
    id: reminderId('keep-in-touch', subject, 'p1'),
    rule: 'keep-in-touch',
    userId: alice.id,
    accountId: subject,
    interactionId: null,
    title: `Keep in touch with ${subject}`,
    dueAt: '2026-03-16T13:00:00.000Z',
    ...overrides,
  };
}

const stored = (d: ReminderDraft, overrides: Partial<ExistingReminder> = {}): ExistingReminder => ({
  ...d,
  state: 'open',
  snoozedUntil: null,
  ...overrides,
});

describe('reconcile', () => {
  it('inserts new drafts as open, sorted by id', () => {
    const drafts = [draft('b'), draft('a'), draft('c')];
    const { upserts, closes } = reconcile([], drafts, NOW);
    expect(closes).toEqual([]);
    expect(upserts.map((u) => u.id)).toEqual(drafts.map((d) => d.id).sort());
    expect(upserts[0]).toMatchObject({ state: 'open', snoozedUntil: null, escalated: false, closedBy: null });
  });

  it('writes nothing when nothing changed', () => {
    const d = draft('a');
    expect(reconcile([stored(d)], [d], NOW)).toEqual({ upserts: [], closes: [] });
  });

  it('preserves done, snoozed and dismissed state while updating computed fields', () => {
    for (const state of ['done', 'snoozed', 'dismissed'] as const) {
      const d = draft('a');
      const snoozedUntil = state === 'snoozed' ? '2026-03-20T13:00:00.000Z' : null;
      const moved = { ...d, userId: bob.id, dueAt: '2026-03-17T08:00:00.000Z' };
      const closedBy = state === 'done' ? ('user' as const) : null;
      const { upserts } = reconcile([stored(d, { state, snoozedUntil, closedBy })], [moved], NOW);
      expect(upserts).toEqual([{ ...moved, state, snoozedUntil, escalated: false, closedBy }]);
      expect(reconcile([stored(d, { state, snoozedUntil })], [d], NOW).upserts).toEqual([]);
    }
  });

  it('closes open and snoozed reminders whose condition is gone, and leaves finished ones alone', () => {
    const [open, snoozed, done, dismissed] = ['a', 'b', 'c', 'd'].map((s) => draft(s)) as ReminderDraft[];
    const existing = [
      stored(open!, { dueAt: '2026-03-01T13:00:00Z' }),
      stored(snoozed!, { state: 'snoozed', snoozedUntil: '2026-03-20T13:00:00Z' }),
      stored(done!, { state: 'done' }),
      stored(dismissed!, { state: 'dismissed' }),
    ];
    const { upserts, closes } = reconcile(existing, [], NOW);
    expect(upserts).toEqual([]);
    expect(closes).toEqual(
      [
        { id: open!.id, state: 'done', closedBy: 'auto', wasDue: true },
        { id: snoozed!.id, state: 'done', closedBy: 'auto', wasDue: false },
      ].sort((x, y) => (x.id < y.id ? -1 : 1)),
    );
  });

  it('reopens a reminder it closed itself when the condition returns, but never one the user finished', () => {
    const d = draft('a');
    expect(reconcile([stored(d, { state: 'done', closedBy: 'auto' })], [d], NOW).upserts).toEqual([
      { ...d, state: 'open', snoozedUntil: null, escalated: false, closedBy: null },
    ]);
    expect(reconcile([stored(d, { state: 'done', closedBy: 'user' })], [d], NOW).upserts).toEqual([]);
    expect(reconcile([stored(d, { state: 'done' })], [d], NOW).upserts).toEqual([]);
  });

  it('sets and clears the escalation flag as time passes', () => {
    const d = draft('a', { dueAt: '2026-03-02T14:00:00.000Z' }); // 8 days before NOW
    expect(reconcile([], [d], NOW).upserts[0]?.escalated).toBe(true);
    expect(reconcile([stored(d, { escalated: false })], [d], NOW).upserts[0]?.escalated).toBe(true);
    expect(reconcile([stored(d, { escalated: true })], [d], NOW).upserts).toEqual([]);
    // A snooze restarts the clock.
    const snoozed = stored(d, { state: 'snoozed', snoozedUntil: '2026-03-11T13:00:00Z', escalated: true });
    expect(reconcile([snoozed], [d], NOW).upserts[0]?.escalated).toBe(false);
    expect(reconcile([], [d], NOW, { escalationDays: 10 }).upserts[0]?.escalated).toBe(false);
  });

  it('never duplicates: repeated ids in either list collapse deterministically', () => {
    const d = draft('a');
    const twin = { ...d, title: 'Other title' };
    const one = reconcile([], [d, twin, d], NOW);
    const two = reconcile([], [twin, d], NOW);
    expect(one.upserts).toHaveLength(1);
    expect(one).toEqual(two);
    const dupStored = reconcile([stored(d), stored(d, { state: 'dismissed' })], [], NOW);
    expect(dupStored).toEqual(reconcile([stored(d, { state: 'dismissed' }), stored(d)], [], NOW));
  });

  it('compares instants, not strings', () => {
    const d = draft('a');
    expect(reconcile([stored(d, { dueAt: '2026-03-16T09:00:00-04:00' })], [d], NOW).upserts).toEqual([]);
    expect(reconcile([stored(d, { dueAt: new Date('2026-03-16T13:00:00Z') })], [d], NOW).upserts).toEqual([]);
  });
});
