// Worker-side rows: the vitest project `bench` (test/worker/bench/*.bench.ts) runs inside
// workerd with real D1 and prints `BENCH_RESULT {json}` lines, collected here.

import { spawn } from 'node:child_process';
import { type BenchProvider, type BenchRow, median, ms, pct, row } from './bench-table.ts';

interface Metric {
  key: string;
  samples: number[];
  extra?: Record<string, number>;
}

function runWorkerBenches(root: string, log: (m: string) => void): Promise<Metric[]> {
  return new Promise((resolve, reject) => {
    const child = spawn('npx', ['vitest', 'run', '--project', 'bench', '--reporter=dot'], {
      cwd: root,
      env: { ...process.env, RAPPORT_BENCH: '1', CI: '1' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    child.stdout.on('data', (b) => {
      out += b;
    });
    child.stderr.on('data', (b) => {
      out += b;
    });
    child.on('error', reject);
    child.on('close', (code) => {
      // biome-ignore lint/suspicious/noControlCharactersInRegex: strips ANSI colour codes
      const clean = out.replace(/\u001b\[[0-9;]*m/g, '');
      const metrics = [...clean.matchAll(/BENCH_RESULT (\{.*\})/g)].map((m) => JSON.parse(m[1]!) as Metric);
      if (code !== 0) log(`worker benches exited with ${code}:\n${clean.slice(-3000)}`);
      resolve(metrics);
    });
  });
}

export const benchRows: BenchProvider = async ({ root, log }) => {
  log('worker benches (workerd + D1)…');
  const metrics = new Map((await runWorkerBenches(root, log)).map((m) => [m.key, m]));
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
  return rows;
};
