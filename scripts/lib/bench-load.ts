// The load-and-fault figures (issue 10): the run of `npm run load` (scripts/lib/load/run.ts),
// 50 devices for 60 s through the fault proxy with the Worker restarted halfway, as rows of
// the bench table. Throughput and latency have no budget in design §11 (they depend on
// `wrangler dev` on this machine, not on the Workers runtime); lost and duplicated rows do: 0.

import type { BenchProvider, BenchRow } from './bench-table.ts';
import { FAULT_KINDS } from './load/fault-proxy.ts';
import { invariantsHeld, runLoad } from './load/run.ts';

const CLIENTS = 50;
const SECONDS = 60;

const figure = (what: string, measured: string): BenchRow => ({
  what,
  budget: '',
  measured,
  ratio: '',
  verdict: 'n/a',
});
const zero = (what: string, value: number): BenchRow => ({
  what,
  budget: '= 0',
  measured: String(value),
  ratio: '',
  verdict: value === 0 ? 'pass' : 'FAIL',
});

export const benchRows: BenchProvider = async ({ log }) => {
  const r = await runLoad({ clients: CLIENTS, seconds: SECONDS, seed: 1, log });
  const f = r.findings;
  for (const e of f.examples) log(e);
  const head = `load, ${CLIENTS} devices × ${SECONDS} s through faults and a restart`;
  const ms = (n: number) => `${Math.round(n)} ms`;
  return [
    figure(
      `${head}: mutations per second held`,
      `${r.mutationsPerSecond.toFixed(0)}/s while the Worker was up, ${r.mutationsPerSecondOverall.toFixed(0)}/s with the restart (${r.acknowledged} acknowledged; load average ${r.loadAverage.toFixed(1)})`,
    ),
    figure(
      `${head}: push latency p50 / p95 / p99`,
      `${ms(r.push.p50)} / ${ms(r.push.p95)} / ${ms(r.push.p99)} (n=${r.push.count})`,
    ),
    figure(`${head}: faults injected`, FAULT_KINDS.map((k) => `${k} ${r.faults[k]}`).join(', ')),
    zero(`${head}: rows lost`, f.lost),
    zero(`${head}: rows duplicated`, f.duplicated),
    zero(
      `${head}: replicas off the server, roll-ups off their recount, mutations rejected`,
      f.divergedReplicas + f.rollupsOff + f.rejected,
    ),
    zero(
      `${head}: 5xx outside the restart (${r.serverErrorsDuringRestart} during its ${((r.restartMs ?? 0) / 1000).toFixed(0)} s)`,
      r.serverErrorsOutsideRestart,
    ),
    ...(invariantsHeld(r) ? [] : [figure(`${head}: FAILED`, f.examples.slice(0, 3).join('; '))]),
  ];
};
