-- Relationship plans, part 2 (design §14, §15): the two-sided responsibility matrix, the promises
-- ledger in both directions, and the conflict log with its escalation. Same conventions as 0008.

CREATE TABLE responsibilities (
  id TEXT PRIMARY KEY,
  org_id TEXT NOT NULL REFERENCES orgs (id),
  account_id TEXT NOT NULL,
  area TEXT NOT NULL,
  objective_id TEXT,
  user_id TEXT,
  contact_id TEXT,
  role TEXT NOT NULL CHECK (role IN ('R', 'A', 'C', 'I')),
  created_by TEXT NOT NULL,
  version INTEGER NOT NULL,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  deleted_at TEXT,
  CHECK ((user_id IS NULL) <> (contact_id IS NULL))
);
CREATE INDEX responsibilities_org_version_idx ON responsibilities (org_id, version, account_id);
CREATE INDEX responsibilities_org_account_idx ON responsibilities (org_id, account_id, id) WHERE deleted_at IS NULL;
CREATE INDEX responsibilities_org_id_idx ON responsibilities (org_id, id) WHERE deleted_at IS NULL;

CREATE TABLE commitments (
  id TEXT PRIMARY KEY,
  org_id TEXT NOT NULL REFERENCES orgs (id),
  account_id TEXT NOT NULL,
  side TEXT NOT NULL CHECK (side IN ('ours', 'theirs')),
  owner_id TEXT,
  contact_id TEXT,
  what TEXT NOT NULL,
  due_on TEXT NOT NULL,
  state TEXT NOT NULL CHECK (state IN ('open', 'kept', 'broken', 'cancelled')),
  closed_on TEXT,
  interaction_id TEXT,
  created_by TEXT NOT NULL,
  version INTEGER NOT NULL,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  deleted_at TEXT
);
CREATE INDEX commitments_org_version_idx ON commitments (org_id, version, account_id);
CREATE INDEX commitments_org_account_idx ON commitments (org_id, account_id, id) WHERE deleted_at IS NULL;
CREATE INDEX commitments_org_id_idx ON commitments (org_id, id) WHERE deleted_at IS NULL;
-- What health and the reminders read of an account's ledger: ours closed lately, and any still open.
CREATE INDEX commitments_org_account_closed_idx ON commitments (org_id, account_id, closed_on)
WHERE deleted_at IS NULL;
-- The team's promises kept on time (the summary): ours by the day they were closed.
CREATE INDEX commitments_org_closed_idx ON commitments (org_id, closed_on, owner_id)
WHERE deleted_at IS NULL AND side = 'ours' AND closed_on IS NOT NULL;

-- `sla_periods` and `level_history` are kept by the server (see shared/plans/conflict-sla.ts);
-- `next_sla_at` is when the cron must next look at the conflict (null: nothing can change).
CREATE TABLE conflicts (
  id TEXT PRIMARY KEY,
  org_id TEXT NOT NULL REFERENCES orgs (id),
  account_id TEXT NOT NULL,
  title TEXT NOT NULL,
  severity TEXT NOT NULL CHECK (severity IN ('low', 'medium', 'high', 'critical')),
  level INTEGER NOT NULL CHECK (level BETWEEN 1 AND 3),
  owner_id TEXT NOT NULL,
  opened_on TEXT NOT NULL,
  state TEXT NOT NULL CHECK (state IN ('open', 'resolved')),
  resolution TEXT NOT NULL DEFAULT '',
  resolved_on TEXT,
  lesson TEXT NOT NULL DEFAULT '',
  interaction_id TEXT,
  sla_periods INTEGER NOT NULL DEFAULT 0,
  level_history TEXT NOT NULL DEFAULT '[]',
  next_sla_at TEXT,
  created_by TEXT NOT NULL,
  version INTEGER NOT NULL,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  deleted_at TEXT
);
CREATE INDEX conflicts_org_version_idx ON conflicts (org_id, version, account_id);
CREATE INDEX conflicts_org_account_idx ON conflicts (org_id, account_id, id) WHERE deleted_at IS NULL;
CREATE INDEX conflicts_org_id_idx ON conflicts (org_id, id) WHERE deleted_at IS NULL;
-- Open conflicts: per account (health, reminders), and the org's escalated ones (the summary).
CREATE INDEX conflicts_org_account_open_idx ON conflicts (org_id, account_id)
WHERE deleted_at IS NULL AND state = 'open';
CREATE INDEX conflicts_org_escalated_idx ON conflicts (org_id, level)
WHERE deleted_at IS NULL AND state = 'open' AND level > 1;
-- The conflicts whose next SLA deadline has come.
CREATE INDEX conflicts_org_sla_idx ON conflicts (org_id, next_sla_at)
WHERE deleted_at IS NULL AND state = 'open' AND next_sla_at IS NOT NULL;
