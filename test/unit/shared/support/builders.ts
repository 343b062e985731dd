/** Small builders for reminder-rule inputs, with readable ids. */
import type {
  ReminderAccount,
  ReminderInteraction,
  ReminderUser,
} from '../../../../shared/reminders/inputs.ts';

/** Tuesday 2026-03-10, 11:00 in New York (EDT). */
export const NOW = '2026-03-10T15:00:00Z';

export const alice: ReminderUser = { id: 'user-alice', timeZone: 'America/New_York' };
export const bob: ReminderUser = { id: 'user-bob', timeZone: 'Europe/Berlin' };
export const priya: ReminderUser = { id: 'user-priya', timeZone: 'Asia/Kolkata' };
export const USERS = [alice, bob, priya];

export function account(overrides: Partial<ReminderAccount> = {}): ReminderAccount {
  return {
    id: 'acct-globex',
    name: 'Globex',
    tier: 'strategic',
    cadenceDays: null,
    ownerId: alice.id,
    endsOn: null,
    createdAt: '2025-06-02T14:00:00Z',
    deletedAt: null,
    ...overrides,
  };
}

let seq = 0;

export function interaction(overrides: Partial<ReminderInteraction> = {}): ReminderInteraction {
  seq++;
  return {
    id: `int-${String(seq).padStart(4, '0')}`,
    userId: alice.id,
    accountId: 'acct-globex',
    tag: 'tactical',
    occurredAt: '2026-03-02T15:00:00Z',
    followUpAt: null,
    awaitingReply: false,
    title: `Interaction ${seq}`,
    deletedAt: null,
    ...overrides,
  };
}
