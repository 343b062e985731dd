import { FAULT_KINDS } from './fault-proxy.ts';
import type { Latency } from './measure.ts';
import type { LoadReport } from './run.ts';

// The figures of a load run as rows of one table (printed by `npm run load`, and the source of
// the load rows in `npm run bench`).

const ms = (n: number) => (Number.isFinite(n) ? `${Math.round(n)} ms` : 'n/a');
const latency = (l: Latency) => `${ms(l.p50)} / ${ms(l.p95)} / ${ms(l.p99)} (n=${l.count})`;

/** [figure, value] pairs, in reading order. */
export function figures(r: LoadReport): [string, string][] {
  const f = r.findings;
  return [
    [
      'devices × seconds',
      `${r.clients} devices of ${r.people} people × ${r.seconds} s${
        r.loadSeconds > r.seconds + 0.5 ? ` (ran ${r.loadSeconds.toFixed(0)} s: the restart was slow)` : ''
      }`,
    ],
    ['mutations acknowledged', String(r.acknowledged)],
    ['mutations per second held (Worker up, faults on)', r.mutationsPerSecond.toFixed(0)],
    ['mutations per second, restart and backoff included', r.mutationsPerSecondOverall.toFixed(0)],
    ['push latency p50 / p95 / p99', latency(r.push)],
    ['pull latency p50 / p95 / p99', latency(r.pull)],
    ['requests reaching the Worker', String(r.requests)],
    ['faults injected', FAULT_KINDS.map((k) => `${k} ${r.faults[k]}`).join(', ')],
    [
      'Worker restart (stop → healthy)',
      r.restartMs === null ? 'none' : `${(r.restartMs / 1000).toFixed(1)} s`,
    ],
    [
      '5xx during the restart / outside it',
      `${r.serverErrorsDuringRestart} / ${r.serverErrorsOutsideRestart}`,
    ],
    [
      'answers by status',
      Object.entries(r.statuses)
        .map(([k, v]) => `${k}: ${v}`)
        .join(', '),
    ],
    ['drain after the load (faults off)', `${(r.drainMs / 1000).toFixed(1)} s`],
    ['rows lost', String(f.lost)],
    ['rows duplicated', String(f.duplicated)],
    ['mutations rejected', String(f.rejected)],
    ['replicas differing from the server', String(f.divergedReplicas)],
    ['roll-ups and account touches off their recount', String(f.rollupsOff)],
    ['load average (1 min) at the end', r.loadAverage.toFixed(1)],
  ];
}

export function renderFigures(r: LoadReport): string {
  return `| figure | value |\n|---|---|\n${figures(r)
    .map(([k, v]) => `| ${k} | ${v} |`)
    .join('\n')}`;
}
