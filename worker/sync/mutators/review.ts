import { reviews } from '../../db/plans-schema.ts';
import type { Mutator } from './mutator.ts';
import { checkInteraction, checkPut, deleteRecord, remember, upsert, written } from './plan-common.ts';

export const putReview: Mutator<'review.put'> = {
  reads: (a) => ({ reviews: [a.id], accounts: [a.accountId], interactions: [a.interactionId] }),
  run(d, ctx, known, a) {
    const checked = checkPut(known, ctx, 'reviews', 'anyone', a.id, a.accountId);
    if ('ok' in checked) return checked;
    const bad = checkInteraction(known, ctx.orgId, a.interactionId);
    if (bad) return bad;
    const row = {
      accountId: a.accountId,
      heldOn: a.heldOn,
      ourRating: a.ourRating,
      theirRating: a.theirRating,
      worked: a.worked,
      change: a.change,
      decisions: a.decisions,
      interactionId: a.interactionId,
      ...written(ctx),
    };
    remember(known, 'reviews', ctx, a.id, a.accountId, checked.existing, checked.ownerId);
    return {
      ok: true,
      target: a.id,
      accountIds: [a.accountId],
      statements: [upsert(d, reviews, ctx, a.id, row)],
    };
  },
};

export const deleteReview: Mutator<'review.delete'> = {
  reads: (a) => ({ reviews: [a.id] }),
  run: (d, ctx, known, a) => deleteRecord(d, ctx, known, 'reviews', reviews, 'anyone', 'review', a.id),
};
