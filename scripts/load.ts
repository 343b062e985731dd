// `npm run load`: the load-and-fault run of scripts/lib/load/run.ts, 50 devices for 60 s by
// default, against a fresh local D1 in a temporary folder. Prints the figures as a table and
// exits non-zero if anything was lost, applied twice, left diverged, or a 5xx came outside the
// Worker's restart. `npm run load -- --clients 8 --seconds 10 --seed 3` for a short one.

import { parseArgs } from 'node:util';
import { renderFigures } from './lib/load/report.ts';
import { invariantsHeld, runLoad } from './lib/load/run.ts';

const { values } = parseArgs({
  options: {
    clients: { type: 'string', default: '50' },
    seconds: { type: 'string', default: '60' },
    seed: { type: 'string', default: '1' },
    people: { type: 'string' },
    'no-restart': { type: 'boolean', default: false },
    json: { type: 'boolean', default: false },
  },
});

const t0 = Date.now();
const log = (m: string) => console.error(`[load +${((Date.now() - t0) / 1000).toFixed(1)} s] ${m}`);
const report = await runLoad({
  clients: Number(values.clients),
  seconds: Number(values.seconds),
  seed: Number(values.seed),
  people: values.people ? Number(values.people) : undefined,
  restart: !values['no-restart'],
  log,
});
if (values.json) console.log(JSON.stringify(report, null, 2));
else console.log(renderFigures(report));
for (const e of report.findings.examples) log(e);
if (!invariantsHeld(report)) {
  log('FAILED: see the figures above');
  process.exit(1);
}
