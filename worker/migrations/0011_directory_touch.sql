-- The account directory's "last touch" orders (/accounts?sort=touch-…): with this index a page
-- of the org's live accounts, oldest or newest touch first, reads one page of index entries
-- instead of sorting all of them. The expression must match worker/page/directory.ts exactly.
CREATE INDEX accounts_org_touch_idx ON accounts (org_id, coalesce(last_interaction_at, ''), id)
  WHERE deleted_at IS NULL;
