-- What each org's people taught the tag suggestion (shared/classify/team.ts): one row per org,
-- rewritten in the batch of each interaction write that overrides the suggestion, and synced to
-- every replica through pull. `terms` is a JSON array of [term, weight, at], at most 300 entries,
-- learned only from team-visible interactions.
CREATE TABLE team_weights (
  org_id TEXT PRIMARY KEY REFERENCES orgs (id),
  corrections INTEGER NOT NULL DEFAULT 0,
  terms TEXT NOT NULL DEFAULT '[]',
  version INTEGER NOT NULL,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  deleted_at TEXT
) WITHOUT ROWID;
