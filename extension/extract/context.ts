/** Plumbing every site extractor shares: options, the URL, the result shape. */
import type { PageContext } from '../../shared/schemas/page-context.ts';
import { clean } from './text.ts';
import type { TimeContext } from './time.ts';

/** Knobs for an extractor; the defaults suit a content script. */
export interface ExtractOptions {
  /** IANA zone the page shows times in. Defaults to the runtime's own zone, which is what the apps use. */
  timeZone?: string;
  /** The current time, used only to place dates printed without a year. Defaults to now. */
  now?: number | Date;
}

/** Reads a page context from a document, or null when the page shows no thread or event. */
export type Extractor = (doc: Document, url: URL | string, options?: ExtractOptions) => PageContext | null;

export const MAX_TITLE = 500;
const MAX_REF = 512;
const MAX_URL = 2048;

/** Parses the page URL; only https pages can produce a context. */
export function parseUrl(url: URL | string): URL | null {
  try {
    const parsed = new URL(String(url));
    return parsed.protocol === 'https:' ? parsed : null;
  } catch {
    return null;
  }
}

/** The URL to store: the page's own, or a shorter form when it is too long to keep. */
export function storedUrl(url: URL): string {
  if (url.href.length <= MAX_URL) return url.href;
  const short = new URL(url.origin + url.pathname);
  return short.href.length <= MAX_URL ? short.href : url.origin;
}

/** A cleaned, capped ref, or null when nothing usable is left. */
export function cleanRef(raw: string | null | undefined): string | null {
  const ref = clean(raw, MAX_REF);
  return ref || null;
}

/** Percent-decodes a URL segment, keeping it as is when it is malformed. */
export function decodeSegment(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

/** The time settings for one extraction. */
export function timeContext(
  doc: Document,
  options: ExtractOptions | undefined,
  near?: TimeContext['near'],
): TimeContext {
  const now = options?.now;
  return {
    timeZone: options?.timeZone,
    now: now === undefined ? Date.now() : typeof now === 'number' ? now : now.getTime(),
    near,
    dayFirst: isDayFirst(doc.documentElement?.getAttribute('lang') ?? ''),
  };
}

// Locales that write numeric dates month first ("11/23/2026"); the rest put the day first.
const MONTH_FIRST = new Set(['en', 'en-us', 'en-ph', 'es-us', 'fil', 'fil-ph']);

function isDayFirst(lang: string): boolean {
  if (!lang) return false;
  const [language, region] = lang.toLowerCase().split('-');
  return !MONTH_FIRST.has(region && region.length === 2 ? `${language}-${region}` : (language ?? ''));
}

/** True when the element or an ancestor is hidden with `hidden` or an inline `display: none`. */
export function isHidden(el: Element): boolean {
  for (let node: Element | null = el; node; node = node.parentElement) {
    if (node.hasAttribute('hidden')) return true;
    const style = node.getAttribute('style');
    if (style && /display\s*:\s*none/i.test(style)) return true;
  }
  return false;
}

/** A short, stable hash, for refs derived from content when the page shows no id. */
export function hashRef(...parts: string[]): string {
  // cyrb53: 53 bits is plenty to tell one user's events apart.
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  const text = parts.join('\u001f');
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(36);
}

/** Runs an extractor body, turning any surprise from a hostile or half-rendered DOM into null. */
export function guard(run: () => PageContext | null): PageContext | null {
  try {
    return run();
  } catch {
    return null;
  }
}

/**
 * Elements under `root` matching `selector`, minus those inside an `exclude`
 * container (message bodies) or being one; with a selector, a container
 * around `root` counts too. Pass the containers already found (in document
 * order) to look them up once for several selectors.
 *
 * Bodies hold most of a long thread's markup, so nothing here searches inside
 * them: both lists come in document order and one merge walk over them, with
 * a `contains` per step, tells which matches fall inside a body.
 */
export function queryOutside(
  root: ParentNode,
  selector: string,
  exclude: string | Iterable<Element>,
): Element[] {
  const found = root.querySelectorAll(selector);
  // A handful of matches (a heading, a time line) is cheapest checked one by one.
  if (typeof exclude === 'string' && found.length <= FEW) {
    return [...found].filter((el) => !el.closest(exclude));
  }
  const boxes = outermost(typeof exclude === 'string' ? root.querySelectorAll(exclude) : exclude);
  const out: Element[] = [];
  let i = 0;
  for (const el of found) {
    // Skip the boxes that end before this element; the next one either holds it or comes after it.
    while (i < boxes.length && !boxes[i]!.contains(el) && boxes[i]!.compareDocumentPosition(el) & FOLLOWING)
      i++;
    if (i < boxes.length && boxes[i]!.contains(el)) continue;
    out.push(el);
  }
  return out;
}

// Node.DOCUMENT_POSITION_FOLLOWING, without needing the DOM's globals.
const FOLLOWING = 4;
const FEW = 8;

/** The containers not inside another one, in document order: disjoint subtrees. */
function outermost(boxes: Iterable<Element>): Element[] {
  const out: Element[] = [];
  for (const box of boxes) {
    const last = out[out.length - 1];
    if (!last?.contains(box)) out.push(box);
  }
  return out;
}

/**
 * The first element, for selectors tried in order (most reliable first), that
 * lies outside `exclude` and yields a non-empty value: a strategy that finds
 * an element but reads nothing from it does not stop the next one.
 */
export function firstValue(
  root: ParentNode,
  selectors: readonly string[],
  exclude: string,
  read: (el: Element) => string,
): { el: Element; value: string } | null {
  for (const selector of selectors) {
    for (const el of queryOutside(root, selector, exclude)) {
      const value = read(el);
      if (value) return { el, value };
    }
  }
  return null;
}
