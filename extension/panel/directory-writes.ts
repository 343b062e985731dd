import { candidateDomains } from '../../shared/matching.ts';
import type { AccountInput, ContactInput } from '../../shared/schemas/index.ts';
import type { Participant } from '../../shared/schemas/page-context.ts';
import { uuidv7 } from '../../shared/uuid.ts';
import type { Db } from '../lib/db.ts';
import { enqueue, enqueueIn } from '../lib/outbox.ts';
import { accountNameFromDomain, contactNameOf } from './local-match.ts';

// Creation checks the replica and writes in one transaction, so a double
// click or two panels can never make the same account or contact twice.

/** What the short create-account form asks; anything left out takes the default. */
export type NewAccountFields = Partial<Pick<AccountInput, 'name' | 'tier' | 'stakeholder' | 'cadenceDays'>>;

/**
 * Creates the account for a company domain, owned by the user, or returns the
 * one that already has it. Unset fields default to a tactical customer named
 * after the domain, on the tier's cadence.
 */
export async function createAccountForDomain(
  db: Db,
  domain: string,
  userId: string,
  fields: NewAccountFields = {},
): Promise<{ id: string; created: boolean }> {
  const tx = db.transaction(
    ['meta', 'outbox', 'interactions', 'accounts', 'contacts', 'reminders'],
    'readwrite',
  );
  const byDomain = tx.objectStore('accounts').index('byDomain');
  for (const d of candidateDomains(domain)) {
    const existing = (await byDomain.getAll(d)).find((a) => !a.deletedAt);
    if (existing) {
      await tx.done;
      return { id: existing.id, created: false };
    }
  }
  const account: AccountInput = {
    id: uuidv7(),
    name: fields.name?.trim().slice(0, 200) || accountNameFromDomain(domain),
    domains: [domain],
    stakeholder: fields.stakeholder ?? 'customer',
    tier: fields.tier ?? 'tactical',
    cadenceDays: fields.cadenceDays ?? null,
    ownerId: userId || null,
    startsOn: null,
    endsOn: null,
    notes: '',
  };
  await enqueueIn(tx, 'account.put', account, userId);
  await tx.done;
  return { id: account.id, created: true };
}

/** Creates a contact for a person on the page, or returns the one that already has the address. */
export async function createContact(
  db: Db,
  participant: Participant,
  accountId: string | null,
  userId: string,
): Promise<{ id: string; created: boolean }> {
  const email = participant.email.trim().toLowerCase();
  const tx = db.transaction(
    ['meta', 'outbox', 'interactions', 'accounts', 'contacts', 'reminders'],
    'readwrite',
  );
  const existing = (await tx.objectStore('contacts').index('byEmail').getAll(email)).find(
    (c) => !c.deletedAt,
  );
  if (existing) {
    await tx.done;
    return { id: existing.id, created: false };
  }
  const contact: ContactInput = {
    id: uuidv7(),
    accountId,
    name: contactNameOf(participant),
    emails: [email],
    title: null,
    timeZone: null,
  };
  await enqueueIn(tx, 'contact.put', contact, userId);
  await tx.done;
  return { id: contact.id, created: true };
}

/** Saves an edit of an account (the whole record: edits are puts). The server checks who may. */
export async function saveAccount(db: Db, account: AccountInput, userId: string): Promise<void> {
  await enqueue(db, 'account.put', account, userId);
}
