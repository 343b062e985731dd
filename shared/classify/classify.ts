/**
 * A transparent tag classifier: weighted keywords and phrases from the title
 * and notes, what the team has taught it, plus the account's tier and the
 * interaction's kind as weaker signals. It suggests; the user always confirms.
 *
 * Two rules shape it beyond adding weights:
 * - what was done outweighs what it was about: within a clause, routine work
 *   (booking, resending, fixing, invoicing) discounts the strategic subjects
 *   it was done for, so "Parking passes for the steering committee visit"
 *   is tactical;
 * - notes outweigh the title: the title is often just the thread's name, the
 *   notes say what happened ("Delivery status call" whose notes negotiate a
 *   three-year capacity reservation is strategic).
 */
import type { InteractionKind, Tag, Tier } from '../schemas/common.ts';
import { MAX_TERMS_PER_TEXT } from './limits.ts';
import { findSignals } from './matcher.ts';
import { explain } from './reasons.ts';
import {
  KIND_WEIGHTS,
  NOTES_FACTOR,
  type Signal,
  TIER_WEIGHT,
  WORK_DISCOUNT,
  type WorkKind,
} from './signals.ts';
import { clauses, clauseTerms } from './text.ts';

/** What the classifier reads. */
export interface ClassifyInput {
  title: string;
  notes?: string | null;
  accountTier?: Tier | null;
  kind?: InteractionKind | null;
}

/**
 * A team's learned pull per term (see team.ts): positive towards strategic,
 * negative towards tactical. Built once from the synced weights record.
 */
export type TeamLexicon = ReadonlyMap<string, number>;

/** A suggestion and why. */
export interface Classification {
  tag: Tag;
  /** 0.5 (a coin toss) to just under 1. */
  confidence: number;
  /** Human-readable evidence, strongest first, e.g. `'QBR' suggests strategic`. */
  reasons: string[];
}

/** One piece of evidence, as the reasons describe it. */
export interface Evidence {
  /** Quoted text (`'QBR'`) or a description (`A meeting`). */
  label: string;
  tag: Tag;
  /** Its pull after the field factor and any discount. */
  weight: number;
  /** Its pull before the discount. */
  full: number;
  source: 'vocabulary' | 'team' | 'tier' | 'kind';
  field?: 'title' | 'notes';
  work?: WorkKind;
  /** A strategic subject of routine work in the same clause: counted at {@link WORK_DISCOUNT}. */
  discounted?: boolean;
}

const FIELD_FACTOR = { title: 1, notes: NOTES_FACTOR } as const;

/**
 * Collects the evidence of one clause into `best`, keyed so that a signal or
 * team term counts once per interaction, at its strongest occurrence.
 */
function scanClause(
  clause: string,
  field: 'title' | 'notes',
  team: TeamLexicon | null,
  best: Map<unknown, Evidence>,
  seen: Set<string>,
): void {
  const found = findSignals(clause);
  const worked = found.some((f) => f.signal.work);
  // A clause is one act: its routine work counts once, at its strongest ("send the minutes and book").
  const act = found.reduce<Signal | null>(
    (top, f) => (f.signal.work && (!top || f.signal.weight > top.weight) ? f.signal : top),
    null,
  );
  const factor = FIELD_FACTOR[field];
  const offer = (key: unknown, e: Evidence) => {
    const held = best.get(key);
    if (!held || e.weight > held.weight) best.set(key, e);
  };
  for (const { signal, text } of found) {
    if (signal.work && signal !== act) continue;
    const discounted = worked && signal.tag === 'strategic';
    const full = signal.weight * factor;
    offer(signal, {
      label: `'${text}'`,
      tag: signal.tag,
      weight: discounted ? full * WORK_DISCOUNT : full,
      full,
      source: 'vocabulary',
      field,
      ...(signal.work ? { work: signal.work } : {}),
      ...(discounted ? { discounted } : {}),
    });
  }
  if (!team || team.size === 0) return;
  for (const term of clauseTerms(clause)) {
    // The same terms, in the same order and number, as the team's weights were learned on (termsOf).
    if (!seen.has(term)) {
      if (seen.size >= MAX_TERMS_PER_TEXT) return;
      seen.add(term);
    }
    const w = team.get(term);
    if (!w) continue;
    const tag: Tag = w > 0 ? 'strategic' : 'tactical';
    const discounted = worked && tag === 'strategic';
    const full = Math.abs(w) * factor;
    offer(`team:${term}`, {
      label: `'${term}'`,
      tag,
      weight: discounted ? full * WORK_DISCOUNT : full,
      full,
      source: 'team',
      field,
      ...(discounted ? { discounted } : {}),
    });
  }
}

/** The evidence for an interaction, unordered. */
export function evidenceFor(input: ClassifyInput, team: TeamLexicon | null = null): Evidence[] {
  const best = new Map<unknown, Evidence>();
  const seen = new Set<string>();
  for (const field of ['title', 'notes'] as const) {
    const text = field === 'title' ? input.title : (input.notes ?? '');
    for (const clause of clauses(text, field)) scanClause(clause, field, team, best, seen);
  }
  const evidence = [...best.values()];
  if (input.accountTier) {
    // The account is what the work was for: routine work named in the title discounts a strategic tier too.
    const discounted =
      input.accountTier === 'strategic' && evidence.some((e) => e.work && e.field === 'title');
    evidence.push({
      label: `A ${input.accountTier} account`,
      tag: input.accountTier,
      weight: discounted ? TIER_WEIGHT * WORK_DISCOUNT : TIER_WEIGHT,
      full: TIER_WEIGHT,
      source: 'tier',
      ...(discounted ? { discounted } : {}),
    });
  }
  const kind = input.kind ? KIND_WEIGHTS[input.kind] : undefined;
  if (input.kind && kind) {
    evidence.push({
      label: `${/^[aeiou]/.test(input.kind) ? 'An' : 'A'} ${input.kind}`,
      tag: kind.tag,
      weight: kind.weight,
      full: kind.weight,
      source: 'kind',
    });
  }
  return evidence;
}

/** Signed sum: positive leans strategic. Rounded so that evidence which cancels out is a tie, not noise. */
export function scoreOf(evidence: readonly Evidence[]): number {
  let raw = 0;
  for (const e of evidence) raw += e.tag === 'strategic' ? e.weight : -e.weight;
  return Math.round(raw * 1000) / 1000;
}

/** Score → confidence: 0.5 at no evidence, ~0.8 at one clear keyword, approaching 1. */
function confidenceOf(score: number): number {
  return Math.round((0.5 + 0.5 * (1 - Math.exp(-Math.abs(score) / 2.5))) * 100) / 100;
}

/**
 * Suggest `tactical` or `strategic` for an interaction. Each keyword, phrase
 * or team term counts once, at its strongest occurrence (notes at
 * {@link NOTES_FACTOR} of the title, a strategic subject of routine work at
 * {@link WORK_DISCOUNT}); the account tier and the kind add a little. With
 * no evidence either way it suggests `tactical`, since most day-to-day work is.
 */
export function classify(input: ClassifyInput, team: TeamLexicon | null = null): Classification {
  const evidence = evidenceFor(input, team);
  const score = scoreOf(evidence);
  const tag: Tag = score > 0 ? 'strategic' : 'tactical';
  return { tag, confidence: confidenceOf(score), reasons: explain(evidence, tag, score) };
}
