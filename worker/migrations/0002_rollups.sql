-- Daily roll-ups for the summary (design §7.1, §11): one row per person and UTC day, maintained in
-- the same batch as every interaction write, so the summary of 50 people × 90 days reads ~4.5k rows
-- instead of ~100k interactions. Plus per-account touch times for cold accounts and due reviews.

-- Instants are compared as strings everywhere, so they must all be UTC `Z` strings; the mutators
-- normalise from now on, and this fixes any row written with another offset before.
UPDATE interactions SET occurred_at = strftime('%Y-%m-%dT%H:%M:%fZ', occurred_at)
WHERE occurred_at NOT LIKE '%Z' AND strftime('%Y-%m-%dT%H:%M:%fZ', occurred_at) IS NOT NULL;
UPDATE interactions SET follow_up_at = strftime('%Y-%m-%dT%H:%M:%fZ', follow_up_at)
WHERE follow_up_at NOT LIKE '%Z' AND strftime('%Y-%m-%dT%H:%M:%fZ', follow_up_at) IS NOT NULL;

CREATE TABLE daily_rollups (
  org_id TEXT NOT NULL,
  user_id TEXT NOT NULL,
  day TEXT NOT NULL, -- YYYY-MM-DD, UTC
  tactical INTEGER NOT NULL DEFAULT 0,
  strategic INTEGER NOT NULL DEFAULT 0,
  last_activity_at TEXT,
  PRIMARY KEY (org_id, user_id, day)
) WITHOUT ROWID;
CREATE INDEX daily_rollups_org_day_idx ON daily_rollups (org_id, day);

INSERT INTO daily_rollups (org_id, user_id, day, tactical, strategic, last_activity_at)
SELECT org_id, user_id, substr(occurred_at, 1, 10),
  sum(tag = 'tactical'), sum(tag = 'strategic'), max(occurred_at)
FROM interactions WHERE deleted_at IS NULL
GROUP BY org_id, user_id, substr(occurred_at, 1, 10);

-- A person's interactions of one day, to recompute the day's last activity after a removal.
CREATE INDEX interactions_org_user_occurred_idx ON interactions (org_id, user_id, occurred_at);
-- An account's latest live strategic touch.
CREATE INDEX interactions_account_tag_live_idx ON interactions (org_id, account_id, tag, occurred_at)
WHERE deleted_at IS NULL;

ALTER TABLE accounts ADD COLUMN last_strategic_at TEXT;
ALTER TABLE accounts ADD COLUMN last_interaction_at TEXT;

UPDATE accounts SET
  last_strategic_at = (SELECT max(i.occurred_at) FROM interactions i
    WHERE i.org_id = accounts.org_id AND i.account_id = accounts.id AND i.tag = 'strategic' AND i.deleted_at IS NULL),
  last_interaction_at = (SELECT max(i.occurred_at) FROM interactions i
    WHERE i.org_id = accounts.org_id AND i.account_id = accounts.id AND i.deleted_at IS NULL);

-- Strategic accounts by their review clock (cold accounts, reviews due) and tactical alliances by end date.
CREATE INDEX accounts_org_tier_review_idx ON accounts (org_id, tier, coalesce(last_strategic_at, created_at))
WHERE deleted_at IS NULL;
CREATE INDEX accounts_org_tier_ends_idx ON accounts (org_id, tier, ends_on) WHERE deleted_at IS NULL;
