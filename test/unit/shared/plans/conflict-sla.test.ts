import { describe, expect, it } from 'vitest';
import {
  conflictCalendar,
  escalateConflict,
  isConflictEscalated,
  isPastSla,
  nextSlaCheck,
  slaDeadline,
  slaPeriodsElapsed,
} from '../../../../shared/plans/conflict-sla.ts';
import { makeRuleContext } from '../../../../shared/reminders/rule-context.ts';
import { DEFAULT_ORG_SETTINGS } from '../../../../shared/reminders/settings.ts';
import { OrgSettingsSchema } from '../../../../shared/schemas/settings.ts';
import type { BusinessCalendar } from '../../../../shared/time/business-calendar.ts';
import { account, alice, bob, USERS } from '../support/builders.ts';
import { conflict } from '../support/plan-builders.ts';

const ny: BusinessCalendar = { timeZone: 'America/New_York', holidays: [] };
const iso = (ms: number) => new Date(ms).toISOString();
const deadline = (
  c: Parameters<typeof slaDeadline>[0],
  period = 1,
  cal = ny,
  settings = DEFAULT_ORG_SETTINGS,
) => iso(slaDeadline(c, period, cal, settings));

describe('conflict SLA in business days of the owner’s working hours', () => {
  it('skips weekends: high (5 days) from a Thursday ends the next Thursday at the start of hours', () => {
    expect(deadline({ openedOn: '2026-02-05', severity: 'high' })).toBe('2026-02-12T14:00:00.000Z');
    expect(deadline({ openedOn: '2026-02-05', severity: 'critical' })).toBe('2026-02-09T14:00:00.000Z');
    expect(deadline({ openedOn: '2026-02-05', severity: 'medium' })).toBe('2026-02-19T14:00:00.000Z');
    expect(deadline({ openedOn: '2026-02-05', severity: 'low' })).toBe('2026-03-05T14:00:00.000Z');
  });

  it('starts a conflict opened at the weekend on Monday', () => {
    expect(deadline({ openedOn: '2026-02-07', severity: 'critical' })).toBe('2026-02-11T14:00:00.000Z');
  });

  it('skips org holidays', () => {
    const withHoliday = { ...ny, holidays: ['2026-02-16'] };
    expect(deadline({ openedOn: '2026-02-12', severity: 'critical' })).toBe('2026-02-16T14:00:00.000Z');
    expect(deadline({ openedOn: '2026-02-12', severity: 'critical' }, 1, withHoliday)).toBe(
      '2026-02-17T14:00:00.000Z',
    );
  });

  it('keeps the local start of hours across DST, in the owner’s zone', () => {
    // New York springs forward on 2026-03-08: 09:00 is 14:00Z before, 13:00Z after.
    expect(deadline({ openedOn: '2026-03-05', severity: 'critical' })).toBe('2026-03-09T13:00:00.000Z');
    // Berlin on 2026-03-29: 09:00 is 08:00Z before, 07:00Z after.
    const berlin: BusinessCalendar = { timeZone: 'Europe/Berlin' };
    expect(deadline({ openedOn: '2026-03-26', severity: 'critical' }, 1, berlin)).toBe(
      '2026-03-30T07:00:00.000Z',
    );
  });

  it('uses the owner’s own working days and hours', () => {
    const fourDays: BusinessCalendar = {
      timeZone: 'America/New_York',
      workingHours: { days: [1, 2, 3, 4], start: '10:00', end: '18:00' },
    };
    // Thursday + 2 working days, Friday off: Monday, Tuesday.
    expect(deadline({ openedOn: '2026-02-05', severity: 'critical' }, 1, fourDays)).toBe(
      '2026-02-10T15:00:00.000Z',
    );
  });

  it('reads the SLA days from the org settings', () => {
    const settings = OrgSettingsSchema.parse({ conflictSlaDays: { high: 1 } });
    expect(deadline({ openedOn: '2026-02-05', severity: 'high' }, 1, ny, settings)).toBe(
      '2026-02-06T14:00:00.000Z',
    );
  });

  it('is past its SLA from the deadline on, while open', () => {
    const c = conflict({ openedOn: '2026-02-05', severity: 'critical' });
    expect(isPastSla(c, ny, DEFAULT_ORG_SETTINGS, '2026-02-09T13:59:59Z')).toBe(false);
    expect(isPastSla(c, ny, DEFAULT_ORG_SETTINGS, '2026-02-09T14:00:00Z')).toBe(true);
    const resolved = { ...c, state: 'resolved' as const, resolvedOn: '2026-02-06' };
    expect(isPastSla(resolved, ny, DEFAULT_ORG_SETTINGS, '2026-03-01T00:00:00Z')).toBe(false);
  });

  it('runs in the owner’s calendar, else the account owner’s, else the org hours in UTC', () => {
    const ctx = makeRuleContext(DEFAULT_ORG_SETTINGS, USERS, '2026-03-10T00:00:00Z');
    expect(conflictCalendar({ ownerId: bob.id }, account(), ctx).timeZone).toBe('Europe/Berlin');
    expect(conflictCalendar({ ownerId: 'user-left' }, account(), ctx).timeZone).toBe(alice.timeZone);
    expect(conflictCalendar({ ownerId: 'user-left' }, account({ ownerId: null }), ctx)).toMatchObject({
      timeZone: 'UTC',
      workingHours: DEFAULT_ORG_SETTINGS.workingHours,
    });
  });
});

describe('escalation once per SLA period', () => {
  // Critical, opened Monday 2026-02-02: periods end Wed 4th, Fri 6th, Tue 10th at 09:00 New York.
  const opened = conflict({ openedOn: '2026-02-02', severity: 'critical' });
  const up = (c: typeof opened, now: string) => escalateConflict(c, ny, DEFAULT_ORG_SETTINGS, now);

  it('raises the level by one when a period ends, recorded at the deadline', () => {
    expect(up(opened, '2026-02-04T13:59:00Z')).toBeNull();
    const first = up(opened, '2026-02-05T20:00:00Z');
    expect(first).toEqual({
      level: 2,
      slaPeriods: 1,
      levelHistory: [...opened.levelHistory, { level: 2, at: '2026-02-04T14:00:00.000Z', cause: 'sla' }],
    });
  });

  it('never raises twice for the same period, however often it runs', () => {
    const once = { ...opened, ...up(opened, '2026-02-04T14:00:00Z')! };
    expect(up(once, '2026-02-04T14:00:00Z')).toBeNull();
    expect(up(once, '2026-02-06T13:59:00Z')).toBeNull();
    const twice = { ...once, ...up(once, '2026-02-06T14:00:00Z')! };
    expect(twice.level).toBe(3);
    expect(twice.levelHistory.filter((h) => h.cause === 'sla').map((h) => h.at)).toEqual([
      '2026-02-04T14:00:00.000Z',
      '2026-02-06T14:00:00.000Z',
    ]);
  });

  it('catches up one level per period missed, and stops at level 3', () => {
    const late = up(opened, '2026-02-20T00:00:00Z')!;
    expect(late.level).toBe(3);
    expect(late.slaPeriods).toBe(slaPeriodsElapsed(opened, ny, DEFAULT_ORG_SETTINGS, '2026-02-20T00:00:00Z'));
    expect(late.levelHistory.filter((h) => h.cause === 'sla')).toHaveLength(2);
  });

  it('does not replay a period after a level lowered by hand', () => {
    const raised = { ...opened, ...up(opened, '2026-02-05T00:00:00Z')! };
    // Both sides agree to de-escalate on Thursday; the mutator records the change by hand.
    const manual = { level: 1, at: '2026-02-05T16:00:00.000Z', cause: 'manual' as const };
    const lowered = { ...raised, level: 1, levelHistory: [...raised.levelHistory, manual] };
    expect(up(lowered, '2026-02-05T18:00:00Z')).toBeNull();
    expect(up(lowered, '2026-02-06T14:00:00Z')).toMatchObject({ level: 2, slaPeriods: 2 });
  });

  it('counts the periods spent at the top without raising for them once lowered', () => {
    const top = { ...opened, ...up(opened, '2026-02-07T00:00:00Z')! };
    expect(top).toMatchObject({ level: 3, slaPeriods: 2 });
    expect(nextSlaCheck(top, ny, DEFAULT_ORG_SETTINGS)).toBeNull();
    // Lowered by hand on Thursday 12th, after the periods ending 10th and 12th (09:00) went by unseen.
    const manual = { level: 2, at: '2026-02-12T16:00:00.000Z', cause: 'manual' as const };
    const lowered = { ...top, level: 2, levelHistory: [...top.levelHistory, manual] };
    expect(iso(nextSlaCheck(lowered, ny, DEFAULT_ORG_SETTINGS)!)).toBe('2026-02-10T14:00:00.000Z');
    expect(up(lowered, '2026-02-12T16:05:00Z')).toEqual({
      level: 2,
      slaPeriods: 4,
      levelHistory: lowered.levelHistory,
    });
    expect(up({ ...lowered, slaPeriods: 4 }, '2026-02-16T14:00:00Z')?.level).toBe(3);
  });

  it('leaves resolved and deleted conflicts alone', () => {
    expect(up({ ...opened, state: 'resolved', resolvedOn: '2026-02-03' }, '2026-03-01T00:00:00Z')).toBeNull();
    expect(up({ ...opened, deletedAt: '2026-02-03T00:00:00Z' }, '2026-03-01T00:00:00Z')).toBeNull();
  });

  it('tells the cron when to look next, and managers when it is escalated', () => {
    expect(iso(nextSlaCheck(opened, ny, DEFAULT_ORG_SETTINGS)!)).toBe('2026-02-04T14:00:00.000Z');
    expect(iso(nextSlaCheck({ ...opened, level: 2, slaPeriods: 1 }, ny, DEFAULT_ORG_SETTINGS)!)).toBe(
      '2026-02-06T14:00:00.000Z',
    );
    expect(nextSlaCheck({ ...opened, level: 3 }, ny, DEFAULT_ORG_SETTINGS)).toBeNull();
    expect(
      nextSlaCheck({ ...opened, state: 'resolved', resolvedOn: '2026-02-03' }, ny, DEFAULT_ORG_SETTINGS),
    ).toBeNull();
    expect(isConflictEscalated(opened)).toBe(false);
    expect(isConflictEscalated({ ...opened, level: 2 })).toBe(true);
    expect(isConflictEscalated({ ...opened, level: 2, state: 'resolved' })).toBe(false);
  });
});
