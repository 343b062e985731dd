-- The reminder engine in the Worker (design §6): the cron job's per-org watermark, who closed a
-- reminder, and the indexes the recompute and the cron job read through.

-- 'auto' when the engine closed it (its condition ended), so it may reopen if the condition returns;
-- NULL for reminders the user closed, which stay closed.
ALTER TABLE reminders ADD COLUMN closed_by TEXT CHECK (closed_by IN ('auto', 'user'));

-- One row per org. `watermark`: every account and interaction write up to this org version has been
-- recomputed. A full pass (first run, or the org's settings or people changed) walks the accounts
-- by id from `full_cursor` and, once done, lifts the watermark to `full_target`.
CREATE TABLE cron_state (
  org_id TEXT PRIMARY KEY,
  watermark INTEGER NOT NULL DEFAULT 0,
  inputs_hash TEXT,
  full_cursor TEXT,
  full_target INTEGER,
  swept_at TEXT,
  balance_at TEXT,
  updated_at TEXT NOT NULL
) WITHOUT ROWID;

-- Interactions written since the watermark, with what the recompute needs to know of them.
CREATE INDEX interactions_org_version_idx ON interactions (org_id, version, account_id, user_id);
-- The interactions a reminder can hang on: an account's, or a person's without an account.
CREATE INDEX interactions_reminder_inputs_idx ON interactions (org_id, account_id, user_id)
WHERE deleted_at IS NULL AND (follow_up_at IS NOT NULL OR awaiting_reply = 1);
-- The full pass walks an org's accounts by id.
CREATE INDEX accounts_org_id_idx ON accounts (org_id, id);
-- Snoozes that ran out, and escalations counted from the end of a snooze.
CREATE INDEX reminders_org_state_snoozed_idx ON reminders (org_id, state, snoozed_until);
-- A person's reminders without an account (unassigned follow-ups, the weekly balance nudge).
CREATE INDEX reminders_org_account_user_idx ON reminders (org_id, account_id, user_id);
