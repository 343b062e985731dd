import { describe, expect, it } from 'vitest';
import { latestReview, nextReviewOn } from '../../../../shared/plans/review-schedule.ts';
import { DEFAULT_ORG_SETTINGS } from '../../../../shared/reminders/settings.ts';
import { plan, review } from '../support/plan-builders.ts';

describe('next review', () => {
  it('is the plan period after the last review held', () => {
    const reviews = [review({ heldOn: '2026-01-20' }), review({ heldOn: '2026-02-10' })];
    expect(nextReviewOn(plan({ reviewEveryDays: 30 }), reviews, DEFAULT_ORG_SETTINGS)).toBe('2026-03-12');
  });

  it('uses the org review period when the plan has none, from the plan start with no review', () => {
    expect(nextReviewOn(plan({ startsOn: '2026-01-05' }), [], DEFAULT_ORG_SETTINGS)).toBe('2026-04-05');
    expect(nextReviewOn(plan(), [], { strategicReviewDays: 60 })).toBe('2026-03-06');
  });

  it('ignores deleted reviews, and needs a plan or a review', () => {
    const gone = review({ heldOn: '2026-03-01', deletedAt: '2026-03-02T00:00:00Z' });
    expect(nextReviewOn(plan({ reviewEveryDays: 30 }), [gone], DEFAULT_ORG_SETTINGS)).toBe('2026-02-04');
    expect(nextReviewOn(null, [], DEFAULT_ORG_SETTINGS)).toBeNull();
    expect(nextReviewOn(null, [review({ heldOn: '2026-01-20' })], DEFAULT_ORG_SETTINGS)).toBe('2026-04-20');
  });

  it('picks the latest review regardless of order', () => {
    const a = review({ heldOn: '2026-02-10' });
    const b = review({ heldOn: '2026-01-20' });
    expect(latestReview([a, b])).toBe(a);
    expect(latestReview([b, a])).toBe(a);
  });
});
