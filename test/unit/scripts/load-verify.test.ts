import { describe, expect, it } from 'vitest';
import { REPLICA_STORES } from '../../../extension/lib/db.ts';
import { acknowledgedBy, latency, overlaps, percentiles } from '../../../scripts/lib/load/measure.ts';
import {
  checkAudit,
  checkModel,
  checkReplicas,
  checkRollups,
  type DeviceFacts,
  emptyFindings,
  type ServerView,
} from '../../../scripts/lib/load/verify.ts';

// The load run's checks must be able to fail: each one is fed a loss, a double application or
// a divergence and has to count it (the run itself, in test/load, only ever sees clean data).

const device = (over: Partial<DeviceFacts> = {}): DeviceFacts => ({
  index: 1,
  userId: 'u1',
  clientIds: ['c1'],
  enqueued: 3,
  expected: new Map(),
  replica: emptyView() as DeviceFacts['replica'],
  ...over,
});
const audit = (clientId: string, mutationId: number, action = 'interaction.put') => ({
  action,
  detail: JSON.stringify({ clientId, mutationId }),
});
function emptyView(): ServerView {
  return Object.fromEntries(REPLICA_STORES.map((k) => [k, []])) as unknown as ServerView;
}

describe('checkAudit', () => {
  it('passes exactly one audit row per written mutation', () => {
    const f = emptyFindings();
    checkAudit(f, [device()], [audit('c1', 1), audit('c1', 2), audit('c1', 3)]);
    expect(f).toMatchObject({ lost: 0, duplicated: 0, rejected: 0 });
  });

  it('counts a missing row as lost, a second row as duplicated, a rejection, and strangers', () => {
    const f = emptyFindings();
    checkAudit(
      f,
      [device()],
      [audit('c1', 1), audit('c1', 1), audit('c1', 3, 'mutation.rejected'), audit('c1', 9), audit('c2', 1)],
    );
    expect(f).toMatchObject({ lost: 1, duplicated: 3, rejected: 1 });
    expect(f.examples.join('\n')).toMatch(/mutation 2 has no audit row/);
  });

  it('counts a device that had to take a second sync client id as a loss', () => {
    const f = emptyFindings();
    checkAudit(f, [device({ clientIds: ['c1', 'c2'], enqueued: 0 })], []);
    expect(f.lost).toBe(1);
  });
});

describe('checkModel and checkReplicas', () => {
  const args = { id: 'i1', title: 'Renewal', notes: '' };
  const row = { ...args, version: 4, deletedAt: null };

  it('needs each record to hold its last write, and a deleted one to be a tombstone', () => {
    const view = { ...emptyView(), interactions: [row] } as unknown as ServerView;
    const ok = emptyFindings();
    const expected = new Map([['i1', { kind: 'interaction', args, deleted: false }]]);
    checkModel(ok, [device({ expected } as never)], new Map([['u1', view]]));
    expect(ok.lost).toBe(0);

    const stale = emptyFindings();
    const newer = new Map([
      ['i1', { kind: 'interaction', args: { ...args, title: 'Renewal v2' }, deleted: false }],
    ]);
    checkModel(stale, [device({ expected: newer } as never)], new Map([['u1', view]]));
    expect(stale.lost).toBe(1);

    const deleted = emptyFindings();
    const gone = new Map([['i1', { kind: 'interaction', args, deleted: true }]]);
    checkModel(deleted, [device({ expected: gone } as never)], new Map([['u1', view]]));
    expect(deleted.lost).toBe(1);

    const missing = emptyFindings();
    checkModel(missing, [device({ expected } as never)], new Map([['u1', emptyView()]]));
    expect(missing.lost).toBe(1);
  });

  it('needs each replica to equal the server row for row, key order aside', () => {
    const view = { ...emptyView(), interactions: [row] } as unknown as ServerView;
    const same = emptyFindings();
    const reordered = { deletedAt: null, version: 4, notes: '', title: 'Renewal', id: 'i1' };
    checkReplicas(
      same,
      [device({ replica: { ...emptyView(), interactions: [reordered] } as never })],
      new Map([['u1', view]]),
    );
    expect(same.divergedReplicas).toBe(0);

    const older = emptyFindings();
    checkReplicas(
      older,
      [device({ replica: { ...emptyView(), interactions: [{ ...row, version: 3 }] } as never })],
      new Map([['u1', view]]),
    );
    expect(older.divergedReplicas).toBe(1);

    const extra = emptyFindings();
    checkReplicas(
      extra,
      [device({ replica: { ...emptyView(), interactions: [row, { ...row, id: 'i2' }] } as never })],
      new Map([['u1', view]]),
    );
    expect(extra.divergedReplicas).toBe(1);
  });
});

describe('checkRollups', () => {
  it('compares stored roll-ups and account touches with their recount', () => {
    const r = {
      user_id: 'u1',
      day: '2026-11-20',
      tactical: 2,
      strategic: 1,
      last: '2026-11-20T10:00:00.000Z',
    };
    const ok = emptyFindings();
    checkRollups(ok, [r], [r], []);
    expect(ok.rollupsOff).toBe(0);

    const off = emptyFindings();
    checkRollups(
      off,
      [{ ...r, tactical: 3 }],
      [r, { ...r, day: '2026-11-21' }],
      [
        {
          id: 'a1',
          last_interaction_at: null,
          last_strategic_at: null,
          recount_any: r.last,
          recount_strategic: null,
        },
      ],
    );
    expect(off.rollupsOff).toBe(3);
  });
});

describe('measure', () => {
  it('takes nearest-rank percentiles', () => {
    const l = percentiles(Array.from({ length: 100 }, (_, i) => 100 - i));
    expect(l).toEqual({ count: 100, p50: 50, p95: 95, p99: 99 });
  });

  it('leaves out of push latency what overlapped the restart, failed, or was a copy', () => {
    const restart = { stoppedAt: 1000, healthyAt: 2000 };
    const e = (
      sentAt: number,
      doneAt: number,
      status = 200,
      copy: 'original' | 'duplicate' = 'original',
    ) => ({
      path: '/api/sync/push',
      method: 'POST',
      status,
      sentAt,
      doneAt,
      copy,
    });
    const ex = [
      e(0, 10),
      e(900, 1100),
      e(1500, 1600),
      e(2100, 2130),
      e(2200, 2300, 409),
      e(2400, 2900, 200, 'duplicate'),
    ];
    expect(overlaps(ex[1]!, restart)).toBe(true);
    expect(latency(ex, '/api/sync/push', 5000, restart)).toMatchObject({ count: 2, p50: 10, p99: 30 });
  });

  it("sums each device's last acknowledged count by a moment", () => {
    const samples = [
      [
        { at: 10, count: 5 },
        { at: 20, count: 9 },
      ],
      [{ at: 30, count: 4 }],
    ];
    expect(acknowledgedBy(samples, 25)).toBe(9);
    expect(acknowledgedBy(samples, 30)).toBe(13);
  });
});
