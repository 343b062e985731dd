import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  computeBalanceReminder,
  computeBalanceReminderFromCounts,
} from '../../../../../shared/reminders/compute.ts';
import { makeRuleContext } from '../../../../../shared/reminders/rule-context.ts';
import { balanceWindow } from '../../../../../shared/reminders/rules/balance.ts';
import { DEFAULT_ORG_SETTINGS } from '../../../../../shared/reminders/settings.ts';
import { alice, interaction, NOW } from '../../support/builders.ts';

// The Worker counts the balance window in SQL (worker/reminders/sql.ts); counting there must
// give the very draft the list form gives.

describe('balance from counts', () => {
  it('equals the draft computed from the interactions it counts', () => {
    const { since, until } = balanceWindow(makeRuleContext(DEFAULT_ORG_SETTINGS, [alice], NOW));
    fc.assert(
      fc.property(
        fc.array(fc.record({ offsetH: fc.integer({ min: -800, max: 50 }), tactical: fc.boolean() }), {
          maxLength: 40,
        }),
        (specs) => {
          const interactions = specs.map((s) =>
            interaction({
              userId: alice.id,
              tag: s.tactical ? 'tactical' : 'strategic',
              occurredAt: new Date(Date.parse(NOW) - s.offsetH * 3_600_000).toISOString(),
            }),
          );
          const inWindow = interactions.filter((i) => {
            const at = Date.parse(i.occurredAt as string);
            return at > since && at <= until;
          });
          const counts = {
            total: inWindow.length,
            tactical: inWindow.filter((i) => i.tag === 'tactical').length,
          };
          expect(computeBalanceReminderFromCounts({ user: alice, counts, now: NOW })).toEqual(
            computeBalanceReminder({ user: alice, interactions, now: NOW }),
          );
        },
      ),
    );
  });
});
