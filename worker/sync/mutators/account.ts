import { and, eq } from 'drizzle-orm';
import { accountDomains, accounts } from '../../db/schema.ts';
import { problem } from '../../http/problem.ts';
import { currentVersion, type WriteContext } from '../write.ts';
import { type Mutator, missing, rejected, taken, visible } from './mutator.ts';

/** A member edits the accounts they own and unowned ones; managers and admins any. */
const canEdit = (ctx: WriteContext, row: { ownerId: string | null } | undefined) =>
  !row || ctx.role !== 'member' || row.ownerId === ctx.userId || row.ownerId == null;

export const putAccount: Mutator<'account.put'> = {
  reads: (a) => ({ accounts: [a.id], users: [a.ownerId] }),
  run(d, ctx, known, a) {
    const { orgId, userId, now } = ctx;
    const existing = known.accounts.get(a.id);
    if (existing && existing.orgId !== orgId) return taken();
    if (!canEdit(ctx, existing))
      return rejected(403, 'Forbidden', "Only the account's owner, a manager or an admin may edit it.");
    if (a.ownerId && !visible(known.users.get(a.ownerId), orgId)) {
      return {
        ok: false,
        problem: problem('validation', 400, 'Invalid request', {
          issues: [{ path: ['ownerId'], message: 'No such user in this organisation' }],
        }),
      };
    }
    const domains = [...new Set(a.domains)];
    const row = {
      name: a.name,
      domains,
      stakeholder: a.stakeholder,
      tier: a.tier,
      cadenceDays: a.cadenceDays,
      ownerId: a.ownerId ?? existing?.ownerId ?? userId,
      startsOn: a.startsOn,
      endsOn: a.endsOn,
      notes: a.notes,
      version: currentVersion(ctx),
      updatedAt: now,
      deletedAt: null,
    };
    known.accounts.set(a.id, { id: a.id, orgId, ownerId: row.ownerId, tier: a.tier, deletedAt: null });
    return {
      ok: true,
      target: a.id,
      accountIds: [a.id],
      statements: [
        d
          .insert(accounts)
          .values({ id: a.id, orgId, createdAt: now, ...row })
          .onConflictDoUpdate({ target: accounts.id, set: row, setWhere: eq(accounts.orgId, orgId) }),
        d
          .delete(accountDomains)
          .where(and(eq(accountDomains.orgId, orgId), eq(accountDomains.accountId, a.id))),
        ...domains.map((domain) =>
          d.insert(accountDomains).values({ orgId, domain, accountId: a.id }).onConflictDoNothing(),
        ),
      ],
    };
  },
};

/** A tombstone: pull carries it to every replica; the domains stop matching at once. */
export const deleteAccount: Mutator<'account.delete'> = {
  reads: (a) => ({ accounts: [a.id] }),
  run(d, ctx, known, a) {
    const { orgId, now } = ctx;
    const existing = known.accounts.get(a.id);
    if (!visible(existing, orgId)) return missing('account', a.id);
    if (!canEdit(ctx, existing))
      return rejected(403, 'Forbidden', "Only the account's owner, a manager or an admin may delete it.");
    return {
      ok: true,
      target: a.id,
      accountIds: [a.id],
      statements: [
        d
          .update(accounts)
          .set({ deletedAt: now, updatedAt: now, version: currentVersion(ctx) })
          .where(and(eq(accounts.id, a.id), eq(accounts.orgId, orgId))),
        d
          .delete(accountDomains)
          .where(and(eq(accountDomains.orgId, orgId), eq(accountDomains.accountId, a.id))),
      ],
    };
  },
};
