import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { type ClassifyInput, classify } from '../../../../shared/classify/classify.ts';
import type { Tag } from '../../../../shared/schemas/common.ts';

interface Example extends ClassifyInput {
  tag: Tag;
  /** Written after the classifier's vocabulary was frozen: a fair estimate of agreement. */
  heldOut?: boolean;
}

const examples: Example[] = JSON.parse(
  readFileSync(new URL('../../../fixtures/classifier-examples.json', import.meta.url), 'utf8'),
);

function agreement(set: Example[]): number {
  return set.filter((e) => classify(e).tag === e.tag).length / set.length;
}

describe('classify', () => {
  it('explains itself in the panel’s words', () => {
    const r = classify({ title: 'Acme QBR', kind: 'meeting' });
    expect(r.tag).toBe('strategic');
    expect(r.reasons[0]).toBe("'QBR' suggests strategic");
    expect(r.reasons).toContain('A meeting suggests strategic');
    expect(classify({ title: 'Re: invoice 4471', kind: 'email' }).reasons).toEqual([
      "'invoice' suggests tactical",
      'An email suggests tactical',
    ]);
  });

  it('matches whole words case-insensitively, including phrases across whitespace', () => {
    expect(classify({ title: 'quarterly   BUSINESS review' }).reasons[0]).toBe(
      "'quarterly BUSINESS review' suggests strategic",
    );
    // "disorder" is not "order", "bugle" is not "bug".
    expect(classify({ title: 'Disorder in the bugle section' }).reasons).toEqual([
      'No clear signal; most day-to-day work is tactical',
    ]);
    expect(classify({ title: 'Bug' }).tag).toBe('tactical');
  });

  it('lets a phrase claim its words: "renewal strategy" counts once, "renewal quote" is tactical', () => {
    expect(classify({ title: 'Renewal strategy' }).reasons).toEqual([
      "'Renewal strategy' suggests strategic",
    ]);
    expect(classify({ title: 'Renewal quote' }).tag).toBe('tactical');
  });

  it('counts notes, tier and kind, less than the title', () => {
    const title = classify({ title: 'Roadmap' });
    const notes = classify({ title: 'Call with Dana', notes: 'Roadmap' });
    expect(notes.tag).toBe('strategic');
    expect(notes.confidence).toBeLessThan(title.confidence);
    expect(classify({ title: 'Catch-up', accountTier: 'tactical' }).tag).toBe('tactical');
    expect(classify({ title: 'Lunch', accountTier: 'strategic' }).tag).toBe('strategic');
  });

  it('defaults to tactical at 0.5 without evidence, and is more confident with more', () => {
    expect(classify({ title: 'Hello' })).toEqual({
      tag: 'tactical',
      confidence: 0.5,
      reasons: ['No clear signal; most day-to-day work is tactical'],
    });
    const one = classify({ title: 'Roadmap' }).confidence;
    const two = classify({ title: 'Joint roadmap and executive alignment', kind: 'meeting' }).confidence;
    expect(one).toBeGreaterThan(0.5);
    expect(two).toBeGreaterThan(one);
    expect(two).toBeLessThan(1);
  });

  it('puts supporting reasons before dissenting ones', () => {
    const r = classify({ title: 'Invoice for the strategy workshop', kind: 'email' });
    const first = r.reasons[0]!;
    expect(first.endsWith(r.tag)).toBe(true);
  });

  it('handles non-Latin text and hostile input without throwing', () => {
    expect(classify({ title: '東京オフィスとの戦略会議' }).tag).toBe('tactical');
    expect(
      classify({ title: '<img src=x onerror=alert(1)> (((((a+)+)+)+)$', notes: 'x'.repeat(100_000) }).tag,
    ).toBe('tactical');
  });

  it('is fast enough to run on every keystroke', () => {
    const started = performance.now();
    for (let k = 0; k < 2_000; k++) classify(examples[k % examples.length]!);
    expect((performance.now() - started) / 2_000).toBeLessThan(1); // ms per call
  });

  it('agrees with a practitioner’s labels on the fixture set (≥ 0.8)', () => {
    expect(examples.length).toBeGreaterThanOrEqual(150);
    const heldOut = examples.filter((e) => e.heldOut);
    const all = agreement(examples);
    const fair = agreement(heldOut);
    console.log(
      `classifier agreement: ${(all * 100).toFixed(1)}% of ${examples.length} examples; ` +
        `${(fair * 100).toFixed(1)}% of the ${heldOut.length} held-out ones`,
    );
    expect(all).toBeGreaterThanOrEqual(0.8);
    expect(fair).toBeGreaterThanOrEqual(0.8);
  });
});
