import { daysSince } from './format.ts';

export interface CadenceHealth {
  status: 'on-track' | 'overdue' | 'never';
  daysSince: number | null;
  cadenceDays: number;
}

/** Days since the last interaction of any kind against the account's cadence (design §6, keep-in-touch). */
export function cadenceHealth(lastAt: string | null, cadenceDays: number, now: Date): CadenceHealth {
  if (!lastAt) return { status: 'never', daysSince: null, cadenceDays };
  const days = Math.max(0, daysSince(lastAt, now));
  return { status: days > cadenceDays ? 'overdue' : 'on-track', daysSince: days, cadenceDays };
}
