// Benchmarks run inside workerd (vitest project `bench`, only via `npm run bench`) and report
// their numbers on stdout as `BENCH_RESULT {json}` lines, which scripts/lib/bench-worker.ts
// collects and turns into rows of the budget table.

export interface BenchMetric {
  key: string;
  samples: number[];
  extra?: Record<string, number>;
}

export const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};

export function report(metric: BenchMetric) {
  console.log(`BENCH_RESULT ${JSON.stringify(metric)}`);
}

/**
 * Times `fn` `runs` times after `warmup` untimed runs. Workerd's clock advances
 * only across I/O, so this measures work that awaits D1, which is what we time.
 */
export async function time(runs: number, fn: (i: number) => Promise<unknown>, warmup = 2) {
  for (let i = 0; i < warmup; i++) await fn(-1 - i);
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    await fn(i);
    samples.push(performance.now() - t0);
  }
  return samples;
}
