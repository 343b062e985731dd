// Reminder cron rows (design §11): test/worker/bench/reminders.bench.ts seeds an org of 1M
// interactions and 50k accounts in workerd's D1 and prints `BENCH_RESULT {json}` lines. It is
// slow to seed, so it runs here on its own (RAPPORT_BENCH_ONLY=reminders), not with the other
// worker benches of bench-worker.ts.

import { type BenchProvider, median, ms, row } from './bench-table.ts';
import { runWorkerBench } from './vitest-bench.ts';

const seconds = (n: number) => `${(n / 1000).toFixed(1)} s`;

export const benchRows: BenchProvider = async ({ root, log }) => {
  log('reminder cron bench (workerd + D1, seeds 1M interactions)…');
  const metrics = new Map(
    (
      await runWorkerBench(root, log, {
        files: ['test/worker/bench/reminders.bench.ts'],
        env: { RAPPORT_BENCH_ONLY: 'reminders' },
        label: 'reminder bench',
      })
    ).map((m) => [m.key, m]),
  );
  const cron = metrics.get('reminder-cron-1k');
  const chunk = metrics.get('reminder-full-chunk');
  const write = metrics.get('reminder-write-100');
  const x = chunk?.extra;
  return [
    row(
      'reminder cron, 1M interactions / 50k accounts, 1k accounts changed (with ¼ of the balance nudges)',
      'max',
      1000,
      cron ? median(cron.samples) : null,
      ms,
      cron ? `(of ${cron.samples.length}; ${cron.extra?.writes} reminder writes)` : '',
    ),
    row(
      'reminder full recompute, per chunk of 200 accounts (the cron stops starting chunks after 10 s)',
      'max',
      1000,
      chunk ? median(chunk.samples) : null,
      ms,
      x
        ? `(median of ${chunk!.samples.length}, max ${ms(Math.max(...chunk!.samples))}; whole pass ${seconds(x.fullMs!)}, ` +
            `${x.upserts?.toLocaleString('en')} reminders written; seeding took ${seconds(x.seedMs!)})`
        : '',
    ),
    row(
      'recompute on write after a push of 100 interactions on 100 accounts (added to the push request)',
      'max',
      100,
      write ? median(write.samples) : null,
      ms,
      write ? `(of ${write.samples.length}; on top of the push-of-100 row, which calls push() alone)` : '',
    ),
  ];
};
