import { measurements } from '../../db/plans-schema.ts';
import type { Mutator } from './mutator.ts';
import { missing, taken, visible } from './mutator.ts';
import {
  badField,
  checkInteraction,
  deleteRecord,
  forbiddenFor,
  mayWrite,
  remember,
  upsert,
  written,
} from './plan-common.ts';

/**
 * A KPI reading. Its account is its objective's, read with the objective, so a reading can be
 * recorded from any thread without the client knowing more than the objective.
 */
export const putMeasurement: Mutator<'measurement.put'> = {
  reads: (a) => ({ measurements: [a.id], objectives: [a.objectiveId], interactions: [a.interactionId] }),
  run(d, ctx, known, a) {
    const existing = known.measurements.get(a.id);
    if (existing && existing.orgId !== ctx.orgId) return taken();
    if (existing && existing.objectiveId !== a.objectiveId)
      return badField(['objectiveId'], 'A measurement cannot move to another objective');
    const objective = known.objectives.get(a.objectiveId);
    if (!visible(objective, ctx.orgId) || objective.deletedAt !== null || objective.accountDeletedAt !== null)
      return missing('objective', a.objectiveId);
    const { accountId } = objective;
    const ownerId = known.accounts.get(accountId)?.ownerId ?? objective.accountOwnerId;
    if (!mayWrite(ctx, 'anyone', ownerId, existing)) return forbiddenFor('anyone');
    const bad = checkInteraction(known, ctx.orgId, a.interactionId);
    if (bad) return bad;
    const row = {
      accountId,
      objectiveId: a.objectiveId,
      value: a.value,
      measuredOn: a.measuredOn,
      note: a.note,
      interactionId: a.interactionId,
      ...written(ctx),
    };
    remember(known, 'measurements', ctx, a.id, accountId, existing, ownerId, { objectiveId: a.objectiveId });
    return {
      ok: true,
      target: a.id,
      accountIds: [accountId],
      statements: [upsert(d, measurements, ctx, a.id, row)],
    };
  },
};

export const deleteMeasurement: Mutator<'measurement.delete'> = {
  reads: (a) => ({ measurements: [a.id] }),
  run: (d, ctx, known, a) =>
    deleteRecord(d, ctx, known, 'measurements', measurements, 'anyone', 'measurement', a.id),
};
