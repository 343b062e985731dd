// The ~100k-interaction org of the summary benchmarks (50 people × 90 days), as SQL that
// runs with the org id bound to ?1. Shared by the workerd bench and the page-render bench.

export const PEOPLE = 50;
export const DAYS = 90;
export const PER_DAY = 22; // 50 × 90 × 22 = 99,000 interactions
export const ACCOUNTS = 2000;
export const NOW = new Date('2026-12-01T00:00:00.000Z');

/** Statements that fill users, accounts, interactions, roll-ups and reminders for org ?1. */
export function seedStatements(): string[] {
  return [
    `WITH RECURSIVE seq(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM seq WHERE n < ${PEOPLE})
       INSERT INTO users (id, org_id, name, email, role, time_zone, created_at, updated_at)
       SELECT printf('u%04d', n), ?1, 'Person ' || n, 'p' || n || '@bench.test', 'member', 'UTC', '2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z' FROM seq`,
    `WITH RECURSIVE seq(n) AS (SELECT 0 UNION ALL SELECT n + 1 FROM seq WHERE n < ${ACCOUNTS - 1})
       INSERT INTO accounts (id, org_id, name, domains, stakeholder, tier, ends_on, version, created_at, updated_at)
       SELECT printf('a%06d', n), ?1, 'Account ' || n, '[]', 'customer', CASE WHEN n % 4 = 0 THEN 'strategic' ELSE 'tactical' END,
         CASE WHEN n % 4 = 1 THEN date('2026-12-01', '+' || (n % 120) || ' days') END, 1, '2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z' FROM seq`,
    `WITH RECURSIVE seq(n) AS (SELECT 0 UNION ALL SELECT n + 1 FROM seq WHERE n < ${PEOPLE * DAYS * PER_DAY - 1})
       INSERT INTO interactions (id, org_id, user_id, account_id, contact_ids, kind, tag, title, notes, occurred_at,
         source_site, awaiting_reply, visibility, version, created_at, updated_at)
       SELECT printf('i%08d', n), ?1, printf('u%04d', 1 + n % ${PEOPLE}), printf('a%06d', (n * 7) % ${ACCOUNTS}), '[]', 'email',
         CASE WHEN n % 3 = 0 THEN 'strategic' ELSE 'tactical' END, 'T', '',
         strftime('%Y-%m-%dT%H:%M:%fZ', '2026-12-01', '-' || (1 + (n / ${PEOPLE}) % ${DAYS}) || ' days', '+' || (8 + n % 9) || ' hours'),
         'gmail', 0, CASE WHEN n % 10 = 0 THEN 'private' ELSE 'team' END, 1, '2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z' FROM seq`,
    `INSERT INTO daily_rollups (org_id, user_id, day, tactical, strategic, last_activity_at)
       SELECT org_id, user_id, substr(occurred_at, 1, 10), sum(tag = 'tactical'), sum(tag = 'strategic'), max(occurred_at)
       FROM interactions WHERE org_id = ?1 AND deleted_at IS NULL GROUP BY user_id, substr(occurred_at, 1, 10)`,
    `UPDATE accounts SET
         last_strategic_at = (SELECT occurred_at FROM interactions i WHERE i.org_id = ?1 AND i.account_id = accounts.id
           AND i.tag = 'strategic' AND i.deleted_at IS NULL ORDER BY occurred_at DESC LIMIT 1),
         last_interaction_at = (SELECT occurred_at FROM interactions i WHERE i.org_id = ?1 AND i.account_id = accounts.id
           AND i.deleted_at IS NULL ORDER BY occurred_at DESC LIMIT 1)
       WHERE org_id = ?1`,
    `WITH RECURSIVE seq(n) AS (SELECT 0 UNION ALL SELECT n + 1 FROM seq WHERE n < 999)
       INSERT INTO reminders (id, org_id, user_id, account_id, rule, title, due_at, state, version, created_at, updated_at)
       SELECT printf('r%06d', n), ?1, printf('u%04d', 1 + n % ${PEOPLE}), printf('a%06d', n % ${ACCOUNTS}), 'follow-up', 'Follow up',
         strftime('%Y-%m-%dT%H:%M:%fZ', '2026-12-01', printf('%+d days', n % 60 - 20)),
         CASE WHEN n % 5 = 0 THEN 'done' ELSE 'open' END, 1, '2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z' FROM seq`,
  ];
}
