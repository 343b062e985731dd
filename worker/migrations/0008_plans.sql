-- Relationship plans, part 1 (design §14, §15): the plan itself with its alliance profile and
-- escalation ladder, objectives and their measurements, reviews, milestones; the current health of
-- each planned or strategic account and one snapshot of it per day.
--
-- Every record is org-scoped, synced (version, tombstone) and written by one mutator
-- (worker/sync/mutators). Each table has: (org_id, version, account_id) for pull and for the cron's
-- "changed since the watermark"; a per-account index, live rows only, for the REST lists, the plan
-- view and the recompute; (org_id, id), live rows only, for the org-wide REST list.
-- test/worker/plans-indexes.test.ts EXPLAINs every query that reads them.

CREATE TABLE plans (
  id TEXT PRIMARY KEY,
  org_id TEXT NOT NULL REFERENCES orgs (id),
  account_id TEXT NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('draft', 'active', 'closed')),
  starts_on TEXT NOT NULL,
  ends_on TEXT,
  vision TEXT NOT NULL DEFAULT '',
  review_every_days INTEGER,
  alliance TEXT, -- JSON, the alliance profile, or NULL
  escalation TEXT NOT NULL DEFAULT '[]', -- JSON, the ladder
  created_by TEXT NOT NULL,
  version INTEGER NOT NULL,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  deleted_at TEXT
);
-- One live plan per account; a tombstoned one may be followed by a new one.
CREATE UNIQUE INDEX plans_org_account_live_uq ON plans (org_id, account_id) WHERE deleted_at IS NULL;
CREATE INDEX plans_org_version_idx ON plans (org_id, version, account_id);

CREATE TABLE objectives (
  id TEXT PRIMARY KEY,
  org_id TEXT NOT NULL REFERENCES orgs (id),
  account_id TEXT NOT NULL,
  title TEXT NOT NULL,
  unit TEXT NOT NULL DEFAULT '',
  baseline REAL NOT NULL,
  target REAL NOT NULL,
  due_on TEXT NOT NULL,
  owner_id TEXT NOT NULL,
  counterpart_id TEXT,
  weight INTEGER NOT NULL CHECK (weight BETWEEN 1 AND 5),
  state TEXT NOT NULL CHECK (state IN ('open', 'achieved', 'dropped')),
  created_by TEXT NOT NULL,
  version INTEGER NOT NULL,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  deleted_at TEXT
);
CREATE INDEX objectives_org_version_idx ON objectives (org_id, version, account_id);
CREATE INDEX objectives_org_account_idx ON objectives (org_id, account_id, id) WHERE deleted_at IS NULL;
CREATE INDEX objectives_org_id_idx ON objectives (org_id, id) WHERE deleted_at IS NULL;

-- A measurement carries its objective's account (set by the server), so every per-account read
-- and the cron's change detection stay on one index.
CREATE TABLE measurements (
  id TEXT PRIMARY KEY,
  org_id TEXT NOT NULL REFERENCES orgs (id),
  account_id TEXT NOT NULL,
  objective_id TEXT NOT NULL,
  value REAL NOT NULL,
  measured_on TEXT NOT NULL,
  note TEXT NOT NULL DEFAULT '',
  interaction_id TEXT,
  created_by TEXT NOT NULL,
  version INTEGER NOT NULL,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  deleted_at TEXT
);
CREATE INDEX measurements_org_version_idx ON measurements (org_id, version, account_id);
CREATE INDEX measurements_org_account_idx ON measurements (org_id, account_id, id) WHERE deleted_at IS NULL;
-- An objective's latest reading, and its readings in order.
CREATE INDEX measurements_org_objective_idx ON measurements (org_id, objective_id, measured_on, id)
WHERE deleted_at IS NULL;
CREATE INDEX measurements_org_id_idx ON measurements (org_id, id) WHERE deleted_at IS NULL;

CREATE TABLE reviews (
  id TEXT PRIMARY KEY,
  org_id TEXT NOT NULL REFERENCES orgs (id),
  account_id TEXT NOT NULL,
  held_on TEXT NOT NULL,
  our_rating INTEGER NOT NULL CHECK (our_rating BETWEEN 1 AND 5),
  their_rating INTEGER CHECK (their_rating BETWEEN 1 AND 5),
  worked TEXT NOT NULL DEFAULT '',
  change TEXT NOT NULL DEFAULT '',
  decisions TEXT NOT NULL DEFAULT '',
  interaction_id TEXT,
  created_by TEXT NOT NULL,
  version INTEGER NOT NULL,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  deleted_at TEXT
);
CREATE INDEX reviews_org_version_idx ON reviews (org_id, version, account_id);
-- An account's reviews newest first; its latest one is the first row.
CREATE INDEX reviews_org_account_idx ON reviews (org_id, account_id, held_on, id) WHERE deleted_at IS NULL;
CREATE INDEX reviews_org_id_idx ON reviews (org_id, id) WHERE deleted_at IS NULL;

CREATE TABLE milestones (
  id TEXT PRIMARY KEY,
  org_id TEXT NOT NULL REFERENCES orgs (id),
  account_id TEXT NOT NULL,
  title TEXT NOT NULL,
  due_on TEXT,
  achieved_on TEXT,
  celebrated_on TEXT,
  lesson TEXT NOT NULL DEFAULT '',
  interaction_id TEXT,
  created_by TEXT NOT NULL,
  version INTEGER NOT NULL,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  deleted_at TEXT
);
CREATE INDEX milestones_org_version_idx ON milestones (org_id, version, account_id);
CREATE INDEX milestones_org_account_idx ON milestones (org_id, account_id, id) WHERE deleted_at IS NULL;
-- The milestones a reminder can hang on: not yet celebrated.
CREATE INDEX milestones_org_account_pending_idx ON milestones (org_id, account_id)
WHERE deleted_at IS NULL AND celebrated_on IS NULL;
CREATE INDEX milestones_org_id_idx ON milestones (org_id, id) WHERE deleted_at IS NULL;

-- Health (design §15), derived by the Worker and not synced: the latest of each account with a
-- plan or on the strategic tier, and the day's snapshot. `previous_band` and `band_changed_at`
-- record the last change of band, so the summary can list the accounts whose band dropped.
CREATE TABLE account_health (
  org_id TEXT NOT NULL,
  account_id TEXT NOT NULL,
  score INTEGER NOT NULL,
  band TEXT NOT NULL CHECK (band IN ('healthy', 'watch', 'at-risk')),
  worst_part TEXT NOT NULL,
  reason TEXT NOT NULL,
  parts TEXT NOT NULL, -- JSON, the six parts
  previous_band TEXT,
  band_changed_at TEXT,
  computed_at TEXT NOT NULL,
  PRIMARY KEY (org_id, account_id)
) WITHOUT ROWID;
-- The org's accounts worst first, all or one band.
CREATE INDEX account_health_org_score_idx ON account_health (org_id, score, account_id);
CREATE INDEX account_health_org_band_idx ON account_health (org_id, band, score, account_id);
CREATE INDEX account_health_org_changed_idx ON account_health (org_id, band_changed_at)
WHERE band_changed_at IS NOT NULL;

CREATE TABLE health_snapshots (
  org_id TEXT NOT NULL,
  account_id TEXT NOT NULL,
  day TEXT NOT NULL, -- YYYY-MM-DD, UTC
  score INTEGER NOT NULL,
  band TEXT NOT NULL,
  parts TEXT NOT NULL, -- JSON: [{name, score}], what moved it
  PRIMARY KEY (org_id, account_id, day)
) WITHOUT ROWID;

-- The cron's daily health pass: the UTC day it last finished, and where it is in the current one.
ALTER TABLE cron_state ADD COLUMN health_day TEXT;
ALTER TABLE cron_state ADD COLUMN health_cursor TEXT;
