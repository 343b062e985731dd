import { describe, expect, it } from 'vitest';
import {
  commitmentOutcome,
  isKeptLate,
  tallyOurCommitments,
} from '../../../../shared/plans/commitment-outcome.ts';
import { commitment } from '../support/plan-builders.ts';

describe('commitment outcome', () => {
  const due = { dueOn: '2026-03-06' };

  it('is late when kept after its due date, on time when kept on or before it', () => {
    expect(isKeptLate({ ...due, state: 'kept', closedOn: '2026-03-07' })).toBe(true);
    expect(isKeptLate({ ...due, state: 'kept', closedOn: '2026-03-06' })).toBe(false);
    expect(isKeptLate({ ...due, state: 'kept', closedOn: '2026-03-01' })).toBe(false);
    expect(isKeptLate({ ...due, state: 'broken', closedOn: '2026-03-09' })).toBe(false);
    expect(commitmentOutcome({ ...due, state: 'kept', closedOn: '2026-03-07' }, '2026-03-10')).toBe(
      'kept-late',
    );
    expect(commitmentOutcome({ ...due, state: 'kept', closedOn: '2026-03-06' }, '2026-03-10')).toBe(
      'kept-on-time',
    );
  });

  it('is overdue from the day after its due date while open', () => {
    expect(commitmentOutcome({ ...due, state: 'open', closedOn: null }, '2026-03-06')).toBe('open');
    expect(commitmentOutcome({ ...due, state: 'open', closedOn: null }, '2026-03-07')).toBe('overdue');
  });

  it('keeps broken and cancelled as they were closed', () => {
    expect(commitmentOutcome({ ...due, state: 'broken', closedOn: '2026-03-02' }, '2026-03-10')).toBe(
      'broken',
    );
    expect(commitmentOutcome({ ...due, state: 'cancelled', closedOn: '2026-03-02' }, '2026-03-10')).toBe(
      'cancelled',
    );
  });
});

describe('tally of our commitments', () => {
  const today = '2026-03-10';

  it('counts ours closed in the last 180 days and every one open past due', () => {
    const list = [
      commitment({ state: 'kept', closedOn: '2026-03-05', dueOn: '2026-03-06' }), // on time
      commitment({ state: 'kept', closedOn: '2026-03-09', dueOn: '2026-03-06' }), // late
      commitment({ state: 'kept', closedOn: '2026-03-01', dueOn: '2026-04-01' }), // early: on time
      commitment({ state: 'broken', closedOn: '2026-02-01', dueOn: '2026-02-01' }),
      commitment({ state: 'open', dueOn: '2025-01-01' }), // overdue for over a year: still counts
      commitment({ state: 'open', dueOn: '2026-03-10' }), // due today: no verdict yet
      commitment({ state: 'cancelled', closedOn: '2026-03-01' }),
      commitment({ state: 'kept', closedOn: '2025-09-11', dueOn: '2025-09-01' }), // 180 days ago: out
      commitment({ state: 'kept', closedOn: '2025-09-12', dueOn: '2025-09-01' }), // 179 days ago: in, late
      commitment({
        side: 'theirs',
        ownerId: null,
        contactId: 'c-1',
        state: 'broken',
        closedOn: '2026-03-01',
      }),
      commitment({ state: 'broken', closedOn: '2026-03-01', deletedAt: '2026-03-02T00:00:00Z' }),
    ];
    expect(tallyOurCommitments(list, today)).toEqual({
      counted: 6,
      onTime: 2,
      late: 2,
      broken: 1,
      overdue: 1,
    });
  });
});
