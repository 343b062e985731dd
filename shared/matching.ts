/**
 * Address matching (design §4): an address belongs to the contact one of
 * whose emails equals it, case-insensitively; otherwise to the account whose
 * domains include the address's domain. Free-mail domains never match an
 * account by domain.
 */

/** Consumer mailbox providers: a shared domain says nothing about the company. */
export const FREE_MAIL_DOMAINS: ReadonlySet<string> = new Set([
  'aol.com',
  'fastmail.com',
  'fastmail.fm',
  'gmail.com',
  'googlemail.com',
  'gmx.com',
  'gmx.de',
  'gmx.net',
  'hey.com',
  'hotmail.co.uk',
  'hotmail.com',
  'hotmail.de',
  'hotmail.fr',
  'icloud.com',
  'live.com',
  'mac.com',
  'mail.com',
  'mail.ru',
  'me.com',
  'msn.com',
  'outlook.com',
  'outlook.de',
  'outlook.fr',
  'pm.me',
  'proton.me',
  'protonmail.com',
  'qq.com',
  't-online.de',
  'tutanota.com',
  'web.de',
  'yahoo.co.uk',
  'yahoo.com',
  'yahoo.de',
  'yahoo.fr',
  'yandex.com',
  'yandex.ru',
  'zoho.com',
]);

export interface ParsedAddress {
  /** The whole address, lower-cased. */
  email: string;
  /** The part after the last `@`, lower-cased, without a trailing dot. */
  domain: string;
}

/**
 * Normalises an address for matching, or null when it is not one. Accepts the
 * `Name <addr>` form that mail clients copy.
 */
export function parseAddress(input: string): ParsedAddress | null {
  let s = input.trim();
  const angle = /<([^<>]*)>\s*$/.exec(s);
  if (angle?.[1] !== undefined) s = angle[1].trim();
  s = s.toLowerCase();
  const at = s.lastIndexOf('@');
  if (at <= 0 || at === s.length - 1 || s.length > 320) return null;
  const local = s.slice(0, at);
  const domain = s.slice(at + 1).replace(/\.$/, '');
  if (/\s/.test(local) || !/^([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/.test(domain)) return null;
  return { email: `${local}@${domain}`, domain };
}

/** True for a free-mail provider's domain (and its subdomains). */
export function isFreeMailDomain(domain: string): boolean {
  return candidateDomains(domain.toLowerCase()).some((d) => FREE_MAIL_DOMAINS.has(d));
}

/**
 * The domain, then each parent domain that still has two labels: mail from
 * `eu.acme.com` belongs to the account that lists `acme.com`.
 */
export function candidateDomains(domain: string): string[] {
  const labels = domain.split('.');
  const out: string[] = [];
  for (let i = 0; i <= labels.length - 2; i++) out.push(labels.slice(i).join('.'));
  return out;
}

export interface MatchableContact {
  id: string;
  emails: readonly string[];
  accountId: string | null;
}

export interface MatchableAccount {
  id: string;
  domains: readonly string[];
}

export type AddressMatch<C, A> =
  | { by: 'contact-email'; contact: C; account: A | null }
  | { by: 'account-domain'; contact: null; account: A }
  | { by: null; contact: null; account: null };

/**
 * Matches an address against candidate contacts and accounts. Pure: the
 * caller passes in the candidates (typically those its indexes found for the
 * address and its domains). Ties go to the lowest id, the oldest record for
 * UUIDv7 ids, so the answer is stable. The most specific domain wins.
 */
export function matchAddress<C extends MatchableContact, A extends MatchableAccount>(
  address: string,
  contacts: readonly C[],
  accounts: readonly A[],
): AddressMatch<C, A> {
  const parsed = parseAddress(address);
  if (!parsed) return { by: null, contact: null, account: null };
  const byId = <T extends { id: string }>(a: T, b: T) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
  const contact = [...contacts]
    .sort(byId)
    .find((c) => c.emails.some((e) => e.toLowerCase() === parsed.email));
  if (contact) {
    const account = contact.accountId ? (accounts.find((a) => a.id === contact.accountId) ?? null) : null;
    return { by: 'contact-email', contact, account };
  }
  if (isFreeMailDomain(parsed.domain)) return { by: null, contact: null, account: null };
  const sorted = [...accounts].sort(byId);
  for (const domain of candidateDomains(parsed.domain)) {
    const account = sorted.find((a) => a.domains.some((d) => d.toLowerCase() === domain));
    if (account) return { by: 'account-domain', contact: null, account };
  }
  return { by: null, contact: null, account: null };
}
