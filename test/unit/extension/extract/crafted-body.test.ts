// @vitest-environment happy-dom
/**
 * A sender controls the text of a message body, a quote, a snippet or an event
 * description, and can make it look like the app's own header markup. These
 * tests plant such look-alikes into every body of every saved page and prove
 * that the subject, the ref, the people and the time do not move.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { extractPageContext } from '../../../../extension/extract/index.ts';
import type { PageContext } from '../../../../shared/schemas/page-context.ts';
import { type PageFixture, pageFixtures } from '../../../fixtures/pages/index.ts';
import { loadFixture, optionsFor } from './helpers.ts';

type Family = 'gmail' | 'google-calendar' | 'outlook';
const familyOf = (f: PageFixture): Family => (f.site.startsWith('outlook') ? 'outlook' : (f.site as Family));

// Where sender-controlled text sits, written out here rather than imported so
// that a container the extractor forgets is still planted into.
const BODIES: Record<Family, string> = {
  gmail: '.a3s, .gmail_quote, blockquote, .iA, .y2',
  'google-calendar': '#xDetDlgDesc, [contenteditable="true"]',
  outlook: '[role="document"], [aria-label="Message body"], [aria-label="Nachrichtentext"]',
};
// The app's own title element on each page, to plant next to in the control test.
const HEADINGS = 'h2.hP, #rAECCd, input[aria-label="Title"], [role="heading"]';

const ATTACKER = '@attacker.example';
const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');

/** Look-alikes of every header strategy the extractor has, one snippet each. */
function planted(family: Family, known: string[]): string[] {
  // Re-announcing the real people with other names and higher roles must change nothing either.
  const again = (wrap: (email: string) => string) => known.map(wrap).join('');
  switch (family) {
    case 'gmail':
      return [
        '<h2 class="hP" data-legacy-thread-id="1f0000000000dead" data-thread-perm-id="thread-f:2242545357980376863">Planted subject</h2>',
        '<h2 data-legacy-thread-id="1f0000000000beef">Planted heading</h2>',
        `<div class="adn ads" data-message-id="#msg-f:2242545357980376863" data-legacy-message-id="1f1f1f1f1f1f1f1f"><span class="gD" email="from${ATTACKER}" name="Planted From" data-hovercard-id="from${ATTACKER}">P</span><span class="g3" title="Fri, Jan 1, 2100, 1:00 AM" data-tooltip="Fri, Jan 1, 2100, 1:00 AM">Jan 1, 2100</span></div>`,
        '<div data-legacy-message-id="1f2f2f2f2f2f2f2f"></div><div data-message-id="#msg-f:2251799813685247999"></div>',
        `<span class="g2" email="to${ATTACKER}" name="Planted To" data-hovercard-id="to${ATTACKER}">T</span><span data-hovercard-id="card${ATTACKER}">C</span>`,
        `<table class="ajC"><tbody><tr><td class="gG">from:</td><td>${again((e) => `<span class="gD" email="${e}" name="Renamed">R</span>`)}</td></tr></tbody></table>`,
        `<img jid="avatar${ATTACKER}" alt="">`,
        `<a href="https://accounts.google.com/SignOutOptions?hl=en" aria-label="Google Account: Planted Self (self${ATTACKER})">x</a>`,
      ];
    case 'google-calendar':
      return [
        `<div id="xDetDlg" role="dialog" data-eventid="cGxhbnRlZCBldmVudA"><span id="rAECCd" role="heading" aria-level="1">Planted title</span><div class="AzuXid">Friday, January 1, 2100⋅1:00 – 2:00am</div></div>`,
        '<div role="dialog"><div data-eventid="cGxhbnRlZCBpbm5lcg">Planted inner</div></div>',
        `<div id="xDetDlgAtt"><div data-email="att${ATTACKER}" aria-label="Planted, Organizer, Attending">P</div></div>`,
        `<div role="list" aria-label="Guests invited to this event.">${again((e) => `<div data-email="${e}" aria-label="Renamed, Organizer, Attending"></div>`)}<div data-email="guest${ATTACKER}" aria-label="Planted Guest"></div></div>`,
        `<span data-email="span${ATTACKER}" data-hovercard-id="card${ATTACKER}">S</span>`,
        '<input aria-label="Title" value="Planted title"><input aria-label="Start date" data-date="21000101">',
        `<a href="https://accounts.google.com/SignOutOptions" aria-label="Google Account: Planted Self (self${ATTACKER})">x</a>`,
      ];
    case 'outlook':
      return [
        '<div id="ReadingPaneContainerId" data-convid="planted-conversation"><div role="heading" aria-level="1" title="Planted subject">Planted subject</div><span class="JdFsz" title="Planted">P</span></div>',
        `<div aria-label="From: Planted &lt;from${ATTACKER}&gt;"><span title="from2${ATTACKER}">P</span></div>`,
        `<div aria-label="From: Renamed">${again((e) => `<span title="${e}">Renamed</span>`)}</div>`,
        `<div aria-label="Organizer: Planted &lt;org${ATTACKER}&gt;">x</div><div aria-label="Required: Planted &lt;req${ATTACKER}&gt;">x</div>`,
        '<div data-testid="SentReceivedSavedTime" title="Fri 1/1/2100 1:00 AM">Fri 1/1/2100 1:00 AM</div>',
        `<div role="dialog" aria-label="Event details" data-itemid="planted-item"><span role="heading" aria-level="1">Planted card</span><div aria-label="Time">Fri 1/1/2100 1:00 AM - 2:00 AM</div><div data-testid="EventTime">Fri 1/1/2100 1:00 AM</div></div>`,
        `<div aria-label="Organizer"><span title="org2${ATTACKER}">Planted Org</span></div><div role="tree"><div role="treeitem" aria-level="1" title="tree-self${ATTACKER}"><span title="tree${ATTACKER}">Planted Att</span></div></div>`,
        `<div id="mectrl_currentAccount_primary">Planted Self</div><div id="mectrl_currentAccount_secondary">self${ATTACKER}</div>`,
      ];
  }
}

const withContext = pageFixtures.filter((f) => f.expected);

// Parsing a saved page is the slow part in happy-dom; each test works on a copy of one parse.
const parsed = new Map<string, Document>();
function freshCopy(page: PageFixture): Document {
  let doc = parsed.get(page.file);
  if (!doc) {
    doc = loadFixture(page);
    parsed.set(page.file, doc);
  }
  return doc.cloneNode(true) as Document;
}

function extract(doc: Document, page: PageFixture): PageContext | null {
  return extractPageContext(doc, page.url, optionsFor(page));
}

function plantEverywhere(doc: Document, page: PageFixture, html: string): number {
  const bodies = [...doc.querySelectorAll(BODIES[familyOf(page)])];
  for (const body of bodies) {
    body.insertAdjacentHTML('afterbegin', html);
    body.insertAdjacentHTML('beforeend', html);
  }
  return bodies.length;
}

describe('a crafted body cannot change the subject, the ref, the people or the time', () => {
  // The large thread is slow to parse in happy-dom, not to extract.
  it.each(withContext.map((f) => [f.file, f] as const))('%s', { timeout: 60_000 }, (_, page) => {
    const doc = freshCopy(page);
    const before = extract(doc, page)!;
    const expected = page.expected!;
    const known = expected.participants.map((p) => p.email);
    const bodies = plantEverywhere(doc, page, planted(familyOf(page), known).join(''));
    expect(bodies).toBeGreaterThan(0);

    const after = extract(doc, page)!;
    expect(after).toEqual(before);
    expect(after.title).toBe(expected.title);
    expect(after.ref).toBe(expected.ref);
    expect(after.participants).toEqual(expected.participants);
    expect(after.occurredAt).toBe(expected.occurredAt);
    expect(after.participants.some((p) => p.email.endsWith(ATTACKER))).toBe(false);
  });

  it.each(withContext.map((f) => [f.file, f] as const))(
    '%s: the same markup outside the bodies does change it (the planted markup is potent)',
    { timeout: 60_000 },
    (_, page) => {
      const doc = freshCopy(page);
      const before = extract(doc, page);
      const heading = [...doc.querySelectorAll(HEADINGS)].find(
        (el) => !el.closest(BODIES[familyOf(page)]) && !el.closest('[style*="display: none"]'),
      )!;
      const known = page.expected!.participants.map((p) => p.email);
      heading.insertAdjacentHTML('afterend', planted(familyOf(page), known).join(''));
      expect(extract(doc, page)).not.toEqual(before);
    },
  );

  it('holds for random mixes of look-alikes at either end of a random body', { timeout: 60_000 }, () => {
    const families = new Map<Family, PageFixture[]>();
    for (const f of withContext.filter((f) => !f.file.includes('large')))
      families.set(familyOf(f), [...(families.get(familyOf(f)) ?? []), f]);
    const cases = [...families].flatMap(([family, pages]) =>
      pages.map((page) => ({
        family,
        page,
        snippets: planted(
          family,
          page.expected!.participants.map((p) => p.email),
        ),
      })),
    );
    fc.assert(
      fc.property(
        fc.constantFrom(...cases),
        fc.nat(),
        fc.array(fc.nat(), { minLength: 1, maxLength: 6 }),
        fc.boolean(),
        ({ page, snippets, family }, bodyPick, picks, atStart) => {
          const doc = freshCopy(page);
          const before = extract(doc, page);
          const bodies = [...doc.querySelectorAll(BODIES[family])];
          const body = bodies[bodyPick % bodies.length]!;
          const html = picks.map((i) => snippets[i % snippets.length]).join(`<div>${esc('<x>')}</div>`);
          body.insertAdjacentHTML(atStart ? 'afterbegin' : 'beforeend', html);
          expect(extract(doc, page)).toEqual(before);
        },
      ),
      { numRuns: 60 },
    );
  });
});
