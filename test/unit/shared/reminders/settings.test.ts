import { describe, expect, it } from 'vitest';
import { DEFAULT_ORG_SETTINGS } from '../../../../shared/reminders/settings.ts';
import { OrgSettingsSchema } from '../../../../shared/schemas/settings.ts';

describe('org settings', () => {
  it('has the design’s defaults', () => {
    expect(DEFAULT_ORG_SETTINGS).toEqual({
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
      healthWeights: {
        cadence: 20,
        attention: 15,
        objectives: 25,
        commitments: 15,
        conflicts: 15,
        reviews: 10,
      },
    });
    expect(Object.isFrozen(DEFAULT_ORG_SETTINGS.cadenceDays)).toBe(true);
  });

  it('defaults equal what the schema gives for an empty settings object', () => {
    expect(DEFAULT_ORG_SETTINGS).toEqual(OrgSettingsSchema.parse({}));
  });

  it('overrides only what is given, nested objects included', () => {
    const s = OrgSettingsSchema.parse({ cadenceDays: { tactical: 45 }, holidays: ['2026-12-25'] });
    expect(s.cadenceDays).toEqual({ strategic: 14, tactical: 45 });
    expect(s.holidays).toEqual(['2026-12-25']);
    expect(s.balance.minInteractions).toBe(10);
    const plans = OrgSettingsSchema.parse({ conflictSlaDays: { high: 3 }, healthWeights: { reviews: 0 } });
    expect(plans.conflictSlaDays).toEqual({ critical: 2, high: 3, medium: 10, low: 20 });
    expect(plans.healthWeights.reviews).toBe(0);
    expect(plans.healthWeights.objectives).toBe(25);
  });

  it('rejects nonsense', () => {
    expect(OrgSettingsSchema.safeParse({ cadenceDays: { strategic: 0 } }).success).toBe(false);
    expect(OrgSettingsSchema.safeParse({ holidays: ['25/12/2026'] }).success).toBe(false);
    expect(OrgSettingsSchema.safeParse({ balance: { maxTacticalShare: 1.5 } }).success).toBe(false);
    expect(
      OrgSettingsSchema.safeParse({ workingHours: { days: [1], start: '18:00', end: '09:00' } }).success,
    ).toBe(false);
    expect(OrgSettingsSchema.safeParse({ disabledRules: ['nagging'] }).success).toBe(false);
    expect(OrgSettingsSchema.safeParse({ conflictSlaDays: { high: 0 } }).success).toBe(false);
    expect(OrgSettingsSchema.safeParse({ kpiStaleDays: 0 }).success).toBe(false);
    expect(OrgSettingsSchema.safeParse({ healthWeights: { cadence: -1 } }).success).toBe(false);
    const allZero = { cadence: 0, attention: 0, objectives: 0, commitments: 0, conflicts: 0, reviews: 0 };
    expect(OrgSettingsSchema.safeParse({ healthWeights: allZero }).success).toBe(false);
  });
});
