import { env } from 'cloudflare:workers';
import { drizzle } from 'drizzle-orm/d1';
import { describe, expect, it } from 'vitest';
import { encodeCursor } from '../../../worker/http/cursor.ts';
import { type DirectoryQuery, directoryPage } from '../../../worker/page/directory.ts';
import { createOrg } from '../helpers.ts';
import { counting } from './counting.ts';
import { report, time } from './report.ts';
import { DIRECTORY_ACCOUNTS, directorySeedStatements } from './seed-directory.ts';

// Rows the directory reads for one page of 5,000 accounts (issue 11), per order and filter.

const NOW = new Date('2026-12-01T00:00:00.000Z');
const cadence = { strategic: 14, tactical: 30 };
const base: DirectoryQuery = {
  q: '',
  tier: '',
  stakeholder: '',
  owner: '',
  band: '',
  sort: 'name',
  after: null,
  before: null,
  start: 1,
};

describe('directory benchmark', () => {
  it(`directory pages over ${DIRECTORY_ACCOUNTS} accounts`, async () => {
    const { org } = await createOrg();
    for (const sql of directorySeedStatements(0)) await env.DB.prepare(sql).bind(org.id).run();
    const { db, take } = counting(env.DB);
    const d = drizzle(db);
    const cases: Record<string, Partial<DirectoryQuery>> = {
      'by-name': {},
      'by-name-page-40': { after: encodeCursor(['Initech 3002', 'a003002']) },
      'by-touch': { sort: 'touch-oldest' },
      'by-health': { sort: 'health' },
      filtered: { q: 'acme', tier: 'strategic', band: 'at-risk' },
    };
    for (const [key, q] of Object.entries(cases)) {
      const run = () => directoryPage(d, org.id, { ...base, ...q }, cadence, NOW);
      const first = await run();
      expect(first.rows.length).toBeGreaterThan(0);
      take();
      await run();
      const rowsRead = take();
      const samples = await time(10, run);
      report({ key: `directory-${key}`, samples, extra: { rowsRead } });
    }
  });
});
