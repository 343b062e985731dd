import { accountNameFromDomain, companyLabel } from './local-match.ts';

/** Letters and digits only, accents removed, lower case: how a domain spells a name. */
export function fold(s: string): string {
  return s
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '');
}

const MAX_WORDS = 6;

/**
 * The name to suggest for a new account: the domain's company label made
 * readable (`lakeside-cafe.com` → `Lakeside Cafe`), unless the page spells
 * that same name with its accents, capitals or spaces (a sender shown as
 * "Lakeside Café", a subject mentioning "Lakeside Café"): then the page's
 * spelling, since a domain cannot carry it.
 *
 * @param texts what the page shows: the people's display names (those of the
 *   domain first) and the subject.
 */
export function suggestAccountName(domain: string, texts: readonly string[]): string {
  const target = fold(companyLabel(domain));
  if (target.length >= 2)
    for (const text of texts) {
      const words = text.split(/[\s,;:()[\]<>"“”|/]+/).filter(Boolean);
      for (let i = 0; i < words.length; i++)
        for (let n = 1; n <= MAX_WORDS && i + n <= words.length; n++) {
          const span = words.slice(i, i + n);
          const folded = fold(span.join(''));
          if (folded === target)
            return span
              .join(' ')
              .replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, '')
              .slice(0, 200);
          if (!target.startsWith(folded)) break;
        }
    }
  return accountNameFromDomain(domain) || domain;
}
