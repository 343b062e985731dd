/** The reviews part of health (design §15). */
import { parseLocalDate } from '../../time/civil-date.ts';
import { isLive, type PlanLike, type ReviewLike } from '../inputs.ts';
import { latestReview, nextReviewOn } from '../review-schedule.ts';
import type { HealthContext, PartResult } from './context.ts';
import { count } from './words.ts';

/** Days ahead from which the next review no longer costs anything. */
export const REVIEW_HORIZON_DAYS = 14;

/**
 * Reviews: 100 while the next review is more than 14 days away, 0 once it is
 * overdue, linear between. There is data for a draft or active plan, or,
 * without a plan, once a review has been held; a closed plan owes none.
 */
export function reviewsPart(
  plan: PlanLike | null,
  reviews: readonly ReviewLike[],
  h: HealthContext,
): PartResult {
  const livePlan = plan && isLive(plan) ? plan : null;
  const mine = reviews.filter((r) => isLive(r) && r.accountId === h.account.id);
  if (livePlan?.status === 'closed') return { score: null, reason: 'The plan is closed' };
  const next = nextReviewOn(livePlan, mine, h.rules.settings);
  if (next === null) return { score: null, reason: 'No plan and no review held yet' };
  const days = parseLocalDate(next) - parseLocalDate(h.today);
  const score =
    days >= REVIEW_HORIZON_DAYS ? 100 : days < 0 ? 0 : Math.round((100 * days) / REVIEW_HORIZON_DAYS);
  const first = latestReview(mine) === null;
  const which = first ? 'The first review' : 'The next review';
  if (days < 0) return { score, reason: `${which} is overdue by ${count(-days, 'day')} (due ${next})` };
  if (days === 0) return { score, reason: `${which} is due today` };
  return { score, reason: `${which} is due in ${count(days, 'day')} (${next})` };
}
