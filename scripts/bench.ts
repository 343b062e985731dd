// `npm run bench`: measures the budgets of design §11 and prints one markdown table,
// also written to bench-results/latest.md (git-ignored). Rows come from providers in
// scripts/lib/bench-*.ts; see scripts/lib/bench-table.ts for how to add one.

import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { type BenchProvider, type BenchRow, render } from './lib/bench-table.ts';

const root = dirname(dirname(fileURLToPath(import.meta.url)));
const log = (m: string) => console.error(`[bench] ${m}`);
const only = process.argv.slice(2); // e.g. `npm run bench -- worker` runs scripts/lib/bench-worker.ts only

const libDir = join(root, 'scripts', 'lib');
const files = readdirSync(libDir)
  .filter((f) => /^bench-[\w-]+\.ts$/.test(f))
  .filter((f) => only.length === 0 || only.includes(f.replace(/^bench-|\.ts$/g, '')))
  .sort();
const rows: BenchRow[] = [];
for (const f of files) {
  const mod = (await import(pathToFileURL(join(libDir, f)).href)) as { benchRows?: BenchProvider };
  if (!mod.benchRows) continue;
  const started = Date.now();
  try {
    rows.push(...(await mod.benchRows({ root, log })));
  } catch (err) {
    log(`${f} failed: ${err instanceof Error ? err.message : String(err)}`);
    rows.push({ what: `${f} (failed)`, budget: '', measured: 'error', ratio: '', verdict: 'n/a' });
  }
  log(`${f}: ${((Date.now() - started) / 1000).toFixed(1)} s`);
}
const table = render(rows);
const stamp = new Date().toISOString();
mkdirSync(join(root, 'bench-results'), { recursive: true });
writeFileSync(
  join(root, 'bench-results', 'latest.md'),
  `# Benchmarks\n\n${stamp}, medians on this machine (design §11).\n\n${table}\n`,
);
console.log(table);
