import { eq, sql } from 'drizzle-orm';
import { plans } from '../../db/plans-schema.ts';
import { orgs } from '../../db/schema.ts';
import type { Mutator } from './mutator.ts';
import { rejected, visible } from './mutator.ts';
import {
  checkContacts,
  checkPut,
  checkUsers,
  deleteRecord,
  remember,
  upsert,
  written,
} from './plan-common.ts';

/**
 * One live plan per account (design §14). A plan.put for an account that already has a live plan
 * under another id is refused (409), so the client drops its duplicate; a concurrent one from
 * another device fails the batch's guard and is re-run, then refused the same way.
 */
export const putPlan: Mutator<'plan.put'> = {
  reads: (a) => ({
    plans: [a.id],
    planOfAccount: [a.accountId],
    accounts: [a.accountId],
    users: a.escalation.flatMap((s) => s.userIds),
    contacts: a.escalation.flatMap((s) => s.contactIds),
  }),
  run(d, ctx, known, a) {
    const checked = checkPut(known, ctx, 'plans', 'owner', a.id, a.accountId);
    if ('ok' in checked) return checked;
    const other = known.planOfAccount.get(a.accountId);
    if (visible(other, ctx.orgId) && other.planId !== a.id)
      return rejected(409, 'Conflict', `This account already has a plan (${other.planId}); change that one.`);
    for (const [level, step] of a.escalation.entries()) {
      const bad =
        checkUsers(known, ctx.orgId, step.userIds, ['escalation', String(level), 'userIds']) ??
        checkContacts(known, ctx.orgId, step.contactIds, ['escalation', String(level), 'contactIds']);
      if (bad) return bad;
    }
    const row = {
      accountId: a.accountId,
      status: a.status,
      startsOn: a.startsOn,
      endsOn: a.endsOn,
      vision: a.vision,
      reviewEveryDays: a.reviewEveryDays,
      alliance: a.alliance,
      escalation: [...a.escalation].sort((x, y) => x.level - y.level),
      ...written(ctx),
    };
    remember(known, 'plans', ctx, a.id, a.accountId, checked.existing, checked.ownerId);
    known.planOfAccount.set(a.accountId, { id: a.accountId, orgId: ctx.orgId, planId: a.id });
    // Fails the batch (and so re-runs the push) if another live plan for the account landed since the read.
    const guard = d
      .select({
        ok: sql`CASE WHEN EXISTS (SELECT 1 FROM plans WHERE org_id = ${ctx.orgId} AND account_id = ${a.accountId}
          AND id != ${a.id} AND deleted_at IS NULL) THEN json('') ELSE 1 END`,
      })
      .from(orgs)
      .where(eq(orgs.id, ctx.orgId));
    return {
      ok: true,
      target: a.id,
      accountIds: [a.accountId],
      statements: [guard, upsert(d, plans, ctx, a.id, row)],
    };
  },
};

export const deletePlan: Mutator<'plan.delete'> = {
  reads: (a) => ({ plans: [a.id] }),
  run(d, ctx, known, a) {
    const outcome = deleteRecord(d, ctx, known, 'plans', plans, 'owner', 'plan', a.id);
    if (outcome.ok) {
      const accountId = outcome.accountIds[0]!;
      if (known.planOfAccount.get(accountId)?.planId === a.id) known.planOfAccount.delete(accountId);
    }
    return outcome;
  },
};
