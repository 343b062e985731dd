import { describe, expect, it } from 'vitest';
import {
  expectedProgress,
  latestMeasurement,
  objectiveDirection,
  objectiveProgress,
  statusFor,
} from '../../../../shared/plans/objective-progress.ts';
import { measurement, objective } from '../support/plan-builders.ts';

// Ten days from creation to the end of dueOn; NOW is exactly half way.
const base = { baseline: 0, target: 100, createdAt: '2026-01-01T00:00:00Z', dueOn: '2026-01-10' };
const HALF_WAY = '2026-01-06T00:00:00Z';

function at(value: number | null, overrides = {}, now = HALF_WAY) {
  const o = objective({ ...base, ...overrides });
  const ms = value === null ? [] : [measurement(o.id, { value, measuredOn: '2026-01-05' })];
  return objectiveProgress(o, ms, now);
}

describe('objective progress and status', () => {
  it('expects the share of time elapsed from creation to the end of the due day', () => {
    expect(expectedProgress(base, HALF_WAY)).toBe(0.5);
    expect(expectedProgress(base, '2025-12-01T00:00:00Z')).toBe(0);
    expect(expectedProgress(base, '2026-01-11T00:00:00Z')).toBe(1);
    expect(expectedProgress(base, '2027-01-01T00:00:00Z')).toBe(1);
    // Due before it was even set: all the time has gone.
    expect(expectedProgress({ ...base, dueOn: '2025-12-01' }, HALF_WAY)).toBe(1);
  });

  it('is on track down to 0.1 below expected, inclusive', () => {
    expect(at(50)).toMatchObject({ progress: 0.5, expected: 0.5, status: 'on-track' });
    expect(at(40)).toMatchObject({ progress: 0.4, status: 'on-track' });
    expect(at(39.9).status).toBe('at-risk');
  });

  it('is at risk down to 0.3 below expected, inclusive, then off track', () => {
    expect(at(20).status).toBe('at-risk');
    expect(at(19.9).status).toBe('off-track');
    expect(at(0).status).toBe('off-track');
  });

  it('holds the boundaries despite binary fractions (0.8 − 0.1 is 0.7000000000000001)', () => {
    expect(statusFor(0.7, 0.8)).toBe('on-track');
    expect(statusFor(0.6, 0.9)).toBe('at-risk');
    expect(statusFor(0.5999, 0.9)).toBe('off-track');
  });

  it('becomes achieved when the latest measurement reaches the target, and clamps past it', () => {
    expect(at(100)).toMatchObject({ progress: 1, status: 'achieved' });
    expect(at(130)).toMatchObject({ progress: 1, status: 'achieved' });
    expect(at(-20)).toMatchObject({ progress: 0, status: 'off-track' });
  });

  it('reads a target below the baseline as a goal to reduce', () => {
    const reduce = { baseline: 10, target: 2 };
    expect(objectiveDirection(reduce)).toBe('decrease');
    expect(objectiveDirection({ baseline: 2, target: 10 })).toBe('increase');
    expect(at(6, reduce)).toMatchObject({ progress: 0.5, status: 'on-track', direction: 'decrease' });
    expect(at(2, reduce).status).toBe('achieved');
    expect(at(1, reduce)).toMatchObject({ progress: 1, status: 'achieved' });
    expect(at(12, reduce)).toMatchObject({ progress: 0, status: 'off-track' });
  });

  it('starts at zero progress with no measurement, on track while nothing is expected yet', () => {
    expect(at(null, {}, '2026-01-01T00:00:00Z')).toMatchObject({
      progress: 0,
      expected: 0,
      status: 'on-track',
    });
    expect(at(null)).toMatchObject({ progress: 0, status: 'off-track', latest: null });
  });

  it('past its due date expects everything', () => {
    expect(at(90, {}, '2026-02-01T00:00:00Z')).toMatchObject({ expected: 1, status: 'on-track' });
    expect(at(89, {}, '2026-02-01T00:00:00Z').status).toBe('at-risk');
  });

  it('follows the state for dropped and achieved objectives', () => {
    expect(at(0, { state: 'dropped' }).status).toBe('dropped');
    expect(at(100, { state: 'dropped' }).status).toBe('dropped');
    expect(at(null, { state: 'achieved' }).status).toBe('achieved');
  });

  it('takes the latest live measurement of this objective, whatever the input order', () => {
    const o = objective(base);
    const older = measurement(o.id, { value: 90, measuredOn: '2026-01-02' });
    const newer = measurement(o.id, { value: 45, measuredOn: '2026-01-05' });
    const deleted = measurement(o.id, {
      value: 99,
      measuredOn: '2026-01-06',
      deletedAt: '2026-01-06T10:00:00Z',
    });
    const other = measurement('obj-other', { value: 100, measuredOn: '2026-01-07' });
    for (const list of [
      [older, newer, deleted, other],
      [other, deleted, newer, older],
    ]) {
      expect(latestMeasurement(list, o.id)).toBe(newer);
      expect(objectiveProgress(o, list, HALF_WAY).progress).toBe(0.45);
    }
    // Same day: the later id wins, so two readings never flip-flop.
    const sameDay = measurement(o.id, { value: 10, measuredOn: '2026-01-05' });
    expect(latestMeasurement([sameDay, newer], o.id)).toBe(sameDay);
    expect(latestMeasurement([newer, sameDay], o.id)).toBe(sameDay);
  });
});
