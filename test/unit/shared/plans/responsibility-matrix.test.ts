import { describe, expect, it } from 'vitest';
import { buildResponsibilityMatrix } from '../../../../shared/plans/responsibility-matrix.ts';
import { cell } from '../support/plan-builders.ts';

describe('responsibility matrix', () => {
  it('flags an area with no A and one with more than one', () => {
    const m = buildResponsibilityMatrix([
      cell({ area: 'Logistics', userId: 'u-1', role: 'A' }),
      cell({ area: 'Logistics', userId: null, contactId: 'c-1', role: 'R' }),
      cell({ area: 'Forecast', userId: 'u-1', role: 'R' }),
      cell({ area: 'Forecast', userId: null, contactId: 'c-2', role: 'C' }),
      cell({ area: 'Pricing', userId: 'u-1', role: 'A' }),
      cell({ area: 'pricing ', userId: null, contactId: 'c-1', role: 'A' }),
    ]);
    expect(m.areas.map((a) => [a.area, a.accountable, a.flag])).toEqual([
      ['Forecast', 0, 'no-accountable'],
      ['Logistics', 1, null],
      ['Pricing', 2, 'several-accountable'],
    ]);
    expect(m.flagged).toEqual([
      { area: 'Forecast', flag: 'no-accountable' },
      { area: 'Pricing', flag: 'several-accountable' },
    ]);
  });

  it('lets one person hold several roles, counts the same A once, and lists both sides', () => {
    const m = buildResponsibilityMatrix([
      cell({ area: 'Logistics', userId: 'u-2', role: 'A' }),
      cell({ area: 'Logistics', userId: 'u-2', role: 'R' }),
      cell({ area: 'Logistics', userId: 'u-2', role: 'A' }),
      cell({ area: 'Logistics', userId: null, contactId: 'c-9', role: 'I' }),
      cell({ area: 'Logistics', userId: 'u-1', role: 'C', deletedAt: '2026-01-01T00:00:00Z' }),
    ]);
    expect(m.areas[0]).toMatchObject({
      accountable: 1,
      flag: null,
      roles: { 'user:u-2': ['R', 'A'], 'contact:c-9': ['I'] },
    });
    expect(m.people).toEqual([
      { side: 'ours', id: 'u-2' },
      { side: 'theirs', id: 'c-9' },
    ]);
  });

  it('does not depend on the input order', () => {
    const cells = [
      cell({ area: 'b', role: 'A', objectiveId: 'o-1' }),
      cell({ area: 'B', userId: 'u-3', role: 'R' }),
      cell({ area: 'a', userId: null, contactId: 'c-1', role: 'A' }),
    ];
    expect(buildResponsibilityMatrix([...cells].reverse())).toEqual(buildResponsibilityMatrix(cells));
    expect(buildResponsibilityMatrix(cells).areas[1]).toMatchObject({ area: 'b', objectiveId: 'o-1' });
  });
});
