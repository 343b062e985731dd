import { commitments } from '../../db/plans-schema.ts';
import type { Mutator } from './mutator.ts';
import {
  checkContacts,
  checkInteraction,
  checkPut,
  checkUsers,
  deleteRecord,
  remember,
  upsert,
  written,
} from './plan-common.ts';

/** A promise, ours (with an owner of ours) or theirs (with the contact who made it). */
export const putCommitment: Mutator<'commitment.put'> = {
  reads: (a) => ({
    commitments: [a.id],
    accounts: [a.accountId],
    users: [a.ownerId],
    contacts: [a.contactId],
    interactions: [a.interactionId],
  }),
  run(d, ctx, known, a) {
    const checked = checkPut(known, ctx, 'commitments', 'anyone', a.id, a.accountId);
    if ('ok' in checked) return checked;
    const bad =
      checkUsers(known, ctx.orgId, [a.ownerId], ['ownerId']) ??
      checkContacts(known, ctx.orgId, [a.contactId], ['contactId']) ??
      checkInteraction(known, ctx.orgId, a.interactionId);
    if (bad) return bad;
    const row = {
      accountId: a.accountId,
      side: a.side,
      ownerId: a.ownerId,
      contactId: a.contactId,
      what: a.what,
      dueOn: a.dueOn,
      state: a.state,
      closedOn: a.closedOn,
      interactionId: a.interactionId,
      ...written(ctx),
    };
    remember(known, 'commitments', ctx, a.id, a.accountId, checked.existing, checked.ownerId);
    return {
      ok: true,
      target: a.id,
      accountIds: [a.accountId],
      statements: [upsert(d, commitments, ctx, a.id, row)],
    };
  },
};

export const deleteCommitment: Mutator<'commitment.delete'> = {
  reads: (a) => ({ commitments: [a.id] }),
  run: (d, ctx, known, a) =>
    deleteRecord(d, ctx, known, 'commitments', commitments, 'anyone', 'commitment', a.id),
};
