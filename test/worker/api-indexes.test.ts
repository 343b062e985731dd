import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';

// The REST routes' own queries (accounts and contacts search, reminders, tokens, lookup, import)
// as the routes build them: none may scan a whole table.
const O = "'org'";
const QUERIES: Record<string, string> = {
  'accounts: name prefix page': `SELECT * FROM accounts WHERE org_id = ${O} AND deleted_at IS NULL
      AND (name COLLATE NOCASE >= 'ac' AND name COLLATE NOCASE < 'ac\u{10FFFF}')
      AND (name COLLATE NOCASE > 'acme' OR (name COLLATE NOCASE = 'acme' AND id > 'x'))
      ORDER BY name COLLATE NOCASE, id LIMIT 51`,
  'contacts: by account': `SELECT * FROM contacts WHERE org_id = ${O} AND deleted_at IS NULL AND account_id = 'a'
      ORDER BY name COLLATE NOCASE, id LIMIT 51`,
  'reminders: own active': `SELECT * FROM reminders WHERE org_id = ${O} AND user_id = 'u' AND deleted_at IS NULL
      AND state IN ('open', 'snoozed') ORDER BY COALESCE(snoozed_until, due_at), id LIMIT 51`,
  'tokens: own': `SELECT * FROM tokens WHERE org_id = ${O} AND user_id = 'u' AND kind IN ('api', 'session', 'invite')
      ORDER BY created_at DESC, id DESC LIMIT 51`,
  'tokens: by hash (auth, redeem)': `SELECT * FROM tokens WHERE hash = 'h' AND kind = 'invite'`,
  'lookup: parent domains': `SELECT account_id FROM account_domains WHERE org_id = ${O} AND domain IN ('a.acme.test', 'acme.test')`,
  'import: existing emails': `SELECT email FROM contact_emails WHERE org_id = ${O} AND email IN ('a@b.test', 'c@d.test')`,
  'import: accounts by name': `SELECT id, name FROM accounts WHERE org_id = ${O} AND deleted_at IS NULL
      AND name COLLATE NOCASE IN ('acme', 'initech') ORDER BY id`,
  'invites: existing user': `SELECT id FROM users WHERE org_id = ${O} AND email = 'a@b.test' COLLATE NOCASE LIMIT 1`,
  'users: by name page': `SELECT * FROM users WHERE org_id = ${O} AND deleted_at IS NULL
      AND (name COLLATE NOCASE > 'ann' OR (name COLLATE NOCASE = 'ann' AND id > 'x'))
      ORDER BY name COLLATE NOCASE, id LIMIT 201`,
  'users: another active admin (guard)': `SELECT 1 FROM users WHERE org_id = ${O} AND role = 'admin'
      AND deleted_at IS NULL AND id != 'u'`,
  'invites: pending page': `SELECT t.*, issuer.name, (SELECT u.deleted_at IS NULL FROM users u
        WHERE u.org_id = t.org_id AND u.email = t.email COLLATE NOCASE) AS holder
      FROM tokens t LEFT JOIN users issuer ON issuer.id = t.user_id AND issuer.org_id = t.org_id
      WHERE t.org_id = ${O} AND t.kind = 'invite' AND t.revoked_at IS NULL AND t.expires_at > '2026-01-01'
        AND (t.created_at < '2026-01-02' OR (t.created_at = '2026-01-02' AND t.id < 'x'))
      ORDER BY t.created_at DESC, t.id DESC LIMIT 51`,
  'invites: pending for one email': `UPDATE tokens SET revoked_at = 'now' WHERE org_id = ${O} AND kind = 'invite'
      AND revoked_at IS NULL AND expires_at > 'now' AND email = 'a@b.test'`,
  'deactivate: their tokens': `UPDATE tokens SET revoked_at = 'now' WHERE org_id = ${O} AND user_id = 'u'
      AND revoked_at IS NULL`,
  'deactivate: their accounts': `UPDATE accounts SET owner_id = 'h' WHERE id IN
      (SELECT id FROM accounts WHERE org_id = ${O} AND owner_id = 'u' LIMIT 100)`,
  'deactivate: their open reminders': `UPDATE reminders SET state = 'done' WHERE id IN
      (SELECT id FROM reminders WHERE org_id = ${O} AND user_id = 'u' AND state IN ('open', 'snoozed')
        AND deleted_at IS NULL LIMIT 100)`,
};

describe('EXPLAIN QUERY PLAN of the REST routes’ queries', () => {
  for (const [what, sql] of Object.entries(QUERIES)) {
    it(`${what} uses an index`, async () => {
      const plan = await env.DB.prepare(`EXPLAIN QUERY PLAN ${sql}`).all<{ detail: string }>();
      const lines = plan.results.map((r) => r.detail);
      expect(lines.join('\n')).toMatch(/USING (COVERING |PRIMARY KEY|INDEX)|USING INTEGER PRIMARY KEY/);
      for (const line of lines)
        expect(line, lines.join('\n')).not.toMatch(
          /^SCAN (accounts|contacts|reminders|tokens|users|account_domains|contact_emails)\b(?!.*USING)/,
        );
    });
  }
});
