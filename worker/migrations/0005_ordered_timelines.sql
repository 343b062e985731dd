-- The team's latest interactions and the interaction list order by (occurred_at, id). With id in
-- the index, "the latest N" reads N rows from the index instead of sorting every match of the org
-- in a temp B-tree first. This supersedes the (org_id, occurred_at) index.
CREATE INDEX interactions_org_occurred_id_idx ON interactions (org_id, occurred_at, id);
DROP INDEX interactions_org_occurred_idx;
