import { and, eq } from 'drizzle-orm';
import { contactEmails, contacts } from '../../db/schema.ts';
import { currentVersion } from '../write.ts';
import { type Mutator, missing, taken, visible } from './mutator.ts';

export const putContact: Mutator<'contact.put'> = {
  reads: (a) => ({ contacts: [a.id], accounts: [a.accountId] }),
  run(d, ctx, known, a) {
    const { orgId, now } = ctx;
    const existing = known.contacts.get(a.id);
    if (existing && existing.orgId !== orgId) return taken();
    if (a.accountId && !visible(known.accounts.get(a.accountId), orgId))
      return missing('account', a.accountId);
    const emails = [...new Set(a.emails.map((e) => e.toLowerCase()))];
    const row = {
      accountId: a.accountId,
      name: a.name,
      emails,
      title: a.title,
      timeZone: a.timeZone,
      version: currentVersion(ctx),
      updatedAt: now,
      deletedAt: null,
    };
    known.contacts.set(a.id, { id: a.id, orgId });
    return {
      ok: true,
      target: a.id,
      accountIds: a.accountId ? [a.accountId] : [],
      statements: [
        d
          .insert(contacts)
          .values({ id: a.id, orgId, createdAt: now, ...row })
          .onConflictDoUpdate({ target: contacts.id, set: row, setWhere: eq(contacts.orgId, orgId) }),
        d.delete(contactEmails).where(and(eq(contactEmails.orgId, orgId), eq(contactEmails.contactId, a.id))),
        ...emails.map((email) =>
          d.insert(contactEmails).values({ orgId, email, contactId: a.id }).onConflictDoNothing(),
        ),
      ],
    };
  },
};

export const deleteContact: Mutator<'contact.delete'> = {
  reads: (a) => ({ contacts: [a.id] }),
  run(d, ctx, known, a) {
    const { orgId, now } = ctx;
    if (!visible(known.contacts.get(a.id), orgId)) return missing('contact', a.id);
    return {
      ok: true,
      target: a.id,
      accountIds: [],
      statements: [
        d
          .update(contacts)
          .set({ deletedAt: now, updatedAt: now, version: currentVersion(ctx) })
          .where(and(eq(contacts.id, a.id), eq(contacts.orgId, orgId))),
        d.delete(contactEmails).where(and(eq(contactEmails.orgId, orgId), eq(contactEmails.contactId, a.id))),
      ],
    };
  },
};
