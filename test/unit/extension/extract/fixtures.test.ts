// @vitest-environment happy-dom
import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { extractGmail } from '../../../../extension/extract/gmail.ts';
import { extractGoogleCalendar } from '../../../../extension/extract/google-calendar.ts';
import { extractPageContext } from '../../../../extension/extract/index.ts';
import { extractOutlook } from '../../../../extension/extract/outlook.ts';
import { PageContextSchema } from '../../../../shared/schemas/page-context.ts';
import { fixturePath, pageFixtures } from '../../../fixtures/pages/index.ts';
import { loadFixture, optionsFor } from './helpers.ts';

const extractors = { gmail: extractGmail, 'google-calendar': extractGoogleCalendar, outlook: extractOutlook };
const familyOf = (site: string) => (site.startsWith('outlook') ? 'outlook' : site) as keyof typeof extractors;

describe('fixture list', () => {
  it('has pages per site family in English, German and French, hostile ones, and a large Gmail thread', () => {
    for (const family of ['gmail/', 'google-calendar/', 'outlook/']) {
      const pages = pageFixtures.filter((f) => f.file.startsWith(family));
      expect(pages.length).toBeGreaterThanOrEqual(3);
      expect(pages.filter((f) => f.hostile).length).toBeGreaterThanOrEqual(2);
      const langs = pages.map(
        (f) => /<html lang="([a-z]+)/.exec(readFileSync(fixturePath(f.file), 'utf8'))?.[1],
      );
      for (const lang of ['en', 'de', 'fr']) expect(langs).toContain(lang);
    }
    const large = pageFixtures.find((f) => f.file.includes('large'));
    expect(large?.site).toBe('gmail');
    expect(readFileSync(fixturePath(large!.file)).length).toBeGreaterThanOrEqual(200 * 1024);
  });

  it.each(pageFixtures.map((f) => [f.file, f] as const))(
    '%s names its URL in its first line',
    (_, fixture) => {
      const firstLine = readFileSync(fixturePath(fixture.file), 'utf8').split('\n', 1)[0];
      expect(firstLine).toBe(`<!-- url: ${fixture.url} -->`);
    },
  );
});

const savedZone = process.env.TZ;
afterEach(() => {
  if (savedZone === undefined) delete process.env.TZ;
  else process.env.TZ = savedZone;
});

describe.each(pageFixtures.map((f) => [f.file, f] as const))('%s', (_, fixture) => {
  const doc = loadFixture(fixture);
  const options = optionsFor(fixture);

  if (fixture.expected === null) {
    it('yields no context', () => {
      expect(extractPageContext(doc, fixture.url, options)).toBeNull();
      expect(extractors[familyOf(fixture.site)](doc, fixture.url, options)).toBeNull();
    });
  } else {
    const expected = fixture.expected;
    it('yields exactly the expected context', () => {
      const context = extractPageContext(doc, fixture.url, options);
      expect(context).toEqual({
        site: fixture.site,
        kind: expected.kind,
        ref: expected.ref,
        title: expected.title,
        participants: expected.participants,
        occurredAt: expected.occurredAt,
        ...(expected.kind === 'calendar-event' ? { endsAt: expected.endsAt ?? null } : {}),
        url: fixture.url,
      });
    });

    it('passes PageContextSchema', () => {
      const context = extractPageContext(doc, fixture.url, options);
      expect(PageContextSchema.parse(context)).toEqual(context);
    });

    it('marks only the signed-in address as self', () => {
      const context = extractPageContext(doc, fixture.url, options)!;
      expect(context.participants.map((p) => p.email)).toEqual(expected.participantEmails);
      expect(context.participants.filter((p) => p.isSelf).map((p) => p.email)).toEqual(
        expected.participantEmails.filter((email) => email === expected.selfEmail),
      );
    });

    it('gives the same result with default options in a browser set to the page’s zone', () => {
      process.env.TZ = fixture.timeZone;
      expect(extractPageContext(doc, fixture.url)).toEqual(extractPageContext(doc, fixture.url, options));
    });

    it('gives the same result from the site extractor', () => {
      expect(extractors[familyOf(fixture.site)](doc, new URL(fixture.url), options)).toEqual(
        extractPageContext(doc, fixture.url, options),
      );
    });
  }

  it('gives null from the other sites’ extractors, without throwing', () => {
    for (const [family, extract] of Object.entries(extractors)) {
      if (family === familyOf(fixture.site)) continue;
      expect(extract(doc, fixture.url, options)).toBeNull();
    }
  });

  it('does not depend on the clock when every printed date has a year or a URL date', () => {
    const other = { timeZone: fixture.timeZone, now: Date.parse('2031-06-15T12:00:00Z') };
    expect(extractPageContext(doc, fixture.url, other)).toEqual(
      extractPageContext(doc, fixture.url, options),
    );
  });
});
