import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { CRON, READ, WRITE } from '../../worker/reminders/sql.ts';

// Design §4 and §6: the recompute and the cron job run indexed queries only. Each statement
// they run is EXPLAINed as it is written in worker/reminders/sql.ts; a plan line `SCAN <table>`
// (a whole table, or a whole index) fails. Scanning the JSON list of ids is fine.

const QUERIES: Record<string, string> = {
  ...Object.fromEntries(Object.entries(READ).map(([k, v]) => [`read ${k}`, v])),
  ...Object.fromEntries(Object.entries(CRON).map(([k, v]) => [`cron ${k}`, v])),
  ...Object.fromEntries(Object.entries(WRITE).map(([k, v]) => [`write ${k}`, v])),
};

/** Plausible values for ?1 … ?n: ids, instants, JSON lists and page sizes all type-check as text or numbers. */
function params(sql: string): unknown[] {
  const n = Math.max(0, ...[...sql.matchAll(/\?(\d+)/g)].map((m) => Number(m[1])));
  return Array.from({ length: n }, (_, i) => (i === 0 ? 'org' : '["a","b"]'));
}

describe('EXPLAIN QUERY PLAN of the reminder queries', () => {
  for (const [what, sql] of Object.entries(QUERIES)) {
    it(`${what} uses an index`, async () => {
      const plan = await env.DB.prepare(`EXPLAIN QUERY PLAN ${sql}`)
        .bind(...params(sql))
        .all<{ detail: string }>();
      const lines = plan.results.map((r) => r.detail);
      // A plain INSERT … VALUES reads nothing and has no plan.
      if (!/\bVALUES\b/.test(sql)) expect(lines.length).toBeGreaterThan(0);
      const scans = lines.filter(
        (l) => /^SCAN /.test(l) && !/VIRTUAL TABLE/.test(l) && !/^SCAN CONSTANT ROW/.test(l),
      );
      expect(scans, lines.join('\n')).toEqual([]);
      // An index searched by the org alone reads the whole org: only its people may be read so.
      const orgWide = lines.filter((l) =>
        /^SEARCH (?!users )\w+ USING (?!PRIMARY KEY).*\(org_id=\?\)$/.test(l),
      );
      expect(orgWide, lines.join('\n')).toEqual([]);
      const tableTouched = lines.some((l) => /^(SEARCH|SCAN) (?!j\b|json_each)/.test(l));
      if (tableTouched) {
        expect(
          lines.some((l) => /USING (COVERING |INTEGER PRIMARY KEY |PRIMARY KEY )?INDEX|PRIMARY KEY/.test(l)),
          lines.join('\n'),
        ).toBe(true);
      }
    });
  }

  it('plans the hot ones on the indexes meant for them', async () => {
    const plan = async (sql: string) =>
      (
        await env.DB.prepare(`EXPLAIN QUERY PLAN ${sql}`)
          .bind(...params(sql))
          .all<{ detail: string }>()
      ).results
        .map((r) => r.detail)
        .join('\n');
    expect(await plan(CRON.changedInteractions)).toContain('interactions_org_version_idx');
    expect(await plan(CRON.changedAccounts)).toContain('accounts_org_version_idx');
    expect(await plan(CRON.fullPage)).toContain('accounts_org_id_idx');
    expect(await plan(READ.flagged)).toContain('interactions_reminder_inputs_idx');
    expect(await plan(READ.unassigned)).toContain('interactions_reminder_inputs_idx');
    expect(await plan(CRON.woken)).toMatch(/reminders_org_state_(snoozed|due)_idx/);
    expect(await plan(READ.latest)).toContain(
      'interactions_org_account_occurred_idx (org_id=? AND account_id=? AND occurred_at=?)',
    );
    expect(await plan(READ.latestStrategic)).toContain('interactions_account_tag_live_idx');
    expect(await plan(READ.balanceWindow)).toContain('interactions_org_user_occurred_idx');
    for (const sql of [READ.remindersById, WRITE.close, WRITE.touch]) {
      expect(await plan(sql)).toContain('sqlite_autoindex_reminders_1 (id=?)');
    }
  });
});
