import type { OrgSettings } from '../schemas/settings.ts';

export type { OrgSettings };

/**
 * The design's defaults: Mon–Fri 09:00–17:00, cadence 14/30 days, review 90, alliance 14,
 * balance 28/10/80 %. Equal to `OrgSettingsSchema.parse({})` (shared/schemas/settings.ts; a test checks it).
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
});

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object') {
    for (const v of Object.values(value)) deepFreeze(v);
    Object.freeze(value);
  }
  return value;
}
