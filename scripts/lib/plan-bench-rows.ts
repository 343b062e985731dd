// Relationship-plan rows of the budget table (design §16), for scripts/lib/bench-worker.ts: the
// plan endpoint, the cron's health upkeep and the health list come from
// test/worker/bench/plans.bench.ts (workerd + D1); the pure health computation of a large plan
// is timed here, in Node, because workerd's clock does not advance during pure computation.

import { computeHealth, objectiveProgress } from '../../shared/plans/index.ts';
import type {
  CommitmentLike,
  ConflictLike,
  MeasurementLike,
  ObjectiveLike,
} from '../../shared/plans/inputs.ts';
import { type BenchRow, median, ms, row } from './bench-table.ts';
import type { Metric } from './vitest-bench.ts';

const NOW = '2026-11-24T10:00:00.000Z';
const day = (n: number) => new Date(Date.parse('2026-11-20') - n * 86_400_000).toISOString().slice(0, 10);

/** The health and objective progress of one account: 20 objectives × 100 measurements, 500 promises, 100 conflicts. */
function computeLargePlan() {
  const accountId = 'a1';
  const objectives: ObjectiveLike[] = Array.from({ length: 20 }, (_, i) => ({
    id: `o${i}`,
    accountId,
    title: `Objective ${i}`,
    unit: '%',
    baseline: 50,
    target: 90,
    dueOn: '2027-06-01',
    ownerId: 'u1',
    weight: 1 + (i % 5),
    state: 'open',
    createdAt: '2026-01-01T00:00:00.000Z',
    deletedAt: null,
  }));
  const measurements: MeasurementLike[] = Array.from({ length: 2000 }, (_, n) => ({
    id: `m${n}`,
    objectiveId: `o${Math.floor(n / 100)}`,
    value: 50 + (n % 100) * 0.3,
    measuredOn: day(n % 100),
    deletedAt: null,
  }));
  const commitments: CommitmentLike[] = Array.from({ length: 500 }, (_, n) => ({
    id: `c${n}`,
    accountId,
    side: 'ours',
    ownerId: 'u1',
    contactId: null,
    what: `Promise ${n}`,
    dueOn: day(n % 170),
    state: n % 5 === 0 ? 'open' : 'kept',
    closedOn: n % 5 === 0 ? null : day((n % 170) - (n % 3)),
    interactionId: null,
    deletedAt: null,
  }));
  const severities = ['low', 'medium', 'high', 'critical'] as const;
  const conflicts: ConflictLike[] = Array.from({ length: 100 }, (_, n) => ({
    id: `k${n}`,
    accountId,
    title: `Conflict ${n}`,
    severity: severities[n % 4]!,
    level: 1,
    ownerId: 'u1',
    openedOn: day(n * 3),
    state: n < 90 ? 'resolved' : 'open',
    resolvedOn: n < 90 ? day(n * 3 - 2) : null,
    interactionId: null,
    slaPeriods: 0,
    levelHistory: [],
    deletedAt: null,
  }));
  return () => {
    for (const o of objectives) objectiveProgress(o, measurements, NOW);
    return computeHealth({
      account: {
        id: accountId,
        name: 'Acme',
        tier: 'strategic',
        cadenceDays: null,
        ownerId: 'u1',
        endsOn: null,
        createdAt: '2026-01-01T00:00:00.000Z',
        deletedAt: null,
      },
      plan: {
        id: 'p1',
        accountId,
        status: 'active',
        startsOn: '2026-01-01',
        reviewEveryDays: 90,
        escalation: [],
        deletedAt: null,
      },
      contact: { lastAt: '2026-11-20T10:00:00.000Z', lastStrategicAt: '2026-11-01T10:00:00.000Z' },
      objectives,
      measurements,
      commitments,
      conflicts,
      reviews: [],
      users: [{ id: 'u1', timeZone: 'Europe/Berlin' }],
      now: NOW,
    });
  };
}

/** Median ms of `runs` calls after a warm-up. */
function timeNode(fn: () => unknown, runs = 200): number {
  for (let i = 0; i < 20; i++) fn();
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    fn();
    samples.push(performance.now() - t0);
  }
  return median(samples);
}

export function planRows(metrics: Map<string, Metric>): BenchRow[] {
  const m = (key: string) => metrics.get(key);
  const med = (key: string) => {
    const x = m(key);
    return x ? median(x.samples) : null;
  };
  const of = (key: string) => (m(key) ? `(of ${m(key)!.samples.length})` : '');
  const seconds = (n: number) => `${(n / 1000).toFixed(2)} s`;
  return [
    row(
      'GET /api/accounts/:id/plan, 20 objectives × 100 measurements, server side',
      'max',
      50,
      med('plan-view-20x100'),
      ms,
      m('account-get')
        ? `(of ${m('plan-view-20x100')?.samples.length ?? 0}; a plain GET /api/accounts/:id took ${ms(med('account-get')!)} in the same run)`
        : of('plan-view-20x100'),
    ),
    row(
      'GET /api/accounts/:id/plan with 200 responsibilities, 500 commitments and 100 conflicts added',
      'max',
      50,
      med('plan-view-ledgers'),
      ms,
      of('plan-view-ledgers'),
    ),
    row(
      'health and objective progress of that plan, computed in shared/ (Node, CPU only)',
      'max',
      50,
      timeNode(computeLargePlan()),
      ms,
      '(of 200)',
    ),
    row(
      "cron's health upkeep, 5,000 planned accounts, 100 changed since the last run",
      'max',
      2000,
      med('health-cron-100'),
      ms,
      of('health-cron-100'),
    ),
    row(
      "cron's daily health pass and snapshot, 5,000 planned accounts",
      'max',
      2000,
      med('health-daily-5k'),
      seconds,
      of('health-daily-5k'),
    ),
    row('GET /api/health, first page of 5,000', 'max', 50, med('health-list'), ms, of('health-list')),
    row(
      'GET /api/health?band=watch, first page',
      'max',
      50,
      med('health-list-band'),
      ms,
      of('health-list-band'),
    ),
  ];
}
