/** Whether promises were kept, and on time (design §14, §15). */
import { formatLocalDate, parseLocalDate } from '../time/civil-date.ts';
import { type CommitmentLike, isLive } from './inputs.ts';

/**
 * How a promise turned out, as of a day:
 * - `kept-on-time`: kept on or before its `dueOn`;
 * - `kept-late`: kept after its `dueOn`;
 * - `broken`, `cancelled`: closed so;
 * - `overdue`: still open after its `dueOn`;
 * - `open`: still open, not yet due.
 */
export type CommitmentOutcome = 'kept-on-time' | 'kept-late' | 'broken' | 'cancelled' | 'overdue' | 'open';

/** A kept commitment counts as late when it was closed after its due date. */
export function isKeptLate(c: Pick<CommitmentLike, 'state' | 'dueOn' | 'closedOn'>): boolean {
  return c.state === 'kept' && c.closedOn !== null && c.closedOn > c.dueOn;
}

/**
 * The outcome of a commitment on `today` (`YYYY-MM-DD`, in the reader's
 * zone). Open is overdue only from the day after `dueOn`: a promise due today
 * can still be kept today.
 */
export function commitmentOutcome(
  c: Pick<CommitmentLike, 'state' | 'dueOn' | 'closedOn'>,
  today: string,
): CommitmentOutcome {
  switch (c.state) {
    case 'kept':
      return isKeptLate(c) ? 'kept-late' : 'kept-on-time';
    case 'broken':
      return 'broken';
    case 'cancelled':
      return 'cancelled';
    case 'open':
      return today > c.dueOn ? 'overdue' : 'open';
  }
}

/** Days looked back by the commitments part of health. */
export const COMMITMENT_WINDOW_DAYS = 180;

/** The tally of our promises due in a window, as the commitments part of health reads it. */
export interface CommitmentTally {
  /** Promises with a verdict: kept (on time or late), broken, or open past due. */
  counted: number;
  onTime: number;
  late: number;
  broken: number;
  overdue: number;
}

/**
 * Our live promises kept or broken (by `closedOn`) in the
 * {@link COMMITMENT_WINDOW_DAYS} days up to and including `today`, plus every
 * one still open past its due date (outstanding now, however old), tallied.
 * Cancelled ones and open ones not yet due have no verdict and are not
 * counted; theirs are not ours to keep.
 */
export function tallyOurCommitments(commitments: readonly CommitmentLike[], today: string): CommitmentTally {
  const since = formatLocalDate(parseLocalDate(today) - COMMITMENT_WINDOW_DAYS);
  const tally: CommitmentTally = { counted: 0, onTime: 0, late: 0, broken: 0, overdue: 0 };
  for (const c of commitments) {
    if (!isLive(c) || c.side !== 'ours') continue;
    const outcome = commitmentOutcome(c, today);
    if (outcome !== 'overdue' && (c.closedOn === null || c.closedOn <= since || c.closedOn > today)) continue;
    if (outcome === 'kept-on-time') tally.onTime++;
    else if (outcome === 'kept-late') tally.late++;
    else if (outcome === 'broken') tally.broken++;
    else if (outcome === 'overdue') tally.overdue++;
    else continue;
    tally.counted++;
  }
  return tally;
}
