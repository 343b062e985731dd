// Runs the workerd benchmarks (vitest project `bench`) and collects the `BENCH_RESULT {json}`
// lines they print. Shared by the worker and reminder row providers.

import { spawn } from 'node:child_process';

export interface Metric {
  key: string;
  samples: number[];
  extra?: Record<string, number>;
}

/** Runs `npx vitest run --project bench [files]` with RAPPORT_BENCH set, and returns its metrics. */
export function runWorkerBench(
  root: string,
  log: (m: string) => void,
  opts: { files?: string[]; env?: Record<string, string>; label: string },
): Promise<Metric[]> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      'npx',
      ['vitest', 'run', '--project', 'bench', '--reporter=dot', ...(opts.files ?? [])],
      {
        cwd: root,
        env: { ...process.env, RAPPORT_BENCH: '1', CI: '1', ...opts.env },
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
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
      if (code !== 0) log(`${opts.label} exited with ${code}:\n${clean.slice(-3000)}`);
      resolve(metrics);
    });
  });
}
