import { milestones } from '../../db/plans-schema.ts';
import type { Mutator } from './mutator.ts';
import { checkInteraction, checkPut, deleteRecord, remember, upsert, written } from './plan-common.ts';

export const putMilestone: Mutator<'milestone.put'> = {
  reads: (a) => ({ milestones: [a.id], accounts: [a.accountId], interactions: [a.interactionId] }),
  run(d, ctx, known, a) {
    const checked = checkPut(known, ctx, 'milestones', 'anyone', a.id, a.accountId);
    if ('ok' in checked) return checked;
    const bad = checkInteraction(known, ctx.orgId, a.interactionId);
    if (bad) return bad;
    const row = {
      accountId: a.accountId,
      title: a.title,
      dueOn: a.dueOn,
      achievedOn: a.achievedOn,
      celebratedOn: a.celebratedOn,
      lesson: a.lesson,
      interactionId: a.interactionId,
      ...written(ctx),
    };
    remember(known, 'milestones', ctx, a.id, a.accountId, checked.existing, checked.ownerId);
    return {
      ok: true,
      target: a.id,
      accountIds: [a.accountId],
      statements: [upsert(d, milestones, ctx, a.id, row)],
    };
  },
};

export const deleteMilestone: Mutator<'milestone.delete'> = {
  reads: (a) => ({ milestones: [a.id] }),
  run: (d, ctx, known, a) =>
    deleteRecord(d, ctx, known, 'milestones', milestones, 'anyone', 'milestone', a.id),
};
