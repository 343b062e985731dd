-- Rapport schema v1: design.md §4. Times are ISO 8601 UTC strings; arrays are JSON text.
-- Every synced table has version (the org's counter at its last write), timestamps and a tombstone.

CREATE TABLE orgs (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  settings TEXT NOT NULL DEFAULT '{}',
  version INTEGER NOT NULL DEFAULT 0,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE UNIQUE INDEX orgs_name_uq ON orgs (name COLLATE NOCASE);

CREATE TABLE users (
  id TEXT PRIMARY KEY,
  org_id TEXT NOT NULL REFERENCES orgs (id),
  name TEXT NOT NULL,
  email TEXT NOT NULL,
  role TEXT NOT NULL CHECK (role IN ('member', 'manager', 'admin')),
  time_zone TEXT NOT NULL,
  working_hours TEXT,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  deleted_at TEXT
);
CREATE UNIQUE INDEX users_org_email_uq ON users (org_id, email COLLATE NOCASE);

CREATE TABLE tokens (
  id TEXT PRIMARY KEY,
  org_id TEXT NOT NULL REFERENCES orgs (id),
  user_id TEXT REFERENCES users (id),
  hash TEXT NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('api', 'invite', 'web-link', 'session')),
  label TEXT,
  role TEXT,
  email TEXT,
  created_at TEXT NOT NULL,
  last_used_at TEXT,
  expires_at TEXT,
  revoked_at TEXT
);
CREATE UNIQUE INDEX tokens_hash_uq ON tokens (hash);
CREATE INDEX tokens_org_user_idx ON tokens (org_id, user_id);

CREATE TABLE accounts (
  id TEXT PRIMARY KEY,
  org_id TEXT NOT NULL REFERENCES orgs (id),
  name TEXT NOT NULL,
  domains TEXT NOT NULL DEFAULT '[]',
  stakeholder TEXT NOT NULL CHECK (stakeholder IN ('customer', 'supplier', 'partner', 'employee', 'other')),
  tier TEXT NOT NULL CHECK (tier IN ('strategic', 'tactical')),
  cadence_days INTEGER,
  owner_id TEXT,
  starts_on TEXT,
  ends_on TEXT,
  notes TEXT NOT NULL DEFAULT '',
  version INTEGER NOT NULL,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  deleted_at TEXT
);
CREATE INDEX accounts_org_version_idx ON accounts (org_id, version);
CREATE INDEX accounts_org_name_idx ON accounts (org_id, name COLLATE NOCASE);

-- Lookup index for matching an address's domain to an account.
CREATE TABLE account_domains (
  org_id TEXT NOT NULL,
  domain TEXT NOT NULL,
  account_id TEXT NOT NULL,
  PRIMARY KEY (org_id, domain, account_id)
) WITHOUT ROWID;

CREATE TABLE contacts (
  id TEXT PRIMARY KEY,
  org_id TEXT NOT NULL REFERENCES orgs (id),
  account_id TEXT,
  name TEXT NOT NULL,
  emails TEXT NOT NULL DEFAULT '[]',
  title TEXT,
  time_zone TEXT,
  version INTEGER NOT NULL,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  deleted_at TEXT
);
CREATE INDEX contacts_org_version_idx ON contacts (org_id, version);
CREATE INDEX contacts_org_account_idx ON contacts (org_id, account_id);

-- Lookup index for matching an address to a contact, case-insensitively (stored lower-case).
CREATE TABLE contact_emails (
  org_id TEXT NOT NULL,
  email TEXT NOT NULL,
  contact_id TEXT NOT NULL,
  PRIMARY KEY (org_id, email, contact_id)
) WITHOUT ROWID;

CREATE TABLE interactions (
  id TEXT PRIMARY KEY,
  org_id TEXT NOT NULL REFERENCES orgs (id),
  user_id TEXT NOT NULL,
  account_id TEXT,
  contact_ids TEXT NOT NULL DEFAULT '[]',
  kind TEXT NOT NULL CHECK (kind IN ('email', 'meeting', 'call', 'note', 'other')),
  tag TEXT NOT NULL CHECK (tag IN ('tactical', 'strategic')),
  title TEXT NOT NULL,
  notes TEXT NOT NULL DEFAULT '',
  occurred_at TEXT NOT NULL,
  source_site TEXT NOT NULL,
  source_ref TEXT,
  source_url TEXT,
  follow_up_at TEXT,
  awaiting_reply INTEGER NOT NULL DEFAULT 0,
  visibility TEXT NOT NULL CHECK (visibility IN ('team', 'private')),
  version INTEGER NOT NULL,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  deleted_at TEXT
);
CREATE INDEX interactions_org_user_version_idx ON interactions (org_id, user_id, version);
CREATE INDEX interactions_org_account_occurred_idx ON interactions (org_id, account_id, occurred_at);
CREATE INDEX interactions_org_occurred_idx ON interactions (org_id, occurred_at);

CREATE TABLE reminders (
  id TEXT PRIMARY KEY,
  org_id TEXT NOT NULL REFERENCES orgs (id),
  user_id TEXT NOT NULL,
  account_id TEXT,
  interaction_id TEXT,
  rule TEXT NOT NULL,
  title TEXT NOT NULL,
  due_at TEXT NOT NULL,
  state TEXT NOT NULL CHECK (state IN ('open', 'done', 'snoozed', 'dismissed')),
  snoozed_until TEXT,
  version INTEGER NOT NULL,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  deleted_at TEXT
);
CREATE INDEX reminders_org_user_version_idx ON reminders (org_id, user_id, version);
CREATE INDEX reminders_org_state_due_idx ON reminders (org_id, state, due_at);
CREATE INDEX reminders_org_account_idx ON reminders (org_id, account_id);

CREATE TABLE sync_clients (
  client_id TEXT PRIMARY KEY,
  org_id TEXT NOT NULL,
  user_id TEXT NOT NULL,
  last_mutation_id INTEGER NOT NULL DEFAULT 0,
  updated_at TEXT NOT NULL
);

CREATE TABLE audit_log (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  org_id TEXT NOT NULL,
  actor_id TEXT,
  action TEXT NOT NULL,
  target TEXT,
  detail TEXT,
  at TEXT NOT NULL
);
CREATE INDEX audit_log_org_at_idx ON audit_log (org_id, at);
