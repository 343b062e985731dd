import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { db } from '../../worker/db/client.ts';
import { encodeCursor } from '../../worker/http/cursor.ts';
import { type DirectoryQuery, directoryQueries } from '../../worker/page/directory.ts';
import {
  accountContactsQuery,
  findAccountQuery,
  findContactQuery,
  teamPeople,
} from '../../worker/page/queries.ts';

// The workspace pages' reads, planned by SQLite itself (design §4, issue 11): the queries are
// the real ones, built by the page modules, and EXPLAIN QUERY PLAN must show an index for each.
// The directory's name and last-touch orders must also come straight from an index (no sort
// of the whole org), so a page reads one page of rows however many accounts the org has.

const ORG = '01900000-0000-7000-8000-0000000000aa';
const ID = '01900000-0000-7000-8000-0000000000bb';
const NOW = new Date('2026-11-30T12:00:00.000Z');
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

async function plan(query: { toSQL: () => { sql: string; params: unknown[] } }): Promise<string[]> {
  const { sql, params } = query.toSQL();
  const res = await env.DB.prepare(`EXPLAIN QUERY PLAN ${sql}`)
    .bind(...params)
    .all<{ detail: string }>();
  return res.results.map((r) => r.detail);
}

// `SCAN capped` walks the count's own bounded subquery, not a table.
const fullScans = (lines: string[]) =>
  lines.filter((l) => /^SCAN (?!CONSTANT ROW|capped$)\w+(?: AS \w+)?$/.test(l));
const usesIndex = (lines: string[]) =>
  lines.some((l) => /USING (COVERING |INTEGER PRIMARY KEY |PRIMARY KEY )?INDEX|PRIMARY KEY/.test(l));

describe('EXPLAIN QUERY PLAN of the workspace pages', () => {
  const d = () => db(env);
  const directory: Record<string, { q: Partial<DirectoryQuery>; ordered: boolean }> = {
    'by name': { q: {}, ordered: true },
    'by name, next page': { q: { after: encodeCursor(['Acme', ID]) }, ordered: true },
    'by name, previous page': { q: { before: encodeCursor(['Acme', ID]) }, ordered: true },
    'by last touch, oldest first': { q: { sort: 'touch-oldest' }, ordered: true },
    'by last touch, newest first, next page': {
      q: { sort: 'touch-newest', after: encodeCursor(['2026-11-01T00:00:00.000Z', ID]) },
      ordered: true,
    },
    'by health': { q: { sort: 'health' }, ordered: false },
    'filtered by tier, stakeholder and owner': {
      q: { tier: 'strategic', stakeholder: 'partner', owner: ID },
      ordered: true,
    },
    'unowned accounts': { q: { owner: 'none' }, ordered: true },
    'in a health band': { q: { band: 'at-risk' }, ordered: true },
    searched: { q: { q: 'acme' }, ordered: true },
  };
  for (const [what, { q, ordered }] of Object.entries(directory)) {
    it(`directory ${what} uses an index${ordered ? ' and needs no sort' : ''}`, async () => {
      const { list, count } = directoryQueries(d(), ORG, { ...base, ...q }, cadence, NOW);
      for (const lines of [await plan(list), await plan(count)]) {
        expect(fullScans(lines), lines.join('\n')).toEqual([]);
        expect(usesIndex(lines), lines.join('\n')).toBe(true);
      }
      const lines = await plan(list);
      // "FOR LAST TERM OF ORDER BY" only orders accounts of equal name by id: still one page of rows.
      if (ordered) expect(lines.join('\n')).not.toMatch(/TEMP B-TREE FOR ORDER BY/);
      // A later page starts its index walk at the cursor, not at the org's first row.
      if (ordered && (q.after || q.before)) expect(lines.join('\n')).toMatch(/AND (name|<expr>)[<>]\?/);
    });
  }

  const reads: Record<string, () => { toSQL: () => { sql: string; params: unknown[] } }> = {
    'the account': () => findAccountQuery(d(), ORG, ID),
    'the account’s contacts': () => accountContactsQuery(d(), ORG, ID),
    'one contact': () => findContactQuery(d(), ORG, ID, ID),
    'the people': () => teamPeople(d(), ORG),
  };
  for (const [what, build] of Object.entries(reads)) {
    it(`${what} uses an index`, async () => {
      const lines = await plan(build());
      expect(fullScans(lines), lines.join('\n')).toEqual([]);
      expect(usesIndex(lines), lines.join('\n')).toBe(true);
    });
  }
});
