import { readFileSync } from 'node:fs';
import { type ClassifyInput, classify, type TeamLexicon } from '../../../../shared/classify/classify.ts';
import { learn, lexiconOf, NO_TEAM_WEIGHTS, type TeamWeights } from '../../../../shared/classify/team.ts';
import type { Tag } from '../../../../shared/schemas/common.ts';

/** A labelled interaction. */
export interface Example extends ClassifyInput {
  tag: Tag;
  /** Which hard case it stands for, when it stands for one (e.g. `logistics-around-strategic`). */
  case?: string;
  /** Uses the simulated team's own words (steerco, MBR, hypercare, …), which the vocabulary leaves out. */
  jargon?: boolean;
}

const load = (name: string): Example[] =>
  JSON.parse(readFileSync(new URL(`../../../fixtures/${name}`, import.meta.url), 'utf8'));

/**
 * The tuning stream: the vocabulary and the learning settings were tuned on
 * these, in this order, which is also the order a simulated team saves them.
 */
export const tuning = load('classifier-examples.json');

/**
 * Written before any tuning (see the commit that added it) and never tuned
 * on: no word of the vocabulary changed in response to it.
 */
export const heldOut = load('classifier-held-out.json');

/** Share of examples whose suggestion matches the label. */
export function agreement(set: readonly Example[], team: TeamLexicon | null = null): number {
  return set.filter((e) => classify(e, team).tag === e.tag).length / set.length;
}

/**
 * Replays a team saving `stream` in order: each example is suggested with
 * the weights so far, then saved with its true tag, which teaches the
 * weights whenever the suggestion was wrong. Returns the weights at the end
 * and the share of suggestions that were right when they were made.
 */
export function replay(
  stream: readonly Example[],
  start: TeamWeights = NO_TEAM_WEIGHTS,
): { weights: TeamWeights; online: number } {
  let weights = start;
  let right = 0;
  for (const e of stream) {
    if (classify(e, lexiconOf(weights)).tag === e.tag) right++;
    weights = learn(weights, e, e.tag);
  }
  return { weights, online: right / stream.length };
}

export const percent = (x: number) => `${(x * 100).toFixed(1)}%`;
