/**
 * The parts and bands of relationship health (design §15). Plain constants,
 * so the wire schemas and the pure computation share one list.
 */

/** The six parts, in display order. */
export const HEALTH_PART_NAMES = [
  'cadence',
  'attention',
  'objectives',
  'commitments',
  'conflicts',
  'reviews',
] as const;
export type HealthPartName = (typeof HEALTH_PART_NAMES)[number];

/** How each part is labelled for people. */
export const HEALTH_PART_LABELS: Readonly<Record<HealthPartName, string>> = Object.freeze({
  cadence: 'Contact cadence',
  attention: 'Strategic attention',
  objectives: 'Objectives',
  commitments: 'Commitments',
  conflicts: 'Conflicts',
  reviews: 'Reviews',
});

/** Bands, best first: healthy ≥ 70, watch 40–69, at risk < 40. */
export const HEALTH_BANDS = ['healthy', 'watch', 'at-risk'] as const;
export type HealthBand = (typeof HEALTH_BANDS)[number];

export const HEALTH_BAND_LABELS: Readonly<Record<HealthBand, string>> = Object.freeze({
  healthy: 'Healthy',
  watch: 'Watch',
  'at-risk': 'At risk',
});

/** Lowest score of the healthy and watch bands. */
export const HEALTHY_FROM = 70;
export const WATCH_FROM = 40;

/** The band of a 0–100 score. */
export function healthBand(score: number): HealthBand {
  return score >= HEALTHY_FROM ? 'healthy' : score >= WATCH_FROM ? 'watch' : 'at-risk';
}

/** 0 for healthy, 1 for watch, 2 for at risk: sort by it, worst last (or descending, worst first). */
export function bandRank(band: HealthBand): number {
  return HEALTH_BANDS.indexOf(band);
}

/** Whether moving from `before` to `after` is a drop to a worse band. */
export function bandDropped(before: HealthBand, after: HealthBand): boolean {
  return bandRank(after) > bandRank(before);
}
