import { expect, test } from 'vitest';
import { FAULT_KINDS } from '../../scripts/lib/load/fault-proxy.ts';
import { renderFigures } from '../../scripts/lib/load/report.ts';
import { runLoad } from '../../scripts/lib/load/run.ts';

// The shortened `npm run load`: the same code with a few devices for 15 s, through the fault
// proxy, the Worker restarted halfway. It asserts correctness only; the figures are printed
// for the log, and speed is measured by `npm run load` and `npm run bench`.

test('under load, faults and a restart, nothing acknowledged is lost or applied twice and every replica equals the server', async () => {
  const started = Date.now();
  const log = (m: string) => console.log(`[load +${((Date.now() - started) / 1000).toFixed(0)} s] ${m}`);
  const report = await runLoad({ clients: 5, seconds: 15, seed: 10, log });
  console.log(renderFigures(report));

  // The run really was under load, faults and a restart.
  expect(report.acknowledged).toBeGreaterThan(0);
  for (const kind of FAULT_KINDS) expect(report.faults[kind], kind).toBeGreaterThan(0);
  expect(report.restartMs).not.toBeNull();
  expect(report.push.count).toBeGreaterThan(0);

  expect(report.findings.examples).toEqual([]);
  expect(report.findings).toMatchObject({
    lost: 0,
    duplicated: 0,
    rejected: 0,
    divergedReplicas: 0,
    rollupsOff: 0,
  });
  expect(report.serverErrorsOutsideRestart).toBe(0);
});
