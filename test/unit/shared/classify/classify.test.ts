import { describe, expect, it } from 'vitest';
import { classify } from '../../../../shared/classify/classify.ts';
import { agreement, heldOut, percent, tuning } from './examples.ts';

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

  it('weighs what was done over what it was about: logistics and admin for strategic work are tactical', () => {
    const parking = classify({
      title: 'Parking passes for the steering committee visit',
      accountTier: 'strategic',
      kind: 'email',
    });
    expect(parking.tag).toBe('tactical');
    expect(parking.reasons[0]).toBe("'parking' is logistics: tactical, even for a steering committee");
    expect(parking.reasons).toContain(
      "'steering committee' suggests strategic, but only as the subject of routine work",
    );

    expect(classify({ title: 'Booking the room for the QBR' }).reasons[0]).toBe(
      "'booking' is logistics: tactical, even for a QBR",
    );
    expect(classify({ title: 'Resending the dial-in for the executive sponsor call' }).tag).toBe('tactical');
    expect(classify({ title: 'Fixing a page number in the partnership proposal' }).reasons[0]).toBe(
      "'fixing' is admin: tactical, even though 'partnership' leans strategic",
    );
    // Without the routine work the same subject is strategic.
    expect(classify({ title: 'Steering committee visit', accountTier: 'strategic' }).tag).toBe('strategic');
  });

  it('keeps routine work to its own clause: a booking after a strategic meeting does not make it tactical', () => {
    const r = classify({
      title: 'Partnership review',
      notes: 'Agreed the joint roadmap for next year, lunch booked for next time.',
      kind: 'meeting',
    });
    expect(r.tag).toBe('strategic');
    // Within one clause the booking discounts what it was for; in its own clause it does not.
    expect(classify({ title: 'Call', notes: 'Booked the room for the joint roadmap workshop' }).tag).toBe(
      'tactical',
    );
    expect(classify({ title: 'Call', notes: 'Agreed the joint roadmap. Booked the room.' }).tag).toBe(
      'strategic',
    );
  });

  it('weighs the notes over the title: a routine call whose notes describe strategic work is strategic', () => {
    const r = classify({
      title: 'Delivery status call',
      notes: 'Turned into negotiating a three-year capacity reservation for their new plant.',
      kind: 'call',
    });
    expect(r.tag).toBe('strategic');
    expect(r.reasons[0]).toMatch(/^'[^']+' in the notes suggests strategic, over the title's 'Delivery'$/);
    // The same word counts more in the notes than in the title.
    const inTitle = classify({ title: 'Roadmap' });
    const inNotes = classify({ title: 'Call with Dana', notes: 'Roadmap' });
    expect(inNotes.tag).toBe('strategic');
    expect(inNotes.confidence).toBeGreaterThan(inTitle.confidence);
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
    expect(r.tag).toBe('tactical');
    expect(r.reasons.slice(1).findIndex((x) => x.includes('strategic'))).toBeGreaterThan(
      r.reasons.slice(1).findIndex((x) => x.endsWith('tactical')),
    );
  });

  it('handles non-Latin text and hostile input without throwing', () => {
    expect(classify({ title: '東京オフィスとの戦略会議' }).tag).toBe('tactical');
    expect(
      classify({ title: '<img src=x onerror=alert(1)> (((((a+)+)+)+)$', notes: 'x'.repeat(100_000) }).tag,
    ).toBe('tactical');
    expect(classify({ title: 'a', notes: 'book, '.repeat(50_000) }).tag).toBe('tactical');
  });

  it('is fast enough to run on every keystroke', () => {
    const started = performance.now();
    for (let k = 0; k < 2_000; k++) classify(tuning[k % tuning.length]!);
    expect((performance.now() - started) / 2_000).toBeLessThan(1); // ms per call
  });

  it('agrees with a practitioner’s labels, and on the held-out set it was never tuned on (≥ 0.85)', () => {
    expect(tuning.length).toBeGreaterThanOrEqual(300);
    expect(heldOut.length).toBeGreaterThanOrEqual(200);
    const byCase = new Map<string, typeof heldOut>();
    for (const e of heldOut) byCase.set(e.case ?? 'other', [...(byCase.get(e.case ?? 'other') ?? []), e]);
    const fair = agreement(heldOut);
    console.log(
      `classifier agreement (vocabulary only): ${percent(agreement(tuning))} of the ${tuning.length} tuning examples; ` +
        `${percent(fair)} of the ${heldOut.length} held-out ones\n` +
        [...byCase].map(([c, xs]) => `  held-out ${c}: ${percent(agreement(xs))} of ${xs.length}`).join('\n'),
    );
    expect(agreement(tuning)).toBeGreaterThanOrEqual(0.9);
    expect(fair).toBeGreaterThanOrEqual(0.85);
  });
});
