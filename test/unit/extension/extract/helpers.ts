import { readFileSync } from 'node:fs';
import { fixturePath, type PageFixture } from '../../../fixtures/pages/index.ts';

/** Parses HTML the way a browser would, without running anything in it. */
export function parse(html: string): Document {
  return new DOMParser().parseFromString(html, 'text/html');
}

export function loadFixture(fixture: PageFixture): Document {
  return parse(readFileSync(fixturePath(fixture.file), 'utf8'));
}

/** Extractor options matching the moment and zone a fixture was saved in. */
export function optionsFor(fixture: PageFixture) {
  return { timeZone: fixture.timeZone, now: Date.parse(fixture.now) };
}
