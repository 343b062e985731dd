import type { AccountInput } from '../../shared/schemas/index.ts';

/** What each alliance-ending decision does to the account (design §6: renew, make it strategic, or close it). */
export type AllianceDecision =
  | { kind: 'renew'; endsOn: string }
  | { kind: 'strategic' }
  | { kind: 'close'; endsOn: string };

/**
 * The account after the decision. Renew moves the end date. Make strategic
 * turns the tactical alliance into a strategic account (its dates stay, as a
 * record of the alliance). Close sets the end and switches the cadence off
 * (0), so no keep-in-touch reminder or further decision follows.
 */
export function decide(account: AccountInput, d: AllianceDecision): AccountInput {
  switch (d.kind) {
    case 'renew':
      return { ...account, endsOn: d.endsOn };
    case 'strategic':
      return { ...account, tier: 'strategic' };
    case 'close':
      return { ...account, endsOn: d.endsOn, cadenceDays: 0 };
  }
}

/** The same day a year later (29 Feb → 28 Feb), as the default for a renewal. */
export function aYearLater(date: string): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const next = new Date(Date.UTC(y + 1, m - 1, d));
  if (next.getUTCMonth() !== m - 1) next.setUTCDate(0);
  return next.toISOString().slice(0, 10);
}
