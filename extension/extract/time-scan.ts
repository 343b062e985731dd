/** The last-resort time strategy: read the first short line in a card that prints a date. */
import { queryOutside } from './context.ts';
import { clean } from './text.ts';
import { parseWallRange, type TimeContext, type WallRange } from './time.ts';

const LINES = 'time, div, span, p, td';
const MAX_LINE = 120;

/**
 * The first line under `root`, outside `exclude` and not around `skip` (the
 * title, which may hold numbers of its own), whose text reads as a date. Used
 * when no labelled time element is found, as in a language whose labels the
 * extractor does not know; the date itself is parsed in any known language.
 */
export function scanForTime(
  root: Element,
  exclude: string,
  skip: Element | null | undefined,
  ctx: TimeContext,
): WallRange | null {
  for (const el of queryOutside(root, LINES, exclude)) {
    if (skip && (el === skip || el.contains(skip) || skip.contains(el))) continue;
    const raw = el.textContent ?? '';
    if (raw.length > MAX_LINE * 2) continue;
    const text = clean(raw, MAX_LINE);
    if (!/\d/.test(text)) continue;
    const wall = parseWallRange(text, ctx);
    if (wall) return wall;
  }
  return null;
}
