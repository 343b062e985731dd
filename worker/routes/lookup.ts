import { and, eq, inArray, isNull } from 'drizzle-orm';
import { Hono } from 'hono';
import { candidateDomains, isFreeMailDomain, matchAddress, parseAddress } from '../../shared/matching.ts';
import { LookupQuerySchema, type LookupResponse } from '../../shared/schemas/index.ts';
import { db } from '../db/client.ts';
import { toAccount, toContact } from '../db/records.ts';
import { accountDomains, accounts, contactEmails, contacts } from '../db/schema.ts';
import type { AppEnv } from '../env.ts';
import { ProblemError, problem } from '../http/problem.ts';
import { query } from '../http/validate.ts';

/**
 * `GET /api/lookup?email=`: the contact and account an address matches
 * (design §4). The indexes find the candidates; shared/matching decides.
 */
export const lookup = new Hono<AppEnv>().get('/', async (c) => {
  const q = query(c, LookupQuerySchema);
  const parsed = parseAddress(q.email);
  if (!parsed)
    throw new ProblemError(
      problem('validation', 400, 'Invalid query', {
        issues: [{ path: ['email'], message: 'Not an email address' }],
      }),
    );
  const { orgId } = c.get('caller');
  const d = db(c.env);
  const freeMail = isFreeMailDomain(parsed.domain);
  const [contactRows, domainRows] = await Promise.all([
    d
      .select({ contact: contacts })
      .from(contactEmails)
      .innerJoin(contacts, and(eq(contacts.id, contactEmails.contactId), eq(contacts.orgId, orgId)))
      .where(
        and(
          eq(contactEmails.orgId, orgId),
          eq(contactEmails.email, parsed.email),
          isNull(contacts.deletedAt),
        ),
      )
      .limit(10),
    freeMail
      ? Promise.resolve([])
      : d
          .select({ accountId: accountDomains.accountId })
          .from(accountDomains)
          .where(
            and(
              eq(accountDomains.orgId, orgId),
              inArray(accountDomains.domain, candidateDomains(parsed.domain)),
            ),
          )
          .limit(50),
  ]);
  const accountIds = new Set(domainRows.map((r) => r.accountId));
  for (const { contact } of contactRows) if (contact.accountId) accountIds.add(contact.accountId);
  const accountRows =
    accountIds.size === 0
      ? []
      : await d
          .select()
          .from(accounts)
          .where(
            and(eq(accounts.orgId, orgId), inArray(accounts.id, [...accountIds]), isNull(accounts.deletedAt)),
          );
  const match = matchAddress(
    parsed.email,
    contactRows.map((r) => r.contact),
    accountRows,
  );
  // A contact's own account always comes back with it; a domain match never applies to free mail.
  const body: LookupResponse = {
    email: parsed.email,
    matchedBy: match.by,
    contact: match.contact ? toContact(match.contact) : null,
    account: match.account ? toAccount(match.account) : null,
    freeMail,
  };
  return c.json(body, 200);
});
