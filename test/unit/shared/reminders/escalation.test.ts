import { describe, expect, it } from 'vitest';
import { effectiveDueAt, isDue, isEscalated } from '../../../../shared/reminders/escalation.ts';

const DAY = 86_400_000;
const due = '2026-03-02T14:00:00.000Z';
const at = (days: number, extraMs = 0) => Date.parse(due) + days * DAY + extraMs;

describe('escalation', () => {
  it('escalates an open reminder overdue by more than 7 days, not at exactly 7', () => {
    expect(isEscalated({ state: 'open', dueAt: due }, at(7))).toBe(false);
    expect(isEscalated({ state: 'open', dueAt: due }, at(7, 1))).toBe(true);
    expect(isEscalated({ state: 'open', dueAt: due }, at(3), 2)).toBe(true);
  });

  it('never escalates done or dismissed reminders', () => {
    expect(isEscalated({ state: 'done', dueAt: due }, at(30))).toBe(false);
    expect(isEscalated({ state: 'dismissed', dueAt: due }, at(30))).toBe(false);
  });

  it('counts a snoozed reminder from the end of its snooze', () => {
    const snoozed = { state: 'snoozed' as const, dueAt: due, snoozedUntil: new Date(at(5)).toISOString() };
    expect(effectiveDueAt(snoozed)).toBe(at(5));
    expect(isEscalated(snoozed, at(12))).toBe(false);
    expect(isEscalated(snoozed, at(12, 1))).toBe(true);
  });

  it('isDue: active and at or past its effective due time', () => {
    expect(isDue({ state: 'open', dueAt: due }, at(0))).toBe(true);
    expect(isDue({ state: 'open', dueAt: due }, at(0, -1))).toBe(false);
    expect(
      isDue({ state: 'snoozed', dueAt: due, snoozedUntil: new Date(at(1)).toISOString() }, at(0, 1)),
    ).toBe(false);
    expect(isDue({ state: 'snoozed', dueAt: due, snoozedUntil: new Date(at(1)).toISOString() }, at(1))).toBe(
      true,
    );
    expect(isDue({ state: 'dismissed', dueAt: due }, at(1))).toBe(false);
  });
});
