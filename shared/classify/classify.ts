/**
 * A transparent tag classifier: weighted keywords and phrases from the title
 * and notes, plus the account's tier and the interaction's kind as weaker
 * signals. It suggests; the user always confirms.
 */
import type { InteractionKind, Tag, Tier } from '../schemas/common.ts';
import {
  KIND_WEIGHTS,
  NOTES_FACTOR,
  type Signal,
  STRATEGIC_SIGNALS,
  TACTICAL_SIGNALS,
  TIER_WEIGHT,
} from './signals.ts';

/** What the classifier reads. */
export interface ClassifyInput {
  title: string;
  notes?: string | null;
  accountTier?: Tier | null;
  kind?: InteractionKind | null;
}

/** A suggestion and why. */
export interface Classification {
  tag: Tag;
  /** 0.5 (a coin toss) to just under 1. */
  confidence: number;
  /** Human-readable evidence, strongest first, e.g. `'QBR' suggests strategic`. */
  reasons: string[];
}

/** Longest patterns first: at any position the alternation then prefers a phrase over its words. */
const SIGNALS: readonly Signal[] = [...STRATEGIC_SIGNALS, ...TACTICAL_SIGNALS].sort(
  (a, b) => b.pattern.length - a.pattern.length,
);

/**
 * All signals in one regex, one capturing group each, so a text is scanned
 * once. Whole-word and case-insensitive; `\b` is ASCII-only, so word edges
 * are checked against Unicode letters and digits.
 */
const MATCHER = new RegExp(
  `(?<![\\p{L}\\p{N}])(?:${SIGNALS.map((x) => `(${x.pattern.replaceAll(' ', '\\s+')})`).join('|')})(?![\\p{L}\\p{N}])`,
  'giu',
);

/** Longest text read per field: enough for any title and a paragraph of notes. */
const MAX_TEXT = 4_000;

interface Evidence {
  label: string;
  tag: Tag;
  weight: number;
}

function scan(text: string, factor: number, seen: Set<Signal>, out: Evidence[]): void {
  for (const match of text.slice(0, MAX_TEXT).matchAll(MATCHER)) {
    const index = match.findIndex((group, i) => i > 0 && group !== undefined);
    const signal = SIGNALS[index - 1];
    if (!signal || seen.has(signal)) continue;
    seen.add(signal);
    out.push({
      label: `'${match[0].replace(/\s+/g, ' ')}'`,
      tag: signal.tag,
      weight: signal.weight * factor,
    });
  }
}

/** Score → confidence: 0.5 at no evidence, ~0.8 at one clear keyword, approaching 1. */
function confidenceOf(score: number): number {
  return Math.round((0.5 + 0.5 * (1 - Math.exp(-Math.abs(score) / 2.5))) * 100) / 100;
}

/**
 * Suggest `tactical` or `strategic` for an interaction. Each keyword or
 * phrase counts once (title matches fully, notes at {@link NOTES_FACTOR});
 * the account tier and the kind add a little. With no evidence either way it
 * suggests `tactical`, since most day-to-day work is.
 */
export function classify(input: ClassifyInput): Classification {
  const evidence: Evidence[] = [];
  const seen = new Set<Signal>();
  scan(input.title, 1, seen, evidence);
  if (input.notes) scan(input.notes, NOTES_FACTOR, seen, evidence);
  if (input.accountTier) {
    evidence.push({ label: `A ${input.accountTier} account`, tag: input.accountTier, weight: TIER_WEIGHT });
  }
  const kind = input.kind ? KIND_WEIGHTS[input.kind] : undefined;
  if (input.kind && kind) {
    evidence.push({
      label: `${/^[aeiou]/.test(input.kind) ? 'An' : 'A'} ${input.kind}`,
      tag: kind.tag,
      weight: kind.weight,
    });
  }

  let raw = 0;
  for (const e of evidence) raw += e.tag === 'strategic' ? e.weight : -e.weight;
  // Rounded so that evidence which cancels out is a tie, not floating-point noise.
  const score = Math.round(raw * 1000) / 1000;
  const tag: Tag = score > 0 ? 'strategic' : 'tactical';
  evidence.sort((a, b) => Number(b.tag === tag) - Number(a.tag === tag) || b.weight - a.weight);
  const reasons = evidence.map((e) => `${e.label} suggests ${e.tag}`);
  if (score === 0) {
    reasons.unshift(
      evidence.length === 0
        ? 'No clear signal; most day-to-day work is tactical'
        : 'Signals are balanced; most day-to-day work is tactical',
    );
  }
  return { tag, confidence: confidenceOf(score), reasons };
}
