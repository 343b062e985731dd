/** A random but realistic org slice for the reminder property tests. */
import fc from 'fast-check';
import type {
  ReminderAccount,
  ReminderInteraction,
  ReminderUser,
} from '../../../../shared/reminders/inputs.ts';
import { type OrgSettings, OrgSettingsSchema } from '../../../../shared/schemas/settings.ts';
import { holidaysArb, workingHoursArb, zoneArb } from './arbitraries.ts';

export interface Scenario {
  users: ReminderUser[];
  account: ReminderAccount;
  interactions: ReminderInteraction[];
  settings: OrgSettings;
  now: string;
}

/** 2025-01-01 … 2027-01-01 at minute resolution, as ISO strings. */
const instantArb = fc
  .integer({ min: 0, max: 2 * 365 * 24 * 60 })
  .map((m) => new Date(Date.UTC(2025, 0, 1) + m * 60_000).toISOString());

const dateArb = fc
  .integer({ min: 0, max: 2 * 365 })
  .map((d) => new Date(Date.UTC(2025, 0, 1) + d * 86_400_000).toISOString().slice(0, 10));

const userArb = fc.record({ timeZone: zoneArb, workingHours: fc.option(workingHoursArb, { nil: null }) });

const interactionArb = fc.record({
  author: fc.integer({ min: 0, max: 3 }), // 3 is nobody we know
  tag: fc.constantFrom(
    'tactical',
    'tactical',
    'tactical',
    'tactical',
    'tactical',
    'strategic',
  ) as fc.Arbitrary<'tactical' | 'strategic'>,
  occurredAt: instantArb,
  /** When set, the interaction happened this many minutes before `now`, so balance windows fill up. */
  minutesAgo: fc.option(fc.integer({ min: -600, max: 30 * 24 * 60 }), { nil: null }),
  followUpAt: fc.option(instantArb, { nil: null }),
  awaitingReply: fc.boolean(),
  deleted: fc.integer({ min: 0, max: 4 }).map((n) => n === 0),
  where: fc.constantFrom('account', 'account', 'account', 'none', 'other'),
});

export const scenarioArb: fc.Arbitrary<Scenario> = fc
  .record({
    users: fc.array(userArb, { minLength: 1, maxLength: 3 }),
    tier: fc.constantFrom('tactical', 'strategic') as fc.Arbitrary<'tactical' | 'strategic'>,
    cadenceDays: fc.option(fc.integer({ min: 1, max: 60 }), { nil: null }),
    owner: fc.integer({ min: -1, max: 3 }),
    endsOn: fc.option(dateArb, { nil: null }),
    createdAt: instantArb,
    interactions: fc.array(interactionArb, { maxLength: 16 }),
    workingHours: workingHoursArb,
    holidays: holidaysArb,
    now: instantArb,
  })
  .map((r) => {
    const users = r.users.map((u, k) => ({ id: `user-${k}`, ...u }));
    const userId = (k: number) => (k < users.length ? `user-${k}` : `user-unknown-${k}`);
    return {
      users,
      settings: OrgSettingsSchema.parse({ workingHours: r.workingHours, holidays: r.holidays }),
      now: r.now,
      account: {
        id: 'acct-1',
        name: 'Acme',
        tier: r.tier,
        cadenceDays: r.cadenceDays,
        ownerId: r.owner < 0 ? null : userId(r.owner),
        endsOn: r.endsOn,
        createdAt: r.createdAt,
        deletedAt: null,
      },
      interactions: r.interactions.map((i, k) => ({
        id: `int-${String(k).padStart(2, '0')}`,
        userId: userId(i.author),
        accountId: i.where === 'account' ? 'acct-1' : i.where === 'other' ? 'acct-2' : null,
        tag: i.tag,
        occurredAt:
          i.minutesAgo === null
            ? i.occurredAt
            : new Date(Date.parse(r.now) - i.minutesAgo * 60_000).toISOString(),
        followUpAt: i.followUpAt,
        awaitingReply: i.awaitingReply,
        title: `Interaction ${k}`,
        deletedAt: i.deleted ? r.now : null,
      })),
    };
  });

/** A deterministic permutation (Fisher–Yates driven by a small LCG). */
export function shuffle<T>(items: readonly T[], seed: number): T[] {
  const out = [...items];
  let state = seed >>> 0 || 1;
  for (let i = out.length - 1; i > 0; i--) {
    state = (Math.imul(state, 1_664_525) + 1_013_904_223) >>> 0;
    const j = state % (i + 1);
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}
