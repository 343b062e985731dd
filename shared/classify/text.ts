/**
 * How the classifier cuts text: into clauses (the unit within which an action
 * applies to what it is about) and into terms (the words and word pairs a
 * team's weights are kept for).
 */

import { MAX_TERM_LENGTH, MAX_TERMS_PER_TEXT, MAX_TEXT } from './limits.ts';

/**
 * Sentences of a field. A title is one clause (its dashes join a subject to
 * what was done about it: "QBR deck – fonts broken"); notes split at
 * sentence ends, semicolons and commas, so "Agreed the roadmap, lunch
 * booked" keeps the booking away from the roadmap.
 */
export function clauses(text: string, field: 'title' | 'notes'): string[] {
  const t = text.slice(0, MAX_TEXT);
  if (field === 'title') return t.trim() ? [t] : [];
  return t
    .split(/[.;!?\n]+(?=\s|$)|[;,\n]+/u)
    .map((s) => s.trim())
    .filter(Boolean);
}

/** Function words of English, German and French that carry no tag on their own. */
const STOPWORDS = new Set(
  (
    'a an and are as at be been but by can could did do does for from had has have he her his i if in into is ' +
    'it its me my no not of on or our ours she so than that the their them then there these they this those to ' +
    'up us was we were what when where which who will with would you your re fw fwd aw wg tr ' +
    'about after again all also am any because before being both each few just more most other over own same some ' +
    'such too very via per out off once only why how here all its it’s i’ll we’ll they’re ' +
    'der die das und oder ein eine einer mit für von zu im am an auf ist sind den dem des bei nicht ' +
    'le la les un une des du de et ou pour avec sur dans au aux est sont en par pas'
  ).split(' '),
);

/**
 * Words too common in any team's logs to mean something on their own (time,
 * the medium, small talk). They are never learned alone, but they still pair
 * up: "forecast call" and "next region" are terms, "call" and "next" are not.
 */
const GENERIC = new Set(
  (
    'call calls meeting meetings email emails mail chat sync update updates prep follow follow-up followup ' +
    'recap notes note review reviews discussion discussed talk talked quick question questions ' +
    'next last first new old one two three four five ten today tomorrow yesterday week weeks weekly month ' +
    'months monthly year years day days daily time date morning afternoon q1 q2 q3 q4 h1 h2 ' +
    'monday tuesday wednesday thursday friday saturday sunday january february march april may june july ' +
    'august september october november december ' +
    'team side sides both people everyone asked ask said sent send get got make made need needs want wants ' +
    'went go going come back still now again well good great thanks thank hi hello ok'
  ).split(' '),
);

/** Lower-case words: letters and digits, joined by inner hyphens or apostrophes. */
const WORD = /[\p{L}\p{N}]+(?:['’-][\p{L}\p{N}]+)*/gu;

/** A word that names something a team could mean consistently (not a number, id or function word). */
function keep(word: string): boolean {
  if (word.length < 2 || word.length > MAX_TERM_LENGTH) return false;
  if (STOPWORDS.has(word)) return false;
  // Numbers, order ids and dates ("88431", "inv-20431", "2027") say nothing about the kind of work.
  return !/\d.*\d.*\d/u.test(word) && !/^\d+$/u.test(word);
}

/**
 * The terms of one clause: its content words and each pair of adjacent
 * content words ("steering committee"). A function word breaks a pair, so
 * "parking for the steering visit" gives "parking", "steering", "visit" and
 * "steering visit", never "parking steering".
 */
export function clauseTerms(clause: string): string[] {
  const out: string[] = [];
  let previous: string | null = null;
  for (const match of clause.toLowerCase().matchAll(WORD)) {
    const word = match[0].replace(/['’]s$/u, '');
    if (!keep(word)) {
      previous = null;
      continue;
    }
    if (previous && !(GENERIC.has(previous) && GENERIC.has(word))) out.push(`${previous} ${word}`);
    if (!GENERIC.has(word)) out.push(word);
    previous = word;
  }
  return out;
}

/**
 * Every distinct term of a title and its notes, title first, at most
 * {@link MAX_TERMS_PER_TEXT}. This is what a team's weights are learned on.
 */
export function termsOf(title: string, notes?: string | null): string[] {
  const seen = new Set<string>();
  for (const field of ['title', 'notes'] as const) {
    const text = field === 'title' ? title : (notes ?? '');
    for (const clause of clauses(text, field)) {
      for (const term of clauseTerms(clause)) {
        if (seen.size >= MAX_TERMS_PER_TEXT) return [...seen];
        seen.add(term);
      }
    }
  }
  return [...seen];
}
