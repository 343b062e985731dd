/**
 * Reading text out of untrusted page markup. Only `textContent` and
 * attributes are read, never `innerHTML`, so markup in a subject stays text.
 */

// Bidi overrides and zero-width characters: pages use them for layout, and a
// hostile sender name can use them to spoof how text reads.
// The zero-width joiner stays: emoji sequences need it.
const INVISIBLE_RE = /[\p{Cc}\u200B\u200C\u200E\u200F\u202A-\u202E\u2060-\u2069\uFEFF]/gu;
const SPACE_RE = /\s+/g;
// Anything `clean` would change besides trimming; most text needs none of it.
const UNTIDY_RE = /[^\S ]| {2}|[\p{Cc}\u200B\u200C\u200E\u200F\u202A-\u202E\u2060-\u2069\uFEFF]/u;

/** Trims, collapses whitespace, drops invisible characters and caps the length. */
export function clean(value: string | null | undefined, max: number): string {
  if (!value) return '';
  // Cap before the regexes too, so a megabyte of text costs nothing.
  const text = value.length > max * 4 + 64 ? value.slice(0, max * 4 + 64) : value;
  if (!UNTIDY_RE.test(text)) return cap(text.trim(), max);
  return cap(text.replace(SPACE_RE, ' ').replace(INVISIBLE_RE, '').replace(/ {2,}/g, ' ').trim(), max);
}

/** Cuts to `max` UTF-16 units without leaving half a surrogate pair. */
export function cap(value: string, max: number): string {
  if (value.length <= max) return value;
  const code = value.charCodeAt(max - 1);
  return value.slice(0, code >= 0xd800 && code <= 0xdbff ? max - 1 : max).trimEnd();
}

/** Cleaned `textContent` of an element, or `''`. */
export function textOf(el: Element | null | undefined, max: number): string {
  return clean(el?.textContent, max);
}

/** Cleaned attribute value, or `''`. */
export function attrOf(el: Element | null | undefined, name: string, max: number): string {
  return clean(el?.getAttribute(name), max);
}

/** The first non-empty value among candidates. */
export function firstOf(...values: string[]): string {
  for (const value of values) if (value) return value;
  return '';
}
