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
}

export interface ContextMatch {
  people: PersonMatch[];
  /** The account most of the matched people belong to (ties: first seen). */
  account: LocalAccount | null;
}

const live = <T extends { deletedAt: string | null }>(rows: T[]) => rows.filter((r) => !r.deletedAt);

/**
 * Matches each participant against the local replica of the directory (design
 * §4): contact email first, then account domain, never a free-mail domain.
 * Reads only the index entries for the addresses on screen.
 */
export async function matchLocally(db: Db, participants: readonly Participant[]): Promise<ContextMatch> {
  const tx = db.transaction(['contacts', 'accounts']);
  const byEmail = tx.objectStore('contacts').index('byEmail');
  const byDomain = tx.objectStore('accounts').index('byDomain');
  const accounts = tx.objectStore('accounts');
  const people = await Promise.all(
    participants.map(async (participant): Promise<PersonMatch> => {
      const parsed = parseAddress(participant.email);
      if (!parsed) return { participant, contact: null, account: null, domain: null };
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
  return { people, account: mainAccount(people) };
}

/** The account of the people who are not the user, by how many of them it covers. */
export function mainAccount(people: readonly PersonMatch[]): LocalAccount | null {
  const counts = new Map<string, { account: LocalAccount; n: number }>();
  for (const p of people) {
    if (p.participant.isSelf || !p.account) continue;
    const entry = counts.get(p.account.id) ?? { account: p.account, n: 0 };
    entry.n++;
    counts.set(p.account.id, entry);
  }
  let best: { account: LocalAccount; n: number } | null = null;
  for (const e of counts.values()) if (!best || e.n > best.n) best = e;
  return best?.account ?? null;
}

/** A readable account name from a domain: `eu.acme-corp.com` → `Acme Corp`. */
export function accountNameFromDomain(domain: string): string {
  const labels = domain.split('.');
  const core = labels.length >= 2 ? labels[labels.length - 2]! : domain;
  return core
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
