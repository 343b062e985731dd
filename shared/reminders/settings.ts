import type { OrgSettings } from '../schemas/settings.ts';

export type { OrgSettings };

/**
 * The design's defaults: Mon–Fri 09:00–17:00, cadence 14/30 days, review 90, alliance 14,
 * balance 28/10/80 %, KPIs stale after 30 days, conflict SLAs 2/5/10/20 business days, health
 * weights 20/15/25/15/15/10, no internal domains. Equal to `OrgSettingsSchema.parse({})`
 * (shared/schemas/settings.ts; a test checks it).
 */
export const DEFAULT_ORG_SETTINGS: OrgSettings = deepFreeze({
  workingHours: { days: [1, 2, 3, 4, 5], start: '09:00', end: '17:00' },
  holidays: [],
  cadenceDays: { strategic: 14, tactical: 30 },
  awaitingReplyBusinessDays: 3,
  strategicReviewDays: 90,
  allianceEndingDays: 14,
  balance: { windowDays: 28, minInteractions: 10, maxTacticalShare: 0.8, weekday: 1 },
  escalationDays: 7,
  disabledRules: [],
  kpiStaleDays: 30,
  conflictSlaDays: { critical: 2, high: 5, medium: 10, low: 20 },
  healthWeights: { cadence: 20, attention: 15, objectives: 25, commitments: 15, conflicts: 15, reviews: 10 },
  internalDomains: [],
});

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object') {
    for (const v of Object.values(value)) deepFreeze(v);
    Object.freeze(value);
  }
  return value;
}
