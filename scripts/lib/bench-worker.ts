// Worker-side rows: the vitest project `bench` (test/worker/bench/*.bench.ts) runs inside
// workerd with real D1 and prints `BENCH_RESULT {json}` lines, collected here.

import { type BenchProvider, type BenchRow, median, ms, pct, row } from './bench-table.ts';
import { planRows } from './plan-bench-rows.ts';
import { runWorkerBench } from './vitest-bench.ts';

export const benchRows: BenchProvider = async ({ root, log }) => {
  log('worker benches (workerd + D1)…');
  const metrics = new Map(
    (await runWorkerBench(root, log, { label: 'worker benches' })).map((m) => [m.key, m]),
  );
  const med = (key: string) => {
    const m = metrics.get(key);
    return m ? median(m.samples) : null;
  };
  const push = med('push-100');
  const raw = med('raw-insert-100');
  const pull = metrics.get('pull-10k');
  const summary = metrics.get('summary-100k');
  const n = (key: string) => metrics.get(key)?.samples.length ?? 0;
  const rows: BenchRow[] = [
    row('push of 100 mutations, server side', 'max', 100, push, ms, `(of ${n('push-100')})`),
    row(
      'push throughput vs raw D1 inserts of the same 100 rows',
      'min',
      0.5,
      push && raw ? raw / push : null,
      pct,
      raw ? `(raw ${ms(raw)})` : '',
    ),
    row(
      'pull of 10k interactions, server side (all pages)',
      'max',
      2000,
      pull ? median(pull.samples) : null,
      ms,
      pull ? `(${pull.extra?.pages} pages, of ${pull.samples.length})` : '',
    ),
    row(
      'summary, 50 people × 90 days (~100k interactions)',
      'max',
      300,
      summary ? median(summary.samples) : null,
      ms,
      summary ? `(of ${summary.samples.length}; ${summary.extra?.interactions} interactions)` : '',
    ),
    row('summary rows read (D1 meta.rows_read)', 'max', 10_000, summary?.extra?.rowsRead ?? null, (x) =>
      Math.round(x).toLocaleString('en'),
    ),
    row(
      'team page data rows read (summary + latest interactions + people)',
      'max',
      10_000,
      metrics.get('page-data-100k')?.extra?.rowsRead ?? null,
      (x) => Math.round(x).toLocaleString('en'),
    ),
  ];
  // Issue 11: each directory page reads an indexed, bounded number of rows. Name and last-touch
  // orders read one page plus the count (capped at 1,000); the health order is computed, so it
  // reads the org's live accounts (5,000) until plans store a health score.
  const count = (x: number) => Math.round(x).toLocaleString('en');
  for (const [key, what, limit] of [
    ['by-name', 'by name', 1_100],
    ['by-name-page-40', 'page 40 by name', 1_100],
    ['by-touch', 'by last touch', 1_100],
    ['by-health', 'by health (computed order)', 10_000],
    ['filtered', 'searched and filtered', 10_000],
  ] as const) {
    const m = metrics.get(`directory-${key}`);
    rows.push(
      row(
        `directory rows read, 5,000 accounts, ${what} (D1 meta.rows_read)`,
        'max',
        limit,
        m?.extra?.rowsRead ?? null,
        count,
        m ? `(${ms(median(m.samples))} D1 time)` : '',
      ),
    );
  }
  rows.push(...planRows(metrics));
  return rows;
};
