// @vitest-environment happy-dom
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { extractGmail } from '../../../../extension/extract/gmail.ts';
import { extractGoogleCalendar } from '../../../../extension/extract/google-calendar.ts';
import { extractPageContext } from '../../../../extension/extract/index.ts';
import { extractOutlook } from '../../../../extension/extract/outlook.ts';
import { PageContextSchema } from '../../../../shared/schemas/page-context.ts';
import { type PageFixture, pageFixtures } from '../../../fixtures/pages/index.ts';
import { loadFixture, optionsFor, parse } from './helpers.ts';

const fixture = (file: string): PageFixture => pageFixtures.find((f) => f.file === file)!;

describe('hostile pages', () => {
  const hostile = pageFixtures.filter((f) => f.hostile);

  it.each(hostile.map((f) => [f.file, f] as const))('%s keeps markup as literal text', (_, page) => {
    const context = extractPageContext(loadFixture(page), page.url, optionsFor(page))!;
    expect(PageContextSchema.safeParse(context).success).toBe(true);
    expect(context.title).toContain('<script>');
    expect(context.title).toContain('<img src=x onerror=alert(1)>');
    expect(context.title).toContain('"><svg onload=alert(2)>');
    const names = context.participants.map((p) => p.name);
    expect(names).toContain('"><svg onload=alert(document.cookie)>');
    expect(names.some((name) => name.includes('<script>'))).toBe(true);
  });

  it.each(hostile.map((f) => [f.file, f] as const))('%s drops every malformed address', (_, page) => {
    const context = extractPageContext(loadFixture(page), page.url, optionsFor(page))!;
    for (const { email } of context.participants) {
      expect(email).toBe(email.toLowerCase());
      expect(email).not.toMatch(/[<>"\s]/);
      expect(email.length).toBeLessThanOrEqual(254);
    }
  });
});

describe('message bodies are never read', () => {
  // Addresses that appear only in bodies, descriptions, snippets, quoted text or page data.
  const bodyOnly = [
    'eve.procurement@acme.example',
    'legal@acme.example',
    'mallory@quoted.example',
    'preload-contact@leak.example',
    'zoe@elsewhere.example',
    'body-leak@evil.example',
    'body-text@evil.example',
    'quoted-leak@evil.example',
    'mallory-snippet@evil.example',
    'alice.assistant@acme.example',
    'desc-leak@acme.example',
    'desc-leak@evil.example',
    'hostile-desc@evil.example',
    'frank.assistant@globex.example',
    'editor-leak@globex.example',
    'quoted@acme.example',
    'aria-leak@evil.example',
    'assistant@acme.example',
    'organizer-leak@acme.example',
    'carol.assistant@globex.example',
    'preload-identity@leak.example',
    'preload-owner@leak.example',
    'ciso-leak@globex.example',
    'auditor@globex.example',
    'einkauf-leak@acme.example',
    'recht@acme.example',
    'juridique@acme.example',
    'juridique-leak@acme.example',
    'tokyo-leak@acme.example',
  ];

  it.each(pageFixtures.filter((f) => f.expected).map((f) => [f.file, f] as const))(
    '%s has no participant from a body',
    // Parsing the large thread in happy-dom takes seconds on a busy machine; extracting it does not.
    { timeout: 30_000 },
    (_, page) => {
      const emails = extractPageContext(loadFixture(page), page.url, optionsFor(page))!.participants.map(
        (p) => p.email,
      );
      for (const email of bodyOnly) expect(emails).not.toContain(email);
      // The crafted pages plant every look-alike under this domain.
      expect(emails.filter((e) => e.endsWith('@attacker.example'))).toEqual([]);
    },
  );

  it('ignores a person span and a date planted in a Gmail body', () => {
    const page = fixture('gmail/thread-basic.html');
    const doc = loadFixture(page);
    const before = extractGmail(doc, page.url, optionsFor(page));
    const body = doc.querySelector('.a3s')!;
    body.insertAdjacentHTML(
      'beforeend',
      '<span class="gD" email="planted@body.example" name="Planted" data-hovercard-id="planted@body.example">x</span>' +
        '<span class="g3" title="Fri, Jan 1, 2100, 1:00 AM">later</span>',
    );
    expect(doc.querySelector('.a3s')!.textContent).toContain('x');
    expect(extractGmail(doc, page.url, optionsFor(page))).toEqual(before);
  });

  it('ignores a "From:" label and a sent time planted in an Outlook body', () => {
    const page = fixture('outlook/mail-reading-pane.html');
    const doc = loadFixture(page);
    const before = extractOutlook(doc, page.url, optionsFor(page));
    doc
      .querySelector('[aria-label="Message body"]')!
      .insertAdjacentHTML(
        'beforeend',
        '<div aria-label="From: Planted &lt;planted@body.example&gt;"><span title="planted2@body.example">P</span></div>' +
          '<div data-testid="SentReceivedSavedTime">Fri 1/1/2100 1:00 AM</div>',
      );
    expect(extractOutlook(doc, page.url, optionsFor(page))).toEqual(before);
  });

  it('ignores a guest chip planted in a Google Calendar description', () => {
    const page = fixture('google-calendar/event-dialog.html');
    const doc = loadFixture(page);
    const before = extractGoogleCalendar(doc, page.url, optionsFor(page));
    doc
      .querySelector('#xDetDlgDesc')!
      .insertAdjacentHTML(
        'beforeend',
        '<div data-email="planted@body.example" aria-label="Planted, Organizer"></div>',
      );
    expect(extractGoogleCalendar(doc, page.url, optionsFor(page))).toEqual(before);
  });
});

describe('limits', () => {
  it('caps the title at 500 characters and names at 200', () => {
    const long = 'A'.repeat(2000);
    const doc = parse(
      `<div role="main"><h2 class="hP" data-legacy-thread-id="18c4f2a9b7e3d512">${long}</h2>` +
        `<span class="gD" email="a@example.com" name="${'N'.repeat(900)}">x</span></div>`,
    );
    const context = extractGmail(doc, 'https://mail.google.com/mail/u/0/#inbox/18c4f2a9b7e3d512')!;
    expect(context.title).toHaveLength(500);
    expect(context.participants[0]!.name).toHaveLength(200);
    expect(PageContextSchema.safeParse(context).success).toBe(true);
  });

  it('keeps at most 200 participants', () => {
    const people = Array.from(
      { length: 260 },
      (_, i) => `<span class="g2" email="p${i}@example.com">P${i}</span>`,
    );
    const doc = parse(
      `<div role="main"><h2 class="hP" data-legacy-thread-id="18c4f2a9b7e3d512">S</h2>${people.join('')}</div>`,
    );
    const context = extractGmail(doc, 'https://mail.google.com/mail/u/0/#inbox/18c4f2a9b7e3d512')!;
    expect(context.participants).toHaveLength(200);
    expect(PageContextSchema.safeParse(context).success).toBe(true);
  });

  it('shortens a URL too long to store', () => {
    const doc = parse(
      '<div role="main"><h2 class="hP" data-legacy-thread-id="18c4f2a9b7e3d512">S</h2></div>',
    );
    const url = `https://mail.google.com/mail/u/0/#search/${'q'.repeat(3000)}/18c4f2a9b7e3d512`;
    const context = extractGmail(doc, url)!;
    expect(context.url).toBe('https://mail.google.com/mail/u/0/');
    expect(PageContextSchema.safeParse(context).success).toBe(true);
  });

  it('does not split a surrogate pair when capping', () => {
    const doc = parse(
      `<div role="main"><h2 class="hP" data-legacy-thread-id="18c4f2a9b7e3d512">${'a'.repeat(499)}😀</h2></div>`,
    );
    const title = extractGmail(doc, 'https://mail.google.com/mail/u/0/#inbox/18c4f2a9b7e3d512')!.title;
    expect(title).toBe('a'.repeat(499));
  });
});

describe('never throws', () => {
  const urls = [
    'https://mail.google.com/mail/u/0/#inbox/FMfcgzQbgRnJxWvKqDfLmNpTsHzBcXkP',
    'https://calendar.google.com/calendar/u/0/r/eventedit/N2txM3YwZDFt',
    'https://calendar.google.com/calendar/u/0/r/week/2026/11/23',
    'https://outlook.office.com/mail/inbox/id/AAQkAD%E0%A4%A',
    'https://outlook.live.com/calendar/0/item/AAMk',
    'https://outlook.office365.com/mail/',
  ];

  it.each(urls)('returns null for an empty document at %s', (url) => {
    expect(extractPageContext(document.implementation.createHTMLDocument(''), url)).toBeNull();
    expect(extractPageContext(parse(''), url)).toBeNull();
  });

  it('returns null for non-https, malformed and unknown URLs', () => {
    const doc = loadFixture(fixture('gmail/thread-basic.html'));
    expect(
      extractPageContext(doc, 'http://mail.google.com/mail/u/0/#inbox/FMfcgzQbgRnJxWvKqDfLmNpTsHzBcXkP'),
    ).toBeNull();
    expect(extractPageContext(doc, 'not a url')).toBeNull();
    expect(
      extractPageContext(doc, 'https://example.com/mail/u/0/#inbox/FMfcgzQbgRnJxWvKqDfLmNpTsHzBcXkP'),
    ).toBeNull();
    expect(extractPageContext(doc, 'https://constructor/')).toBeNull();
    expect(extractPageContext(doc, 'https://__proto__/')).toBeNull();
  });

  it('returns null when an unknown time zone is given', () => {
    const page = fixture('gmail/thread-basic.html');
    const context = extractPageContext(loadFixture(page), page.url, { timeZone: 'Mars/Olympus_Mons' });
    expect(context?.occurredAt).toBeNull();
  });

  const tag = fc.constantFrom('div', 'span', 'h2', 'table', 'tr', 'td', 'input', 'a', 'script', 'img');
  const attr = fc.constantFrom(
    'class="hP"',
    'class="gD"',
    'class="g2"',
    'class="g3" title="Mon, Nov 23, 2026, 9:14 AM"',
    'class="a3s"',
    'class="ajC"',
    'class="gG"',
    'role="main"',
    'role="dialog"',
    'id="xDetDlg"',
    'id="xDetDlgAtt"',
    'id="ReadingPaneContainerId"',
    'data-eventid="abc"',
    'data-convid="AAQk"',
    'data-legacy-thread-id="18c4f2a9b7e3d512"',
    'data-thread-perm-id="thread-f:99999999999999999999999"',
    'email="x@example.com"',
    'email="<script>"',
    'data-email="y@example.com"',
    'data-hovercard-id="z@example.com"',
    'aria-label="From: A &lt;a@example.com&gt;"',
    'aria-label="To: ;;;<<>>@@"',
    'aria-label="Google Account: J (j@example.com)"',
    'title="q@example.com"',
    'data-testid="SentReceivedSavedTime"',
    'aria-label="Start date" data-date="20269999"',
    'style="display:none"',
    'hidden',
  );
  const text = fc.constantFrom(
    '',
    'x',
    'Nov 31, 2026 25:99',
    '10:00 – 11:00am',
    '⋅',
    '<b>',
    '&lt;',
    'a@b.co',
    '\u202e',
  );
  const node: fc.Arbitrary<string> = fc.letrec<{ node: string }>((self) => ({
    node: fc.oneof(
      { depthSize: 'small', withCrossShrink: true },
      text,
      fc
        .tuple(tag, fc.array(attr, { maxLength: 3 }), fc.array(self('node'), { maxLength: 4 }))
        .map(([t, attrs, children]) => `<${t} ${attrs.join(' ')}>${children.join('')}</${t}>`),
    ),
  })).node;

  it('returns null or a valid context for random markup', () => {
    fc.assert(
      fc.property(node, fc.constantFrom(...urls), (html, url) => {
        const context = extractPageContext(parse(html), url, { timeZone: 'UTC', now: 0 });
        expect(context === null || PageContextSchema.safeParse(context).success).toBe(true);
      }),
      { numRuns: 300 },
    );
  });
});
