/** When the next partnership review is due (design §14). */
import type { OrgSettings } from '../schemas/settings.ts';
import { formatLocalDate, parseLocalDate } from '../time/civil-date.ts';
import { isLive, type PlanLike, type ReviewLike } from './inputs.ts';

/** The latest live review of the list (by `heldOn`, then id), or null. */
export function latestReview<R extends ReviewLike>(reviews: readonly R[]): R | null {
  let best: R | null = null;
  for (const r of reviews) {
    if (!isLive(r)) continue;
    if (best === null || r.heldOn > best.heldOn || (r.heldOn === best.heldOn && r.id > best.id)) best = r;
  }
  return best;
}

/** Days between reviews: the plan's own period, else the org's review period. */
export function reviewPeriodDays(
  plan: Pick<PlanLike, 'reviewEveryDays'> | null,
  settings: Pick<OrgSettings, 'strategicReviewDays'>,
): number {
  return plan?.reviewEveryDays ?? settings.strategicReviewDays;
}

/**
 * The date (`YYYY-MM-DD`) the next review is due: the review period after the
 * last review held, or after the plan's start when none was. Without a plan,
 * the org's period after the last review; null when there is neither.
 *
 * @param reviews the account's reviews; tombstoned ones are ignored.
 */
export function nextReviewOn(
  plan: Pick<PlanLike, 'startsOn' | 'reviewEveryDays'> | null,
  reviews: readonly ReviewLike[],
  settings: Pick<OrgSettings, 'strategicReviewDays'>,
): string | null {
  const last = latestReview(reviews);
  const from = last?.heldOn ?? plan?.startsOn;
  if (from === undefined) return null;
  return formatLocalDate(parseLocalDate(from) + reviewPeriodDays(plan, settings));
}
