import { type SQL, sql } from 'drizzle-orm';
import { accounts } from '../db/schema.ts';
import { daysSince } from './format.ts';

export interface CadenceHealth {
  status: 'on-track' | 'overdue' | 'never' | 'off';
  daysSince: number | null;
  cadenceDays: number;
}

/** Days since the last interaction of any kind against the account's cadence (design §6, keep-in-touch). */
export function cadenceHealth(lastAt: string | null, cadenceDays: number, now: Date): CadenceHealth {
  if (cadenceDays === 0)
    return { status: 'off', daysSince: lastAt ? Math.max(0, daysSince(lastAt, now)) : null, cadenceDays };
  if (!lastAt) return { status: 'never', daysSince: null, cadenceDays };
  const days = Math.max(0, daysSince(lastAt, now));
  return { status: days > cadenceDays ? 'overdue' : 'on-track', daysSince: days, cadenceDays };
}

// Until plans bring the full health score (design §15), an account's health is its contact
// cadence part alone: 100 while the last touch is within the cadence, 0 at twice the cadence
// or more, linear between. The clock starts at the latest interaction, or at the account's
// creation when it has none, as the keep-in-touch reminder's does.

export type Band = 'healthy' | 'watch' | 'at-risk';

export const BAND_LABEL: Record<Band, string> = {
  healthy: 'Healthy',
  watch: 'Watch',
  'at-risk': 'At risk',
};

/** Bands of design §15: healthy ≥ 70, watch 40–69, at risk < 40. */
export function bandOf(score: number): Band {
  // Callers check SCORE_OFF first; a switched-off cadence has no band.
  return score >= 70 ? 'healthy' : score >= 40 ? 'watch' : 'at-risk';
}

const DAY_MS = 86_400_000;

/**
 * The score of an account whose cadence is 0 (switched off: a closed relationship). It has
 * no health; the value only sorts it after every scored account in "worst first".
 */
export const SCORE_OFF = 101;

/** The cadence score, whole points 0–100 (or {@link SCORE_OFF}); equal to {@link cadenceScoreSql} for the same inputs. */
export function cadenceScore(clockAt: string, cadenceDays: number, now: Date): number {
  if (cadenceDays === 0) return SCORE_OFF;
  const days = (now.getTime() - Date.parse(clockAt)) / DAY_MS;
  return Math.max(0, Math.min(100, Math.trunc(100 * (2 - days / cadenceDays))));
}

/** The cadence score as SQL over an `accounts` row, so the directory can filter and sort by it. */
export function cadenceScoreSql(cadence: { strategic: number; tactical: number }, now: Date): SQL {
  const clock = sql`coalesce(${accounts.lastInteractionAt}, ${accounts.createdAt})`;
  const days = sql`(julianday(${now.toISOString()}) - julianday(${clock}))`;
  const c = sql`coalesce(${accounts.cadenceDays}, CASE ${accounts.tier} WHEN 'strategic' THEN ${cadence.strategic} ELSE ${cadence.tactical} END)`;
  return sql`(CASE WHEN ${c} = 0 THEN ${SCORE_OFF} ELSE max(0, min(100, CAST(100 * (2 - ${days} / ${c}) AS INTEGER))) END)`;
}

/** One plain sentence for the score, as §15 asks of every score. */
export function cadenceReason(lastAt: string | null, cadenceDays: number, now: Date): string {
  if (!lastAt) return `No interaction yet; cadence every ${cadenceDays} days`;
  const days = Math.max(0, Math.floor((now.getTime() - Date.parse(lastAt)) / DAY_MS));
  const ago = days === 0 ? 'today' : days === 1 ? '1 day ago' : `${days} days ago`;
  return days > cadenceDays
    ? `Last touch ${ago}, ${days - cadenceDays} ${days - cadenceDays === 1 ? 'day' : 'days'} past the ${cadenceDays}-day cadence`
    : `Last touch ${ago}, within the ${cadenceDays}-day cadence`;
}
