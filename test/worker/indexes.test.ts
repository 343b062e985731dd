import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';

// Design §4: every hot query the API, sync and summary run is served by an index. A plan
// line `SCAN <table>` (without an index) means a whole-table scan and fails the test.

const O = "'org'";
const HOT: Record<string, string> = {
  'pull accounts': `SELECT * FROM accounts WHERE org_id = ${O} AND version > 5 ORDER BY version LIMIT 501`,
  'pull contacts': `SELECT * FROM contacts WHERE org_id = ${O} AND version > 5 ORDER BY version LIMIT 501`,
  'pull interactions': `SELECT * FROM interactions WHERE org_id = ${O} AND user_id = 'u' AND version > 5 ORDER BY version LIMIT 501`,
  'pull reminders': `SELECT * FROM reminders WHERE org_id = ${O} AND user_id = 'u' AND version > 5 ORDER BY version LIMIT 501`,
  'pull team weights': `SELECT * FROM team_weights WHERE org_id = ${O} AND version > 5 LIMIT 1`,
  'push prefetch: team weights': `SELECT org_id, corrections, terms, version FROM team_weights WHERE org_id IN (${O})`,
  'pull lastMutationId': `SELECT last_mutation_id FROM sync_clients WHERE client_id = 'c' AND org_id = ${O}`,
  'push prefetch': `SELECT id, org_id, tag FROM interactions WHERE id IN ('a', 'b', 'c')`,
  'summary roll-ups': `SELECT user_id, day, tactical, strategic FROM daily_rollups WHERE org_id = ${O} AND day >= '2026-09-01' AND day <= '2026-11-30'`,
  'summary roll-ups, one person': `SELECT day, tactical, strategic FROM daily_rollups WHERE org_id = ${O} AND user_id = 'u' AND day >= '2026-09-01' AND day <= '2026-11-30'`,
  'summary last activity': `SELECT u.id, (SELECT r.last_activity_at FROM daily_rollups r WHERE r.org_id = ${O} AND r.user_id = u.id
      AND r.day <= '2026-11-30' AND r.tactical + r.strategic > 0 ORDER BY r.day DESC LIMIT 1) FROM users u WHERE u.org_id = ${O}`,
  'summary overdue reminders': `SELECT user_id, count(*) FROM reminders WHERE org_id = ${O} AND state = 'open'
      AND due_at < '2026-11-30' AND deleted_at IS NULL GROUP BY user_id`,
  'summary cold and due reviews': `SELECT id, name FROM accounts WHERE org_id = ${O} AND tier = 'strategic' AND deleted_at IS NULL
      AND coalesce("accounts"."last_strategic_at", "accounts"."created_at") < '2026-10-01'
      ORDER BY coalesce("accounts"."last_strategic_at", "accounts"."created_at") LIMIT 1000`,
  'summary alliances ending': `SELECT id, name, ends_on FROM accounts WHERE org_id = ${O} AND tier = 'tactical'
      AND deleted_at IS NULL AND ends_on >= '2026-11-30' AND ends_on <= '2026-12-30' ORDER BY ends_on LIMIT 1000`,
  'lookup by contact email': `SELECT c.* FROM contact_emails e JOIN contacts c ON c.id = e.contact_id
      WHERE e.org_id = ${O} AND e.email = 'cy@acme.test' AND c.deleted_at IS NULL`,
  'lookup by domain': `SELECT a.* FROM account_domains d JOIN accounts a ON a.id = d.account_id
      WHERE d.org_id = ${O} AND d.domain = 'acme.test' AND a.deleted_at IS NULL`,
  'reminders due': `SELECT * FROM reminders WHERE org_id = ${O} AND state = 'open' AND due_at <= '2026-11-30'`,
  'roll-up: day recompute': `SELECT max(occurred_at) FROM interactions WHERE org_id = ${O} AND user_id = 'u'
      AND occurred_at >= '2026-11-01' AND occurred_at < '2026-11-02' AND deleted_at IS NULL`,
  'account: latest strategic touch': `SELECT occurred_at FROM interactions WHERE org_id = ${O} AND account_id = 'a'
      AND tag = 'strategic' AND deleted_at IS NULL ORDER BY occurred_at DESC LIMIT 1`,
  'account: latest touch': `SELECT occurred_at FROM interactions WHERE org_id = ${O} AND account_id = 'a'
      AND deleted_at IS NULL ORDER BY occurred_at DESC LIMIT 1`,
  'interactions by account': `SELECT * FROM interactions WHERE org_id = ${O} AND account_id = 'a' ORDER BY occurred_at DESC LIMIT 50`,
};

describe('EXPLAIN QUERY PLAN of the hot queries', () => {
  for (const [what, sql] of Object.entries(HOT)) {
    it(`${what} uses an index`, async () => {
      const plan = await env.DB.prepare(`EXPLAIN QUERY PLAN ${sql}`).all<{ detail: string }>();
      const lines = plan.results.map((r) => r.detail);
      expect(lines.length).toBeGreaterThan(0);
      const scans = lines.filter((l) => /^SCAN (?!CONSTANT ROW)\w+(?: AS \w+)?$/.test(l));
      expect(scans, lines.join('\n')).toEqual([]);
      expect(
        lines.some((l) => /USING (COVERING |INTEGER PRIMARY KEY |PRIMARY KEY )?INDEX|PRIMARY KEY/.test(l)),
        lines.join('\n'),
      ).toBe(true);
    });
  }
});
