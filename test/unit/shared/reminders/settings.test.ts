import { describe, expect, it } from 'vitest';
import { DEFAULT_ORG_SETTINGS } from '../../../../shared/reminders/settings.ts';
import {
  mergeSettingsPatch,
  OrgSettingsPatchSchema,
  OrgSettingsSchema,
} from '../../../../shared/schemas/settings.ts';

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
      internalDomains: [],
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

  it('takes internal domains in lower case, never a free-mail provider or a duplicate', () => {
    expect(OrgSettingsSchema.parse({ internalDomains: ['Northwind.Example'] }).internalDomains).toEqual([
      'northwind.example',
    ]);
    expect(OrgSettingsSchema.safeParse({ internalDomains: ['gmail.com'] }).success).toBe(false);
    expect(OrgSettingsSchema.safeParse({ internalDomains: ['a.test', 'a.test'] }).success).toBe(false);
    expect(OrgSettingsSchema.safeParse({ internalDomains: ['not a domain'] }).success).toBe(false);
  });
});

describe('settings patch', () => {
  it('accepts any subset, nested objects partial, and fills in no default', () => {
    expect(OrgSettingsPatchSchema.parse({})).toEqual({});
    expect(OrgSettingsPatchSchema.parse({ cadenceDays: { strategic: 10 } })).toEqual({
      cadenceDays: { strategic: 10 },
    });
    expect(OrgSettingsPatchSchema.parse({ workingHours: { start: '08:00' } })).toEqual({
      workingHours: { start: '08:00' },
    });
  });

  it('rejects unknown keys at every level, and bad values', () => {
    for (const bad of [
      { nagging: true },
      { cadenceDays: { strategic: 10, weekly: 1 } },
      { balance: { windowDays: 28, extra: 1 } },
      { cadenceDays: { strategic: 0 } },
      { cadenceDays: null },
      { holidays: ['25/12/2026'] },
      { internalDomains: ['gmail.com'] },
      { escalationDays: '7' },
    ]) {
      const parsed = OrgSettingsPatchSchema.safeParse(bad);
      expect(parsed.success, JSON.stringify(bad)).toBe(false);
    }
  });

  it('merges nested objects one level deep and replaces arrays, keeping keys it does not name', () => {
    const stored = { cadenceDays: { tactical: 45 }, holidays: ['2026-12-25'], futureSetting: { x: 1 } };
    const merged = mergeSettingsPatch(stored, { cadenceDays: { strategic: 10 }, holidays: [] });
    expect(merged).toEqual({
      cadenceDays: { tactical: 45, strategic: 10 },
      holidays: [],
      futureSetting: { x: 1 },
    });
    expect(stored.cadenceDays).toEqual({ tactical: 45 });
    // Cross-field rules apply to the merged result.
    const hours = mergeSettingsPatch(
      { workingHours: { days: [1], start: '09:00', end: '17:00' } },
      {
        workingHours: { start: '18:00' },
      },
    );
    expect(OrgSettingsSchema.safeParse(hours).success).toBe(false);
    // A nested object never stored merges over its default.
    expect(mergeSettingsPatch({}, { workingHours: { start: '08:00' } })).toEqual({
      workingHours: { days: [1, 2, 3, 4, 5], start: '08:00', end: '17:00' },
    });
  });
});
