import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';

// "The latest N" must come straight off an index. A temp B-tree means every matching row is read
// and sorted first: at 100k interactions the team page read 68k rows before this was fixed.
const QUERIES = {
  'team page latest interactions': `SELECT i.id FROM interactions i WHERE i.org_id = ?1 AND i.occurred_at >= ?2
    AND i.occurred_at < ?3 AND i.deleted_at IS NULL ORDER BY i.occurred_at DESC, i.id DESC LIMIT 20`,
  // A display list, so it orders by time alone and reads straight off the account's index.
  'account timeline': `SELECT i.id FROM interactions i WHERE i.org_id = ?1 AND i.account_id = ?2
    AND i.deleted_at IS NULL ORDER BY i.occurred_at DESC LIMIT 100`,
  'GET /api/interactions page': `SELECT i.id FROM interactions i WHERE i.org_id = ?1 AND i.deleted_at IS NULL
    AND (i.occurred_at < ?2 OR (i.occurred_at = ?2 AND i.id < ?3)) ORDER BY i.occurred_at DESC, i.id DESC LIMIT 51`,
};

describe('timeline queries', () => {
  for (const [name, sql] of Object.entries(QUERIES)) {
    it(`${name} reads in index order, without sorting every match`, async () => {
      const params = ['o', 'a', 'b'].slice(0, new Set(sql.match(/\?\d/g)).size);
      const rows = await env.DB.prepare(`EXPLAIN QUERY PLAN ${sql}`)
        .bind(...params)
        .all<{ detail: string }>();
      const plan = rows.results.map((r) => r.detail).join('\n');
      expect(plan).toMatch(/USING (COVERING )?INDEX interactions_org_(occurred_id|account_occurred)_idx/);
      expect(plan).not.toContain('TEMP B-TREE');
    });
  }
});
