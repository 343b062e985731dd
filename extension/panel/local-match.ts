import { candidateDomains, isFreeMailDomain, matchAddress, parseAddress } from '../../shared/matching.ts';
import type { Participant } from '../../shared/schemas/page-context.ts';
import type { Db, LocalAccount, LocalContact } from '../lib/db.ts';

/** One person on the page and what the local directory knows about them. */
export interface PersonMatch {
  participant: Participant;
  contact: LocalContact | null;
  account: LocalAccount | null;
  /** The address's company domain, or null for free mail and unparseable addresses. */
  domain: string | null;
  /** Someone at the user's own organisation (an internal domain): never a client, never an account. */
  colleague?: boolean;
}

/** A client company on the page: an account the directory has, or a domain it does not know yet. */
export interface Company {
  /** `account:<id>` or `domain:<domain>`; stable while the page is open, so a pick survives a reload. */
  key: string;
  account: LocalAccount | null;
  /** The domain to create an account for; null for a matched account. */
  domain: string | null;
  people: PersonMatch[];
  /** Where the company first appears on the page, so a list can keep the page's order. */
  pageOrder: number;
}

export interface ContextMatch {
  people: PersonMatch[];
  /** The client companies on the page, the likeliest first (accounts before unknown domains, then by people). */
  companies: Company[];
  /** The account of the likeliest company (the first one), when it has one. */
  account: LocalAccount | null;
}

const live = <T extends { deletedAt: string | null }>(rows: T[]) => rows.filter((r) => !r.deletedAt);

/** True when the domain (or a parent of it) is one of the org's own. */
export function isInternal(domain: string, internal: readonly string[]): boolean {
  return candidateDomains(domain).some((d) => internal.includes(d));
}

/**
 * The org's own domains as the panel applies them: the settings' list, plus
 * the user's own domain and the domain of their address on the page (a
 * server that predates the setting, or a second mailbox), never free mail.
 */
export function internalDomainsOf(
  configured: readonly string[],
  selfEmails: readonly (string | null | undefined)[],
): string[] {
  const out = new Set(configured.map((d) => d.toLowerCase()));
  for (const e of selfEmails) {
    const parsed = e ? parseAddress(e) : null;
    if (parsed && !isFreeMailDomain(parsed.domain)) out.add(parsed.domain);
  }
  return [...out];
}

/**
 * Matches each participant against the local replica of the directory (design
 * §4): contact email first, then account domain, never a free-mail domain.
 * Addresses at the org's own domains are colleagues, whatever the directory
 * says. Reads only the index entries for the addresses on screen.
 */
export async function matchLocally(
  db: Db,
  participants: readonly Participant[],
  internalDomains: readonly string[] = [],
): Promise<ContextMatch> {
  const internal = internalDomainsOf(
    internalDomains,
    participants.filter((p) => p.isSelf).map((p) => p.email),
  );
  const tx = db.transaction(['contacts', 'accounts']);
  const byEmail = tx.objectStore('contacts').index('byEmail');
  const byDomain = tx.objectStore('accounts').index('byDomain');
  const accounts = tx.objectStore('accounts');
  const people = await Promise.all(
    participants.map(async (participant): Promise<PersonMatch> => {
      const parsed = parseAddress(participant.email);
      if (!parsed) return { participant, contact: null, account: null, domain: null };
      const colleague = !participant.isSelf && isInternal(parsed.domain, internal);
      if (participant.isSelf || colleague)
        return { participant, contact: null, account: null, domain: parsed.domain, colleague };
      const domain = isFreeMailDomain(parsed.domain) ? null : parsed.domain;
      const contacts = live(await byEmail.getAll(parsed.email));
      const candidates: LocalAccount[] = [];
      if (domain)
        for (const d of candidateDomains(domain)) candidates.push(...live(await byDomain.getAll(d)));
      for (const c of contacts) {
        if (c.accountId && !candidates.some((a) => a.id === c.accountId)) {
          const a = await accounts.get(c.accountId);
          if (a && !a.deletedAt) candidates.push(a);
        }
      }
      const match = matchAddress(parsed.email, contacts, candidates);
      return { participant, contact: match.contact, account: match.account, domain };
    }),
  );
  await tx.done;
  const companies = companiesOf(people);
  return { people, companies, account: companies[0]?.account ?? null };
}

/**
 * The client companies among the people who are neither the user nor a
 * colleague: one per matched account, one per unknown company domain (free
 * mail makes none). Accounts come first, then the most people; ties keep page order.
 */
export function companiesOf(people: readonly PersonMatch[]): Company[] {
  const byKey = new Map<string, Company>();
  for (const p of people) {
    if (p.participant.isSelf || p.colleague) continue;
    const key = p.account ? `account:${p.account.id}` : p.domain ? `domain:${p.domain}` : null;
    if (!key) continue;
    const c = byKey.get(key) ?? {
      key,
      account: p.account,
      domain: p.account ? null : p.domain,
      people: [],
      pageOrder: byKey.size,
    };
    c.people.push(p);
    byKey.set(key, c);
  }
  return [...byKey.values()].sort(
    (a, b) =>
      Number(b.account !== null) - Number(a.account !== null) ||
      b.people.length - a.people.length ||
      a.pageOrder - b.pageOrder,
  );
}

/** The account of the people who are not the user, by how many of them it covers. */
export function mainAccount(people: readonly PersonMatch[]): LocalAccount | null {
  return companiesOf(people).find((c) => c.account)?.account ?? null;
}

// Second-level labels under a country code: `acme.co.uk` is Acme, not Co.
const SECOND_LEVEL = new Set(['co', 'com', 'org', 'net', 'ac', 'gov', 'edu', 'ltd', 'plc', 'or', 'ne', 'gv']);

/** The label that names the company: `eu.acme-corp.com` → `acme-corp`, `shop.acme.co.uk` → `acme`. */
export function companyLabel(domain: string): string {
  const labels = domain.toLowerCase().split('.');
  if (labels.length < 2) return domain;
  let i = labels.length - 2;
  if (i > 0 && labels[labels.length - 1]!.length === 2 && SECOND_LEVEL.has(labels[i]!)) i--;
  return labels[i]!;
}

/** A readable account name from a domain: `eu.acme-corp.com` → `Acme Corp`. */
export function accountNameFromDomain(domain: string): string {
  return companyLabel(domain)
    .split(/[-_]+/)
    .filter(Boolean)
    .map((w) => w[0]!.toUpperCase() + w.slice(1))
    .join(' ');
}

/** A contact name from what the page shows, else the address's local part. */
export function contactNameOf(p: Participant): string {
  const name = p.name.trim();
  if (name && !name.includes('@')) return name.slice(0, 200);
  const local = p.email.split('@')[0] ?? p.email;
  return (
    local
      .split(/[._-]+/)
      .filter(Boolean)
      .map((w) => w[0]!.toUpperCase() + w.slice(1))
      .join(' ')
      .slice(0, 200) || p.email
  );
}
