import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  computeAccountReminders,
  computeBalanceReminder,
  computeUnassignedReminders,
} from '../../../../shared/reminders/compute.ts';
import type { ReminderDraft } from '../../../../shared/reminders/inputs.ts';
import {
  type ExistingReminder,
  type ReconcileResult,
  reconcile,
} from '../../../../shared/reminders/reconcile.ts';
import { calendarFor } from '../../../../shared/reminders/rule-context.ts';
import { OrgSettingsSchema } from '../../../../shared/schemas/settings.ts';
import { isWorkingTime } from '../../../../shared/time/business-time.ts';
import { latestLocalWeekday } from '../../../../shared/time/local-day.ts';
import { holidaysArb, instantArb, workingHoursArb, zoneArb } from '../support/arbitraries.ts';
import { type Scenario, scenarioArb, shuffle } from '../support/scenario.ts';

function computeAll(s: Scenario): ReminderDraft[] {
  const common = { users: s.users, settings: s.settings, now: s.now };
  const drafts = [
    ...computeAccountReminders({ ...common, account: s.account, interactions: s.interactions }),
    ...computeUnassignedReminders({ ...common, interactions: s.interactions }),
  ];
  for (const user of s.users) {
    const mine = s.interactions.filter((i) => i.userId === user.id);
    const draft = computeBalanceReminder({ user, interactions: mine, settings: s.settings, now: s.now });
    if (draft) drafts.push(draft);
  }
  return drafts;
}

function apply(existing: readonly ExistingReminder[], result: ReconcileResult): ExistingReminder[] {
  const byId = new Map(existing.map((e) => [e.id, e]));
  for (const u of result.upserts) byId.set(u.id, u);
  for (const c of result.closes) byId.set(c.id, { ...byId.get(c.id)!, state: c.state, closedBy: c.closedBy });
  return [...byId.values()];
}

const RUNS = { numRuns: 200 };

describe('reminder engine properties', () => {
  it('no reminder is ever due outside its recipient’s working hours', () => {
    fc.assert(
      fc.property(scenarioArb, (s) => {
        for (const draft of computeAll(s)) {
          const user = s.users.find((u) => u.id === draft.userId);
          expect(user).toBeDefined();
          expect(isWorkingTime(draft.dueAt, calendarFor(user!, s.settings))).toBe(true);
        }
      }),
      RUNS,
    );
  });

  it('the same inputs give the same drafts and ids, whatever their order', () => {
    fc.assert(
      fc.property(scenarioArb, fc.integer(), (s, seed) => {
        const a = computeAll(s);
        expect(computeAll(s)).toEqual(a);
        const shuffled = {
          ...s,
          interactions: shuffle(s.interactions, seed),
          users: shuffle(s.users, seed + 1),
        };
        expect(computeAll(shuffled)).toEqual(a);
        expect(new Set(a.map((d) => d.id)).size).toBe(a.length);
      }),
      RUNS,
    );
  });

  it('recompute + reconcile is idempotent and independent of input order', () => {
    fc.assert(
      fc.property(
        scenarioArb,
        fc.integer({ min: 0, max: 8 }),
        fc.array(
          fc.constantFrom('open', 'done', 'snoozed', 'dismissed') as fc.Arbitrary<ExistingReminder['state']>,
          {
            minLength: 20,
            maxLength: 20,
          },
        ),
        fc.integer(),
        (s, keep, states, seed) => {
          // What was stored after an earlier computation with fewer interactions, then acted on by users.
          const earlier = computeAll({ ...s, interactions: s.interactions.slice(0, keep) });
          const existing: ExistingReminder[] = earlier.map((d, k) => {
            const state = states[k % states.length]!;
            return { ...d, state, snoozedUntil: state === 'snoozed' ? s.now : null };
          });
          const drafts = computeAll(s);
          const result = reconcile(existing, drafts, s.now);
          expect(reconcile(shuffle(existing, seed), shuffle(drafts, seed + 1), s.now)).toEqual(result);

          const ids = result.upserts.map((u) => u.id);
          expect(new Set(ids).size).toBe(ids.length);
          for (const u of result.upserts) {
            const prev = existing.find((e) => e.id === u.id);
            if (prev && prev.closedBy !== 'auto') expect(u.state).toBe(prev.state);
          }

          const after = apply(existing, result);
          expect(reconcile(after, computeAll(s), s.now)).toEqual({ upserts: [], closes: [] });
          const active = after.filter((r) => r.state === 'open' || r.state === 'snoozed').map((r) => r.id);
          expect(active.every((id) => drafts.some((d) => d.id === id))).toBe(true);
        },
      ),
      RUNS,
    );
  });

  it('a new interaction after all others restarts keep-in-touch and ends every awaiting-reply', () => {
    fc.assert(
      fc.property(scenarioArb, (s) => {
        const author = s.users[0]!;
        const latest = Math.max(0, ...s.interactions.map((i) => Date.parse(i.occurredAt as string)));
        const touch = {
          id: 'int-new',
          userId: author.id,
          accountId: s.account.id,
          tag: 'tactical' as const,
          occurredAt: new Date(latest + 60_000).toISOString(),
          followUpAt: null,
          awaitingReply: false,
          title: 'New touch',
          deletedAt: null,
        };
        const input = { account: s.account, users: s.users, settings: s.settings, now: s.now };
        const before = computeAccountReminders({ ...input, interactions: s.interactions });
        const after = computeAccountReminders({ ...input, interactions: [...s.interactions, touch] });
        expect(after.filter((d) => d.rule === 'awaiting-reply' && d.accountId !== null)).toEqual([]);
        const kitBefore = before.find((d) => d.rule === 'keep-in-touch');
        const kitAfter = after.find((d) => d.rule === 'keep-in-touch');
        if (kitBefore && kitAfter) {
          expect(kitAfter.id).not.toBe(kitBefore.id);
          expect(kitAfter.interactionId).toBe('int-new');
        }
      }),
      RUNS,
    );
  });

  it('the balance nudge, when it fires, lands in working hours and keeps its id through the week', () => {
    fc.assert(
      fc.property(
        zoneArb,
        fc.option(workingHoursArb, { nil: null }),
        holidaysArb,
        instantArb,
        fc.array(fc.integer({ min: 1, max: 27 * 24 * 60 }), { minLength: 10, maxLength: 20 }),
        fc.integer({ min: 0, max: 2 }),
        fc.integer({ min: 0, max: 6 * 24 }),
        (timeZone, workingHours, holidays, now, minutesAgo, strategicCount, laterHours) => {
          const user = { id: 'user-1', timeZone, workingHours };
          const settings = OrgSettingsSchema.parse({ holidays });
          const interactions = minutesAgo.map((m, k) => ({
            id: `int-${k}`,
            userId: user.id,
            accountId: null,
            tag: k < strategicCount ? ('strategic' as const) : ('tactical' as const),
            occurredAt: now - m * 60_000,
            followUpAt: null,
            awaitingReply: false,
            title: 'x',
            deletedAt: null,
          }));
          const draft = computeBalanceReminder({ user, interactions, settings, now });
          const fires = (interactions.length - strategicCount) / interactions.length > 0.8;
          expect(draft !== null).toBe(fires);
          if (!draft) return;
          expect(isWorkingTime(draft.dueAt, calendarFor(user, settings))).toBe(true);
          // Later the same local week (before next Monday), the same reminder.
          const later = now + laterHours * 3_600_000;
          const sameWeek = calendarWeekStart(later, timeZone) === calendarWeekStart(now, timeZone);
          const again = computeBalanceReminder({ user, interactions, settings, now: later });
          if (sameWeek && again) expect(again.id).toBe(draft.id);
          if (!sameWeek && again) expect(again.id).not.toBe(draft.id);
        },
      ),
      RUNS,
    );
  });
});

function calendarWeekStart(ms: number, zone: string): string {
  return latestLocalWeekday(ms, 1, zone);
}
