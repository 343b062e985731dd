import { objectives } from '../../db/plans-schema.ts';
import type { Mutator } from './mutator.ts';
import {
  checkContacts,
  checkPut,
  checkUsers,
  deleteRecord,
  remember,
  upsert,
  written,
} from './plan-common.ts';

export const putObjective: Mutator<'objective.put'> = {
  reads: (a) => ({
    objectives: [a.id],
    accounts: [a.accountId],
    users: [a.ownerId],
    contacts: [a.counterpartId],
  }),
  run(d, ctx, known, a) {
    const checked = checkPut(known, ctx, 'objectives', 'owner', a.id, a.accountId);
    if ('ok' in checked) return checked;
    const bad =
      checkUsers(known, ctx.orgId, [a.ownerId], ['ownerId']) ??
      checkContacts(known, ctx.orgId, [a.counterpartId], ['counterpartId']);
    if (bad) return bad;
    const row = {
      accountId: a.accountId,
      title: a.title,
      unit: a.unit,
      baseline: a.baseline,
      target: a.target,
      dueOn: a.dueOn,
      ownerId: a.ownerId,
      counterpartId: a.counterpartId,
      weight: a.weight,
      state: a.state,
      ...written(ctx),
    };
    remember(known, 'objectives', ctx, a.id, a.accountId, checked.existing, checked.ownerId, {
      state: a.state,
    });
    return {
      ok: true,
      target: a.id,
      accountIds: [a.accountId],
      statements: [upsert(d, objectives, ctx, a.id, row)],
    };
  },
};

export const deleteObjective: Mutator<'objective.delete'> = {
  reads: (a) => ({ objectives: [a.id] }),
  run: (d, ctx, known, a) =>
    deleteRecord(d, ctx, known, 'objectives', objectives, 'owner', 'objective', a.id),
};
