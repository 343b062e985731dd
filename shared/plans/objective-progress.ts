/** Objective progress, expected progress and status (design §14), pure with `now` passed in. */
import { MS_PER_DAY, parseLocalDate } from '../time/civil-date.ts';
import { type InstantLike, toEpochMs } from '../time/instant.ts';
import { isLive, type MeasurementLike, type ObjectiveLike } from './inputs.ts';

/** `increase` when the target is above the baseline, else `decrease` (a goal to reduce). */
export type ObjectiveDirection = 'increase' | 'decrease';

/**
 * Where an objective stands. `achieved` and `dropped` follow its state;
 * `achieved` also when its latest measurement reaches the target.
 */
export type ObjectiveStatus = 'on-track' | 'at-risk' | 'off-track' | 'achieved' | 'dropped';

/** Progress within this much below expected is on track; within {@link AT_RISK_MARGIN}, at risk. */
export const ON_TRACK_MARGIN = 0.1;
export const AT_RISK_MARGIN = 0.3;
/** Float slack for the boundaries: 0.3 − 0.1 is 0.19999999999999998 in binary. */
const EPSILON = 1e-9;

/** An objective's progress at `now`. */
export interface ObjectiveProgress {
  /** (latest − baseline) / (target − baseline), clamped to 0–1; 0 with no measurement. */
  progress: number;
  /** The share of time elapsed from the objective's creation to the end of `dueOn` (UTC), 0–1. */
  expected: number;
  status: ObjectiveStatus;
  direction: ObjectiveDirection;
  /** The latest live measurement, or null. */
  latest: MeasurementLike | null;
}

/** The direction of an objective, from its target against its baseline. */
export function objectiveDirection(
  objective: Pick<ObjectiveLike, 'baseline' | 'target'>,
): ObjectiveDirection {
  return objective.target >= objective.baseline ? 'increase' : 'decrease';
}

/**
 * The newest live measurement of `objectiveId` (by `measuredOn`, then id, so
 * the choice never depends on input order), or null.
 */
export function latestMeasurement(
  measurements: readonly MeasurementLike[],
  objectiveId: string,
): MeasurementLike | null {
  let best: MeasurementLike | null = null;
  for (const m of measurements) {
    if (m.objectiveId !== objectiveId || !isLive(m)) continue;
    if (
      best === null ||
      m.measuredOn > best.measuredOn ||
      (m.measuredOn === best.measuredOn && m.id > best.id)
    )
      best = m;
  }
  return best;
}

/** Whether `value` reaches the objective's target in its direction. */
export function reachesTarget(objective: Pick<ObjectiveLike, 'baseline' | 'target'>, value: number): boolean {
  return objectiveDirection(objective) === 'increase' ? value >= objective.target : value <= objective.target;
}

/** (value − baseline) / (target − baseline), clamped to 0–1; a target equal to the baseline is reached or not. */
export function progressOf(objective: Pick<ObjectiveLike, 'baseline' | 'target'>, value: number): number {
  const span = objective.target - objective.baseline;
  if (span === 0) return value === objective.target ? 1 : 0;
  return Math.min(1, Math.max(0, (value - objective.baseline) / span));
}

/** The share of the objective's time (creation → end of `dueOn`, UTC) elapsed at `now`, 0–1. */
export function expectedProgress(
  objective: Pick<ObjectiveLike, 'createdAt' | 'dueOn'>,
  now: InstantLike,
): number {
  const start = toEpochMs(objective.createdAt);
  const end = (parseLocalDate(objective.dueOn) + 1) * MS_PER_DAY;
  if (end <= start) return 1;
  return Math.min(1, Math.max(0, (toEpochMs(now) - start) / (end - start)));
}

/**
 * The status an open objective has for a given progress and expected
 * progress: on track when progress ≥ expected − 0.1, at risk when ≥ expected
 * − 0.3, else off track; achieved at full progress. Boundaries are inclusive.
 */
export function statusFor(progress: number, expected: number): Exclude<ObjectiveStatus, 'dropped'> {
  if (progress >= 1) return 'achieved';
  if (progress >= expected - ON_TRACK_MARGIN - EPSILON) return 'on-track';
  if (progress >= expected - AT_RISK_MARGIN - EPSILON) return 'at-risk';
  return 'off-track';
}

/**
 * Progress, expected progress and status of one objective at `now`, from its
 * live measurements (others, and those of other objectives, are ignored).
 * A measurement that reaches the target makes it achieved, whatever its state.
 */
export function objectiveProgress(
  objective: ObjectiveLike,
  measurements: readonly MeasurementLike[],
  now: InstantLike,
): ObjectiveProgress {
  const latest = latestMeasurement(measurements, objective.id);
  const direction = objectiveDirection(objective);
  const expected = expectedProgress(objective, now);
  const reached = latest !== null && reachesTarget(objective, latest.value);
  const progress = reached ? 1 : latest === null ? 0 : progressOf(objective, latest.value);
  const status: ObjectiveStatus =
    objective.state === 'dropped'
      ? 'dropped'
      : objective.state === 'achieved' || reached
        ? 'achieved'
        : statusFor(progress, expected);
  return { progress, expected, status, direction, latest };
}

/** What an objective's status contributes to the objectives part of health (§15); null for dropped. */
export function statusScore(status: ObjectiveStatus): number | null {
  switch (status) {
    case 'achieved':
    case 'on-track':
      return 100;
    case 'at-risk':
      return 50;
    case 'off-track':
      return 0;
    case 'dropped':
      return null;
  }
}
