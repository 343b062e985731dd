// Extra accounts that bring the bench org of seed-100k.ts to 5,000 (issue 11: the directory
// must handle 5,000 accounts). Names, tiers, stakeholders, owners and last touches vary, so
// every filter and order of the directory has work to do. Runs with the org id bound to ?1.

export const DIRECTORY_ACCOUNTS = 5000;

/** Statements that add accounts a002000 … a004999 to org ?1 (after seedStatements()). */
export function directorySeedStatements(existing = 2000): string[] {
  return [
    `WITH RECURSIVE seq(n) AS (SELECT ${existing} UNION ALL SELECT n + 1 FROM seq WHERE n < ${DIRECTORY_ACCOUNTS - 1})
       INSERT INTO accounts (id, org_id, name, domains, stakeholder, tier, owner_id, cadence_days, last_interaction_at,
         version, created_at, updated_at)
       SELECT printf('a%06d', n), ?1,
         CASE n % 5 WHEN 0 THEN 'Acme ' WHEN 1 THEN 'Globex ' WHEN 2 THEN 'Initech ' WHEN 3 THEN 'Umbrella ' ELSE 'Hooli ' END || n,
         '["d' || n || '.example"]',
         CASE n % 5 WHEN 0 THEN 'customer' WHEN 1 THEN 'supplier' WHEN 2 THEN 'partner' WHEN 3 THEN 'employee' ELSE 'other' END,
         CASE WHEN n % 4 = 0 THEN 'strategic' ELSE 'tactical' END,
         printf('u%04d', 1 + n % 50),
         CASE WHEN n % 9 = 0 THEN 10 END,
         CASE WHEN n % 11 = 0 THEN NULL ELSE strftime('%Y-%m-%dT%H:%M:%fZ', '2026-12-01', '-' || (n % 97) || ' days') END,
         1, '2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z' FROM seq`,
  ];
}
