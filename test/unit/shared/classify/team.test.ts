import { describe, expect, it } from 'vitest';
import { classify } from '../../../../shared/classify/classify.ts';
import { MAX_TEAM_TERMS } from '../../../../shared/classify/limits.ts';
import {
  LEARNING,
  learn,
  lexiconOf,
  NO_TEAM_WEIGHTS,
  type TeamWeights,
} from '../../../../shared/classify/team.ts';
import { termsOf } from '../../../../shared/classify/text.ts';
import { agreement, heldOut, percent, replay, tuning } from './examples.ts';

const steerco = { title: 'SteerCo prep', notes: 'Decisions we need from their side', kind: 'note' as const };

describe('team terms', () => {
  it('cuts text into words and pairs, without function words, numbers or generic words alone', () => {
    expect(termsOf('Parking passes for the steering committee visit', 'PO 88431: call Dana')).toEqual([
      'parking',
      'parking passes',
      'passes',
      'steering',
      'steering committee',
      'committee',
      'committee visit',
      'visit',
      'po',
      'call dana',
      'dana',
    ]);
    expect(termsOf('Forecast call', null)).toEqual(['forecast', 'forecast call']);
    expect(termsOf('x'.repeat(41), 'Ab-cd’s')).toEqual(['ab-cd']);
  });

  it('bounds the terms one interaction contributes', () => {
    const essay = Array.from({ length: 500 }, (_, i) => `word${String.fromCharCode(97 + (i % 26))}${i}`).join(
      ' ',
    );
    expect(termsOf('Title', essay).length).toBe(40);
  });
});

describe('learn', () => {
  it('changes nothing when the save agrees with the suggestion', () => {
    const qbr = { title: 'Acme QBR', kind: 'meeting' as const };
    expect(learn(NO_TEAM_WEIGHTS, qbr, 'strategic')).toBe(NO_TEAM_WEIGHTS);
  });

  it('moves the terms of an override towards the saved tag, and the reason says the team taught it', () => {
    expect(classify(steerco).tag).toBe('tactical');
    let weights: TeamWeights = NO_TEAM_WEIGHTS;
    weights = learn(weights, steerco, 'strategic');
    expect(weights.corrections).toBe(1);
    expect(lexiconOf(weights).get('steerco')).toBe(LEARNING.rate);
    // A second override of a different interaction with the same word.
    weights = learn(weights, { title: 'SteerCo follow-up', kind: 'email' }, 'strategic');
    const next = classify({ title: 'Steerco on Thursday', kind: 'email' }, lexiconOf(weights));
    expect(next.tag).toBe('strategic');
    expect(next.reasons[0]).toBe("Your team tags 'steerco' as strategic");
    // The vocabulary alone still says otherwise: the learning is the team's, not everyone's.
    expect(classify({ title: 'Steerco on Thursday', kind: 'email' }).tag).toBe('tactical');
  });

  it('learns a convention against the vocabulary, as a phrase', () => {
    // Here "forecast call" is the weekly operational call, though "forecast" leans strategic.
    let weights: TeamWeights = NO_TEAM_WEIGHTS;
    for (const title of ['Forecast call', 'Forecast call – Initech', 'Forecast call with Dana'])
      weights = learn(weights, { title, kind: 'call' }, 'tactical');
    expect(classify({ title: 'Forecast call – Globex', kind: 'call' }, lexiconOf(weights)).tag).toBe(
      'tactical',
    );
    expect(lexiconOf(weights).get('forecast call')).toBeLessThan(0);
  });

  it('keeps routine work ahead of what the team taught about the subject', () => {
    // However hard one override pulls, no term goes past the clamp.
    const weights = learn(NO_TEAM_WEIGHTS, steerco, 'strategic', { ...LEARNING, rate: 10 });
    const lexicon = lexiconOf(weights);
    expect(lexicon.get('steerco')).toBe(LEARNING.maxWeight);
    const parking = classify({ title: 'Parking for the steerco visit' }, lexicon);
    expect(parking.tag).toBe('tactical');
    expect(parking.reasons[0]).toBe(
      "'parking' is logistics: tactical, even though 'steerco' leans strategic",
    );
  });

  it('stays within its bound, dropping the weakest and stalest terms first', () => {
    let weights: TeamWeights = NO_TEAM_WEIGHTS;
    for (let k = 0; k < 200; k++) {
      const word = `zz${k.toString(36)}q`;
      weights = learn(weights, { title: `${word} ${word}x`, notes: `${word}y` }, 'strategic');
    }
    expect(weights.corrections).toBe(200);
    expect(weights.terms.length).toBe(MAX_TEAM_TERMS);
    // The newest correction's terms survive; the oldest were dropped.
    const terms = new Set(weights.terms.map((t) => t[0]));
    expect(terms.has(`zz${(199).toString(36)}q`)).toBe(true);
    expect(terms.has('zz0q')).toBe(false);
    expect(JSON.stringify(weights).length).toBeLessThan(16_000);
  });

  it('is deterministic: the same stream gives the same weights', () => {
    expect(replay(tuning.slice(0, 120)).weights).toEqual(replay(tuning.slice(0, 120)).weights);
  });

  it('helps a team on interactions it has not seen, measured on the held-out set', () => {
    // A team saves the tuning stream in order; then the held-out set is suggested with what it learned,
    // and finally saved too (online), as a team would go on.
    const before = agreement(heldOut);
    const stream = replay(tuning);
    const after = agreement(heldOut, lexiconOf(stream.weights));
    const goingOn = replay(heldOut, stream.weights);
    const jargon = heldOut.filter((e) => e.jargon);
    const rest = heldOut.filter((e) => !e.jargon);
    const lexicon = lexiconOf(stream.weights);
    console.log(
      [
        `learning from the team (${LEARNING.rate} per term and override, ±${LEARNING.maxWeight}, ≤ ${MAX_TEAM_TERMS} terms):`,
        `  tuning stream of ${tuning.length}: ${percent(agreement(tuning))} without learning, ` +
          `${percent(stream.online)} online with learning; ${stream.weights.corrections} overrides, ` +
          `${stream.weights.terms.length} terms kept`,
        `  held-out ${heldOut.length}: ${percent(before)} before learning, ${percent(after)} after the stream; ` +
          `${percent(goingOn.online)} online as the stream goes on through it`,
        `  held-out with the team's own words (${jargon.length}): ${percent(agreement(jargon))} → ${percent(agreement(jargon, lexicon))}`,
        `  held-out without them (${rest.length}): ${percent(agreement(rest))} → ${percent(agreement(rest, lexicon))}`,
      ].join('\n'),
    );
    expect(stream.online).toBeGreaterThanOrEqual(0.9);
    expect(after).toBeGreaterThanOrEqual(0.85);
  });
});
