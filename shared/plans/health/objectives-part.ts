/** The objectives part of health (design §15). */
import { MS_PER_DAY, parseLocalDate } from '../../time/civil-date.ts';
import { toEpochMs } from '../../time/instant.ts';
import { isLive, type MeasurementLike, type ObjectiveLike } from '../inputs.ts';
import { type ObjectiveProgress, objectiveProgress, statusScore } from '../objective-progress.ts';
import type { HealthContext, PartResult } from './context.ts';
import { count, percent } from './words.ts';

interface Scored {
  objective: ObjectiveLike;
  progress: ObjectiveProgress;
  score: number;
  /** Whole days since the last measurement, or since the objective was set when it has none. */
  quietDays: number;
}

const STATUS_WORDS = { 'on-track': 'on track', 'at-risk': 'at risk', 'off-track': 'off track' } as const;

/** Whole days from the last measurement (or the objective's creation) to today. */
function quietDays(o: ObjectiveLike, p: ObjectiveProgress, h: HealthContext): number {
  const today = parseLocalDate(h.today);
  const since = p.latest
    ? parseLocalDate(p.latest.measuredOn)
    : Math.floor(toEpochMs(o.createdAt) / MS_PER_DAY);
  return Math.max(0, today - since);
}

/**
 * Objectives: the weight-weighted mean over the account's live objectives
 * that are not dropped, each scoring 100 when achieved or on track, 50 at
 * risk and 0 off track. The sentence names the objective that costs the most
 * (weight × shortfall), and says when it has gone unmeasured for longer than
 * the org's `kpiStaleDays`. No such objective: no data.
 */
export function objectivesPart(
  objectives: readonly ObjectiveLike[],
  measurements: readonly MeasurementLike[],
  h: HealthContext,
): PartResult {
  const scored: Scored[] = [];
  for (const o of objectives) {
    if (!isLive(o) || o.accountId !== h.account.id) continue;
    const progress = objectiveProgress(o, measurements, h.rules.now);
    const score = statusScore(progress.status);
    if (score === null) continue;
    scored.push({ objective: o, progress, score, quietDays: quietDays(o, progress, h) });
  }
  if (scored.length === 0) return { score: null, reason: 'No objectives set yet' };

  let weighted = 0;
  let weights = 0;
  for (const s of scored) {
    weighted += s.score * s.objective.weight;
    weights += s.objective.weight;
  }
  const score = Math.round(weighted / weights);

  const staleAfter = h.rules.settings.kpiStaleDays;
  const isStale = (s: Scored) => s.progress.status !== 'achieved' && s.quietDays > staleAfter;
  const loss = (s: Scored) => s.objective.weight * (100 - s.score);
  // Costliest first; then the quietest; then by id, so the sentence never depends on input order.
  const ranked = [...scored].sort(
    (a, b) =>
      loss(b) - loss(a) ||
      b.quietDays - a.quietDays ||
      (a.objective.id < b.objective.id ? -1 : a.objective.id > b.objective.id ? 1 : 0),
  );
  const worst = ranked[0]!;
  const n = scored.length;

  if (loss(worst) === 0) {
    const achieved = scored.filter((s) => s.progress.status === 'achieved').length;
    const summary =
      achieved === n
        ? n === 1
          ? 'The objective is achieved'
          : `All ${n} objectives achieved`
        : achieved > 0
          ? `${achieved} of ${n} objectives achieved, the rest on track`
          : n === 1
            ? 'The objective is on track'
            : `All ${n} objectives on track`;
    const stale = ranked.find(isStale);
    return {
      score,
      reason: stale
        ? `${summary}, but no measurement for '${stale.objective.title}' in ${stale.quietDays} days`
        : summary,
    };
  }

  const status = worst.progress.status as keyof typeof STATUS_WORDS;
  const where = `${percent(worst.progress.progress)} of the way, ${percent(worst.progress.expected)} expected`;
  const others = ranked.filter((s) => s !== worst && loss(s) > 0).length;
  const more =
    others > 0 ? `; ${count(others, 'more objective')} ${others === 1 ? 'needs' : 'need'} attention` : '';
  const title = worst.objective.title;
  if (isStale(worst))
    return {
      score,
      reason: `No measurement for '${title}' in ${worst.quietDays} days; it is ${STATUS_WORDS[status]} (${where})${more}`,
    };
  return { score, reason: `'${title}' is ${STATUS_WORDS[status]}: ${where}${more}` };
}
