import { responsibilities } from '../../db/plans-schema.ts';
import type { Mutator } from './mutator.ts';
import { visible } from './mutator.ts';
import {
  badField,
  checkContacts,
  checkPut,
  checkUsers,
  deleteRecord,
  remember,
  upsert,
  written,
} from './plan-common.ts';

/** One cell of the responsibility matrix: an area, one person of either side, a RACI role. */
export const putResponsibility: Mutator<'responsibility.put'> = {
  reads: (a) => ({
    responsibilities: [a.id],
    accounts: [a.accountId],
    users: [a.userId],
    contacts: [a.contactId],
    objectives: [a.objectiveId],
  }),
  run(d, ctx, known, a) {
    const checked = checkPut(known, ctx, 'responsibilities', 'owner', a.id, a.accountId);
    if ('ok' in checked) return checked;
    const bad =
      checkUsers(known, ctx.orgId, [a.userId], ['userId']) ??
      checkContacts(known, ctx.orgId, [a.contactId], ['contactId']);
    if (bad) return bad;
    if (a.objectiveId !== null) {
      const objective = known.objectives.get(a.objectiveId);
      if (
        !visible(objective, ctx.orgId) ||
        objective.deletedAt !== null ||
        objective.accountId !== a.accountId
      )
        return badField(['objectiveId'], 'No such objective on this account');
    }
    const row = {
      accountId: a.accountId,
      area: a.area,
      objectiveId: a.objectiveId,
      userId: a.userId,
      contactId: a.contactId,
      role: a.role,
      ...written(ctx),
    };
    remember(known, 'responsibilities', ctx, a.id, a.accountId, checked.existing, checked.ownerId);
    return {
      ok: true,
      target: a.id,
      accountIds: [a.accountId],
      statements: [upsert(d, responsibilities, ctx, a.id, row)],
    };
  },
};

export const deleteResponsibility: Mutator<'responsibility.delete'> = {
  reads: (a) => ({ responsibilities: [a.id] }),
  run: (d, ctx, known, a) =>
    deleteRecord(d, ctx, known, 'responsibilities', responsibilities, 'owner', 'responsibility', a.id),
};
