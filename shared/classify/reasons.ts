/**
 * The classifier's reasons, in the panel's words. The first one is what the
 * panel shows, so it names the rule that decided when a rule did: routine
 * work done for a strategic subject, notes that overrule the title, or what
 * the team has taught it.
 */
import type { Tag } from '../schemas/common.ts';
import type { Evidence } from './classify.ts';

const signed = (e: Evidence) => (e.tag === 'strategic' ? e.weight : -e.weight);
const strongest = (xs: Evidence[], by: (e: Evidence) => number = (e) => e.weight) =>
  xs.reduce<Evidence | undefined>((top, e) => (top && by(top) >= by(e) ? top : e), undefined);

/**
 * How the headline names the subject of routine work: "even for a QBR" when
 * it is a name (an acronym or a phrase such as "steering committee"); a
 * single word may be an adjective or a verb ("joint", "aligned"), so it is
 * quoted instead: "even though 'joint' leans strategic".
 */
function forSubject(label: string): string {
  const text = label.replace(/^'|'$/g, '');
  const acronym = /^[A-Z][A-Z0-9&]*[A-Z0-9&]s?$/.test(text);
  if (!acronym && !/\s/.test(text)) return `even though ${label} leans strategic`;
  const name = acronym ? text : text.toLowerCase();
  if (/s$/.test(name) && !/ss$/.test(name)) return `even for ${name}`;
  const vowel = acronym
    ? /^[AEFHILMNORSX]/.test(name)
    : /^[aeiou]/.test(name) && !/^(?:u[nsr]i|eu|one)/.test(name);
  return `even for ${vowel ? 'an' : 'a'} ${name}`;
}

/** One piece of evidence as a sentence. */
function sentence(e: Evidence): string {
  if (e.source === 'team') return `Your team tags ${e.label} as ${e.tag}`;
  if (e.discounted) return `${e.label} suggests ${e.tag}, but only as the subject of routine work`;
  return `${e.label} suggests ${e.tag}`;
}

/**
 * The headline, when a rule decided: routine work over its strategic subject
 * ("'booking' is logistics: tactical, even for a QBR"), or the notes over the
 * title. Null when the strongest evidence speaks for itself.
 */
function headline(evidence: Evidence[], tag: Tag): string | null {
  const support = evidence.filter((e) => e.tag === tag);
  const subject = strongest(
    evidence.filter((e) => e.discounted && e.source !== 'tier'),
    (e) => e.full,
  );
  const tier = evidence.find((e) => e.discounted && e.source === 'tier');
  const work = strongest(support.filter((e) => e.work));
  if (tag === 'tactical' && (subject || tier) && work?.work) {
    const verb = work.label.replace(/^'(.*)'$/, '$1');
    const plain = /^[A-Z]{2,}/.test(verb) ? verb : verb.toLowerCase();
    const even = subject ? forSubject(subject.label) : 'even for a strategic account';
    return `'${plain}' is ${work.work}: tactical, ${even}`;
  }
  const title = evidence.filter((e) => e.field === 'title');
  const titleScore = title.reduce((sum, e) => sum + signed(e), 0);
  const titleLeansOtherWay = tag === 'strategic' ? titleScore < 0 : titleScore > 0;
  const fromNotes = strongest(support.filter((e) => e.field === 'notes'));
  const fromTitle = strongest(title.filter((e) => e.tag !== tag));
  if (titleLeansOtherWay && fromNotes && fromTitle) {
    const who = fromNotes.source === 'team' ? `your team's ${fromNotes.label}` : fromNotes.label;
    return `${who} in the notes suggests ${tag}, over the title's ${fromTitle.label}`;
  }
  return null;
}

/**
 * Reasons for a suggestion, strongest first: the deciding rule if any, then
 * each piece of evidence for the tag, then each against it.
 */
export function explain(evidence: readonly Evidence[], tag: Tag, score: number): string[] {
  const sorted = [...evidence].sort(
    (a, b) => Number(b.tag === tag) - Number(a.tag === tag) || b.weight - a.weight,
  );
  const reasons = sorted.map(sentence);
  if (score === 0) {
    reasons.unshift(
      evidence.length === 0
        ? 'No clear signal; most day-to-day work is tactical'
        : 'Signals are balanced; most day-to-day work is tactical',
    );
    return reasons;
  }
  const head = headline(sorted, tag);
  if (head) reasons.unshift(head);
  return reasons;
}
