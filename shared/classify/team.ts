/**
 * Learning from the team. When someone saves an interaction with the other
 * tag than the classifier suggests, the org's own term weights move towards
 * what they chose: the words and word pairs of that interaction pull a
 * little more that way next time ("your team tags 'steerco' as strategic").
 *
 * Mistake-driven (a perceptron): a save that agrees with the suggestion
 * changes nothing, so the vocabulary keeps its say and the weights only hold
 * what the team does differently. Pure and deterministic: the Worker runs it
 * on each write and syncs the result; the tests replay it over a stream.
 */
import type { Tag } from '../schemas/common.ts';
import { type ClassifyInput, classify, type TeamLexicon } from './classify.ts';
import { MAX_TEAM_TERMS, MAX_TEAM_WEIGHT } from './limits.ts';
import { termsOf } from './text.ts';

/** One learned term: its pull (positive: strategic) and the correction that last moved it. */
export type TeamTerm = readonly [term: string, weight: number, at: number];

/** An org's learned weights, as stored and synced: bounded to {@link MAX_TEAM_TERMS} terms. */
export interface TeamWeights {
  /** Corrections learned so far; also the clock that `at` counts in. */
  corrections: number;
  /** Strongest first. */
  terms: readonly TeamTerm[];
}

/** How learning moves weights. */
export interface LearningOptions {
  /** How far one correction moves each of its terms. */
  rate: number;
  /** No term pulls harder than this: about one decisive keyword. */
  maxWeight: number;
  /** Terms kept; the weakest, then the stalest, go first. */
  maxTerms: number;
}

/** The learning the product uses (chosen on the tuning stream, never on the held-out set). */
export const LEARNING: LearningOptions = { rate: 1, maxWeight: MAX_TEAM_WEIGHT, maxTerms: MAX_TEAM_TERMS };

/** Weights smaller than this are dropped: a term that has been pulled both ways equally says nothing. */
const NEGLIGIBLE = 0.05;

/** No learning yet. */
export const NO_TEAM_WEIGHTS: TeamWeights = { corrections: 0, terms: [] };

const lexicons = new WeakMap<TeamWeights, TeamLexicon>();

/** The classifier's view of the weights: term → pull. Built once per weights object (they never change). */
export function lexiconOf(weights: TeamWeights | null | undefined): TeamLexicon {
  if (!weights) return new Map();
  let lexicon = lexicons.get(weights);
  if (!lexicon) {
    lexicon = new Map(weights.terms.map(([term, weight]) => [term, weight]));
    lexicons.set(weights, lexicon);
  }
  return lexicon;
}

const round = (x: number) => Math.round(x * 1000) / 1000;

/**
 * The weights after one save. When the classifier (with these weights)
 * would have suggested the saved tag, nothing changes and the same object
 * is returned; otherwise each term of the title and notes moves by `rate`
 * towards the saved tag, clamped to ±`maxWeight`, and the set is cut back to
 * `maxTerms`. Only call it for what teammates may see: the terms end up in
 * every replica of the org.
 */
export function learn(
  weights: TeamWeights,
  input: ClassifyInput,
  saved: Tag,
  options: LearningOptions = LEARNING,
): TeamWeights {
  const lexicon = lexiconOf(weights);
  if (classify(input, lexicon).tag === saved) return weights;
  const direction = saved === 'strategic' ? 1 : -1;
  const terms = termsOf(input.title, input.notes);
  if (terms.length === 0) return weights;
  const at = weights.corrections + 1;
  const next = new Map(weights.terms.map((t) => [t[0], t] as const));
  for (const term of terms) {
    const w = (lexicon.get(term) ?? 0) + direction * options.rate;
    const clamped = round(Math.max(-options.maxWeight, Math.min(options.maxWeight, w)));
    if (Math.abs(clamped) < NEGLIGIBLE) next.delete(term);
    else next.set(term, [term, clamped, at]);
  }
  return { corrections: at, terms: bounded([...next.values()], options.maxTerms) };
}

/** Strongest first, then most recent, then by term so the order is deterministic; cut to `max`. */
function bounded(terms: TeamTerm[], max: number): TeamTerm[] {
  return terms
    .sort((a, b) => Math.abs(b[1]) - Math.abs(a[1]) || b[2] - a[2] || (a[0] < b[0] ? -1 : 1))
    .slice(0, max);
}
