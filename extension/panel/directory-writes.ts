import { candidateDomains } from '../../shared/matching.ts';
import type { AccountInput, ContactInput } from '../../shared/schemas/index.ts';
import type { Participant } from '../../shared/schemas/page-context.ts';
import { uuidv7 } from '../../shared/uuid.ts';
import type { Db } from '../lib/db.ts';
import { enqueueIn } from '../lib/outbox.ts';
import { accountNameFromDomain, contactNameOf } from './local-match.ts';

// Creation checks the replica and writes in one transaction, so a double
// click or two panels can never make the same account or contact twice.

/** Creates the account for a company domain, or returns the one that already has it. */
export async function createAccountForDomain(
  db: Db,
  domain: string,
  userId: string,
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
    name: accountNameFromDomain(domain),
    domains: [domain],
    stakeholder: 'customer',
    tier: 'tactical',
    cadenceDays: null,
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
