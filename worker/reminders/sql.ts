// The SQL the reminder recompute and the cron job run, in one place so that
// test/worker/reminders-plans.test.ts can EXPLAIN exactly these strings.
// Lists of ids travel as one JSON parameter (json_each), which keeps every statement
// under D1's 100-parameter limit whatever the chunk size. `CROSS JOIN` makes SQLite loop over
// the list first, and a unary `+` keeps it off an org-wide index where the primary key is better.

const ids = (n: number) => `(SELECT value FROM json_each(?${n}))`;

const INTERACTION_COLS =
  'id, user_id, account_id, tag, occurred_at, follow_up_at, awaiting_reply, title, deleted_at';
const I_COLS = INTERACTION_COLS.split(', ')
  .map((c) => `i.${c}`)
  .join(', ');
export const REMINDER_COLS =
  'id, org_id, user_id, account_id, interaction_id, rule, title, due_at, state, snoozed_until, closed_by, deleted_at';

/** Reads for the inputs of one org. ?1 org id. */
export const READ = {
  settings: 'SELECT settings FROM orgs WHERE id = ?1',
  users: 'SELECT id, time_zone, working_hours FROM users WHERE org_id = ?1 AND deleted_at IS NULL',
  /** People who left: their reminders without an account close at the end of a full pass. */
  departedUsers: 'SELECT id FROM users WHERE org_id = ?1 AND deleted_at IS NOT NULL',
  /** ?2 account ids. */
  accounts: `SELECT id, name, tier, cadence_days, owner_id, ends_on, created_at, deleted_at, last_interaction_at,
      last_strategic_at FROM accounts
    WHERE org_id = ?1 AND id IN ${ids(2)}`,
  /** ?2 account ids: their interactions with a follow-up or awaiting a reply (partial index). */
  flagged: `SELECT ${INTERACTION_COLS} FROM interactions
    WHERE org_id = ?1 AND account_id IN ${ids(2)} AND deleted_at IS NULL
      AND (follow_up_at IS NOT NULL OR awaiting_reply = 1)`,
  /** ?2 account ids: each one's latest live interaction (all of them, on a tie). */
  latest: `SELECT ${I_COLS} FROM json_each(?2) AS j CROSS JOIN interactions AS i
    ON i.org_id = ?1 AND i.account_id = j.value AND i.deleted_at IS NULL
    AND i.occurred_at = (SELECT x.occurred_at FROM interactions AS x
      WHERE x.org_id = ?1 AND x.account_id = j.value AND x.deleted_at IS NULL
      ORDER BY x.occurred_at DESC LIMIT 1)`,
  /** ?2 account ids: each one's latest live strategic interaction (all of them, on a tie). */
  latestStrategic: `SELECT ${I_COLS} FROM json_each(?2) AS j CROSS JOIN interactions AS i
    ON i.org_id = ?1 AND i.account_id = j.value AND i.tag = 'strategic' AND i.deleted_at IS NULL
    AND i.occurred_at = (SELECT x.occurred_at FROM interactions AS x
      WHERE x.org_id = ?1 AND x.account_id = j.value AND x.tag = 'strategic' AND x.deleted_at IS NULL
      ORDER BY x.occurred_at DESC LIMIT 1)`,
  /** ?2 user ids: their flagged interactions without an account. */
  unassigned: `SELECT ${INTERACTION_COLS} FROM interactions
    WHERE org_id = ?1 AND account_id IS NULL AND user_id IN ${ids(2)} AND deleted_at IS NULL
      AND (follow_up_at IS NOT NULL OR awaiting_reply = 1)`,
  /** ?2 account ids: their active reminders (the scope `computeAccountReminders` reconciles against). */
  accountReminders: `SELECT ${REMINDER_COLS} FROM reminders
    WHERE org_id = ?1 AND account_id IN ${ids(2)} AND state IN ('open', 'snoozed')
      AND deleted_at IS NULL AND rule != 'balance'`,
  /** ?2 user ids: their active reminders without an account, of rule ?3 … (JSON list). */
  userReminders: `SELECT ${REMINDER_COLS} FROM reminders
    WHERE org_id = ?1 AND account_id IS NULL AND user_id IN ${ids(2)} AND rule IN ${ids(3)}
      AND state IN ('open', 'snoozed') AND deleted_at IS NULL`,
  /** ?2 reminder ids, whatever their state (done and dismissed keep theirs; tombstones may revive). */
  remindersById: `SELECT ${REMINDER_COLS} FROM reminders WHERE id IN ${ids(2)} AND +org_id = ?1`,
  /** ?2 user ids, ?3 < occurred_at <= ?4: each one's live interactions in the balance window, counted. */
  balanceWindow: `SELECT j.value AS user_id, count(*) AS total, sum(i.tag = 'tactical') AS tactical
    FROM json_each(?2) AS j CROSS JOIN interactions AS i
    ON i.org_id = ?1 AND i.user_id = j.value AND i.occurred_at > ?3 AND i.occurred_at <= ?4
    AND i.deleted_at IS NULL GROUP BY j.value`,
} as const;

/** The cron job's own reads. ?1 org id. */
export const CRON = {
  /** ?1 after this org id, ?2 page size: the orgs, a page at a time through the primary key. */
  orgs: 'SELECT id, version FROM orgs WHERE id > ?1 ORDER BY id LIMIT ?2',
  state: 'SELECT * FROM cron_state WHERE org_id = ?1',
  /** ?2 after this account id, ?3 page size: the full pass. */
  fullPage: 'SELECT id FROM accounts WHERE org_id = ?1 AND id > ?2 ORDER BY id LIMIT ?3',
  /** ?2 < version <= ?3, ?4 page size (-1: all): accounts written since the watermark. */
  changedAccounts: `SELECT id, version FROM accounts WHERE org_id = ?1 AND version > ?2 AND version <= ?3
    ORDER BY version LIMIT ?4`,
  /** ?2 < version <= ?3, ?4 page size (-1: all): interactions written since the watermark. */
  changedInteractions: `SELECT account_id, user_id, version FROM interactions
    WHERE org_id = ?1 AND version > ?2 AND version <= ?3 ORDER BY version LIMIT ?4`,
  /** ?2 now, ?3 page size: snoozes that have run out. */
  woken: `SELECT id FROM reminders WHERE org_id = ?1 AND state = 'snoozed' AND snoozed_until <= ?2
    AND deleted_at IS NULL LIMIT ?3`,
  /** ?2 < due_at <= ?3: open reminders crossing the escalation line since the last sweep. */
  escalatingByDue: `SELECT id, due_at, snoozed_until FROM reminders
    WHERE org_id = ?1 AND state = 'open' AND due_at > ?2 AND due_at <= ?3 AND deleted_at IS NULL`,
  /** ?2 < snoozed_until <= ?3: the same, for reminders whose snooze moved the line. */
  escalatingBySnooze: `SELECT id, due_at, snoozed_until FROM reminders
    WHERE org_id = ?1 AND state = 'open' AND snoozed_until > ?2 AND snoozed_until <= ?3
      AND deleted_at IS NULL`,
} as const;

const VERSION = '(SELECT version FROM orgs WHERE id = ?1)';
/** Reopen (or revive a tombstone) only what the engine itself closed; a user's state always wins. */
const ENGINE_OWNED = `(reminders.deleted_at IS NOT NULL OR (reminders.state = 'done' AND reminders.closed_by = 'auto'))`;
const field = (col: string) => `json_extract(j.value, '$.${col}')`;

/** Writes; each runs after `BUMP` in the same batch, so its rows take the new org version. */
export const WRITE = {
  bump: 'UPDATE orgs SET version = version + 1 WHERE id = ?1',
  /**
   * ?2 now, ?3 JSON list of upserts. An existing row keeps its user-owned state (done,
   * snoozed, dismissed) unless the engine closed it; a concurrent user action is never overwritten.
   */
  upsert: `INSERT INTO reminders (id, org_id, user_id, account_id, interaction_id, rule, title, due_at, state,
      snoozed_until, closed_by, version, created_at, updated_at, deleted_at)
    SELECT ${field('id')}, ?1, ${field('userId')}, ${field('accountId')}, ${field('interactionId')},
      ${field('rule')}, ${field('title')}, ${field('dueAt')}, ${field('state')}, ${field('snoozedUntil')},
      ${field('closedBy')}, ${VERSION}, ?2, ?2, NULL
    FROM json_each(?3) AS j WHERE true
    ON CONFLICT (id) DO UPDATE SET
      user_id = excluded.user_id, account_id = excluded.account_id, interaction_id = excluded.interaction_id,
      rule = excluded.rule, title = excluded.title, due_at = excluded.due_at,
      state = CASE WHEN ${ENGINE_OWNED} THEN excluded.state ELSE reminders.state END,
      snoozed_until = CASE WHEN ${ENGINE_OWNED} THEN excluded.snoozed_until ELSE reminders.snoozed_until END,
      closed_by = CASE WHEN ${ENGINE_OWNED} THEN excluded.closed_by ELSE reminders.closed_by END,
      deleted_at = NULL, version = excluded.version, updated_at = excluded.updated_at
    WHERE reminders.org_id = excluded.org_id`,
  /**
   * ?2 now, ?3 tombstone time or NULL, ?4 JSON list of ids: close what is still active. A reminder
   * that never fell due is tombstoned (nothing for the user to see), one that did is kept as done.
   */
  close: `UPDATE reminders SET state = 'done', closed_by = 'auto', deleted_at = ?3, version = ${VERSION},
      updated_at = ?2
    WHERE id IN ${ids(4)} AND +org_id = ?1 AND +state IN ('open', 'snoozed') AND deleted_at IS NULL`,
  /** ?2 now, ?3 JSON list of ids: snoozes that ran out open again; escalations reach clients on pull. */
  touch: `UPDATE reminders SET state = CASE WHEN state = 'snoozed' AND snoozed_until <= ?2 THEN 'open' ELSE state END,
      version = ${VERSION}, updated_at = ?2
    WHERE id IN ${ids(3)} AND +org_id = ?1 AND +state IN ('open', 'snoozed') AND deleted_at IS NULL`,
  /**
   * ?2 watermark, ?3 inputs hash, ?4 full cursor, ?5 full target, ?6 swept at, ?7 balance at, ?8 now,
   * ?9 health day, ?10 health cursor.
   */
  state: `INSERT INTO cron_state (org_id, watermark, inputs_hash, full_cursor, full_target, swept_at, balance_at,
      updated_at, health_day, health_cursor) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)
    ON CONFLICT (org_id) DO UPDATE SET watermark = excluded.watermark, inputs_hash = excluded.inputs_hash,
      full_cursor = excluded.full_cursor, full_target = excluded.full_target, swept_at = excluded.swept_at,
      balance_at = excluded.balance_at, updated_at = excluded.updated_at, health_day = excluded.health_day,
      health_cursor = excluded.health_cursor`,
} as const;
