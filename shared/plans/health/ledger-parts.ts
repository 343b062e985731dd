/** The commitments and conflicts parts of health (design §15). */
import type { Severity } from '../../schemas/conflict.ts';
import { COMMITMENT_WINDOW_DAYS, tallyOurCommitments } from '../commitment-outcome.ts';
import { conflictCalendar, isPastSla, slaDays } from '../conflict-sla.ts';
import { type CommitmentLike, type ConflictLike, isLive } from '../inputs.ts';
import type { HealthContext, PartResult } from './context.ts';
import { count, joinAnd, verb } from './words.ts';

/**
 * Commitments: the share of our promises of the last 180 days kept on time
 * (see `tallyOurCommitments`: open past due counts as not kept). No promise
 * with a verdict: no data.
 */
export function commitmentsPart(commitments: readonly CommitmentLike[], h: HealthContext): PartResult {
  const mine = commitments.filter((c) => c.accountId === h.account.id);
  const t = tallyOurCommitments(mine, h.today);
  const window = `in the last ${COMMITMENT_WINDOW_DAYS} days`;
  if (t.counted === 0) return { score: null, reason: `No promises of ours fell due ${window}` };
  const score = Math.round((100 * t.onTime) / t.counted);
  if (t.onTime === t.counted)
    return {
      score,
      reason:
        t.counted === 1
          ? `Our one promise ${window} was kept on time`
          : `All ${t.counted} of our promises ${window} were kept on time`,
    };
  // Largest failure first; ties in a fixed order.
  const failures = [
    { n: t.late, words: (n: number) => `${verb(n, 'was', 'were')} kept late` },
    { n: t.broken, words: (n: number) => `${verb(n, 'was', 'were')} broken` },
    { n: t.overdue, words: (n: number) => `${verb(n, 'is', 'are')} open past due` },
  ]
    .filter((f) => f.n > 0)
    .sort((a, b) => b.n - a.n);
  const [first, ...rest] = failures;
  const lead =
    t.counted === 1
      ? `Our one promise ${window} ${first!.words(1)}`
      : `${first!.n} of our ${count(t.counted, 'promise')} ${window} ${first!.words(first!.n)}`;
  return { score, reason: joinAnd([lead, ...rest.map((f) => `${f.n} ${f.words(f.n)}`)]) };
}

/** Points an open conflict takes off the conflicts part; doubled past its SLA. */
export const CONFLICT_PENALTY: Readonly<Record<Severity, number>> = Object.freeze({
  critical: 50,
  high: 30,
  medium: 15,
  low: 5,
});

/**
 * Conflicts: 100 with none open, less each open conflict's penalty (critical
 * 50, high 30, medium 15, low 5, doubled past its SLA), floored at 0. There
 * is data when the account has a plan or an open conflict (only open ones
 * are read, so a caller may pass just those).
 */
export function conflictsPart(
  conflicts: readonly ConflictLike[],
  hasPlan: boolean,
  h: HealthContext,
): PartResult {
  const mine = conflicts.filter((c) => isLive(c) && c.accountId === h.account.id && c.state === 'open');
  if (mine.length === 0 && !hasPlan) return { score: null, reason: 'No open conflicts and no plan' };
  const open = mine
    .map((c) => {
      const calendar = conflictCalendar(c, h.account, h.rules);
      const past = isPastSla(c, calendar, h.rules.settings, h.rules.now);
      return { c, past, penalty: CONFLICT_PENALTY[c.severity] * (past ? 2 : 1) };
    })
    .sort(
      (a, b) =>
        b.penalty - a.penalty ||
        (a.c.openedOn < b.c.openedOn ? -1 : a.c.openedOn > b.c.openedOn ? 1 : 0) ||
        (a.c.id < b.c.id ? -1 : a.c.id > b.c.id ? 1 : 0),
    );
  if (open.length === 0) return { score: 100, reason: 'No open conflicts' };
  const score = Math.max(0, 100 - open.reduce((sum, o) => sum + o.penalty, 0));
  const worst = open[0]!;
  const { c } = worst;
  const what = `'${c.title}' (${c.severity}${c.level > 1 ? `, level ${c.level}` : ''})`;
  const state = worst.past
    ? `is past its ${slaDays(c.severity, h.rules.settings)}-business-day SLA`
    : `is open since ${c.openedOn}`;
  const lead = open.length === 1 ? 'One open conflict' : `${open.length} open conflicts`;
  const pastCount = open.filter((o) => o.past).length;
  const alsoPast = worst.past && pastCount > 1 ? `, with ${pastCount - 1} more past SLA` : '';
  return { score, reason: `${lead}: ${what} ${state}${alsoPast}` };
}
