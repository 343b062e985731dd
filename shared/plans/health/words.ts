/** Small wording helpers for the health sentences: plain English, numbers as digits. */

/** `1 day`, `2 days`. */
export function count(n: number, singular: string, plural = `${singular}s`): string {
  return `${n} ${n === 1 ? singular : plural}`;
}

/** `today`, `yesterday`, `3 days ago`. */
export function daysAgo(days: number): string {
  return days <= 0 ? 'today' : days === 1 ? 'yesterday' : `${days} days ago`;
}

/** A 0–1 share as a whole percentage, `42%`. */
export function percent(share: number): string {
  return `${Math.round(share * 100)}%`;
}

/** `was` / `were`, `is` / `are` for a count. */
export function verb(n: number, one: string, many: string): string {
  return n === 1 ? one : many;
}

/** `a`, `a and b`, `a, b and c`. */
export function joinAnd(items: readonly string[]): string {
  if (items.length <= 1) return items[0] ?? '';
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}
