/** The contact cadence and strategic attention parts of health (design §15). */
import type { Tag } from '../../schemas/common.ts';
import { MS_PER_DAY } from '../../time/civil-date.ts';
import { type InstantLike, toEpochMs } from '../../time/instant.ts';
import type { HealthContext, PartResult } from './context.ts';
import { linearDecay } from './context.ts';
import { daysAgo } from './words.ts';

/**
 * When the account was last in touch, of any kind and any visibility. Only
 * instants: a private interaction counts here, and nothing of its title or
 * notes can reach a sentence.
 */
export interface ContactClock {
  lastAt: InstantLike | null;
  lastStrategicAt: InstantLike | null;
}

/**
 * The {@link ContactClock} of a list of interactions: the newest live one and
 * the newest live strategic one, team and private alike.
 */
export function contactClock(
  interactions: readonly { occurredAt: InstantLike; tag: Tag; deletedAt?: InstantLike | null }[],
): ContactClock {
  let last = Number.NEGATIVE_INFINITY;
  let lastStrategic = Number.NEGATIVE_INFINITY;
  for (const i of interactions) {
    if (i.deletedAt != null) continue;
    const at = toEpochMs(i.occurredAt);
    if (at > last) last = at;
    if (i.tag === 'strategic' && at > lastStrategic) lastStrategic = at;
  }
  return {
    lastAt: Number.isFinite(last) ? last : null,
    lastStrategicAt: Number.isFinite(lastStrategic) ? lastStrategic : null,
  };
}

function elapsedDays(since: InstantLike, now: number): number {
  return Math.max(0, (now - toEpochMs(since)) / MS_PER_DAY);
}

/**
 * Contact cadence: 100 when the last interaction is within the account's
 * cadence (its own, else the org's for its tier), 0 at twice the cadence or
 * more, linear between. With no interaction the clock runs from the
 * account's creation. Left out when the cadence is 0 (switched off).
 */
export function cadencePart(clock: ContactClock, h: HealthContext): PartResult {
  const { account, rules } = h;
  const cadence = account.cadenceDays ?? rules.settings.cadenceDays[account.tier];
  // Cadence 0 is a closed relationship: no contact is expected, so the part is left out.
  if (cadence === 0) return { score: null, reason: 'Keep-in-touch is switched off for this account' };
  const elapsed = elapsedDays(clock.lastAt ?? account.createdAt, rules.now);
  const days = Math.floor(elapsed);
  const score = linearDecay(elapsed, cadence);
  if (clock.lastAt === null)
    return {
      score,
      reason: `No interaction since the account was added ${daysAgo(days)}; the cadence is ${cadence} days`,
    };
  if (elapsed <= cadence)
    return { score, reason: `Last contact ${daysAgo(days)}, within the ${cadence}-day cadence` };
  return {
    score,
    reason: `No contact in ${days} days, ${score === 0 ? 'over twice' : 'past'} the ${cadence}-day cadence`,
  };
}

/**
 * Strategic attention: 100 when the last strategic interaction is within the
 * org's review period, 0 at twice the period, linear between; from the
 * account's creation when there has been none.
 */
export function attentionPart(clock: ContactClock, h: HealthContext): PartResult {
  const { account, rules } = h;
  const period = rules.settings.strategicReviewDays;
  const elapsed = elapsedDays(clock.lastStrategicAt ?? account.createdAt, rules.now);
  const days = Math.floor(elapsed);
  const score = linearDecay(elapsed, period);
  if (clock.lastStrategicAt === null)
    return {
      score,
      reason: `No strategic interaction since the account was added ${daysAgo(days)} (review period ${period} days)`,
    };
  if (elapsed <= period)
    return {
      score,
      reason: `Last strategic interaction ${daysAgo(days)}, within the ${period}-day review period`,
    };
  return {
    score,
    reason: `No strategic interaction in ${days} days, ${score === 0 ? 'over twice' : 'past'} the ${period}-day review period`,
  };
}
