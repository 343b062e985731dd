// The SQL the plan upkeep runs (worker/plans/upkeep.ts, the recompute and the cron), in one place
// so test/worker/plans-indexes.test.ts can EXPLAIN exactly these strings. ?1 is always the org id;
// lists of ids travel as one JSON parameter (json_each), as in worker/reminders/sql.ts.

const ids = (n: number) => `(SELECT value FROM json_each(?${n}))`;

export const CONFLICT_COLS = `id, account_id, title, severity, level, owner_id, opened_on, state, resolved_on,
  interaction_id, sla_periods, level_history, next_sla_at, version, deleted_at`;

/** What health and the plan reminders read of a set of accounts: ?2 account ids (JSON). */
export const PLAN_READ = {
  plans: `SELECT id, account_id, status, starts_on, review_every_days, escalation FROM plans
    WHERE org_id = ?1 AND account_id IN ${ids(2)} AND deleted_at IS NULL`,
  objectives: `SELECT id, account_id, title, unit, baseline, target, due_on, owner_id, weight, state, created_at
    FROM objectives WHERE org_id = ?1 AND account_id IN ${ids(2)} AND deleted_at IS NULL`,
  /** Each live objective's latest measurement: the only one progress and kpi-stale read. */
  latestMeasurements: `SELECT m.id, m.objective_id, m.value, m.measured_on
    FROM objectives AS o CROSS JOIN measurements AS m
    ON m.id = (SELECT x.id FROM measurements AS x
      WHERE x.org_id = ?1 AND x.objective_id = o.id AND x.deleted_at IS NULL
      ORDER BY x.measured_on DESC, x.id DESC LIMIT 1)
    WHERE o.org_id = ?1 AND o.account_id IN ${ids(2)} AND o.deleted_at IS NULL`,
  /** ?3 a date: ours closed after it count toward health; open ones are due reminders. */
  commitments: `SELECT id, account_id, side, owner_id, contact_id, what, due_on, state, closed_on, interaction_id
    FROM commitments WHERE org_id = ?1 AND account_id IN ${ids(2)} AND deleted_at IS NULL
      AND (closed_on IS NULL OR closed_on > ?3)`,
  openConflicts: `SELECT ${CONFLICT_COLS} FROM conflicts
    WHERE org_id = ?1 AND account_id IN ${ids(2)} AND deleted_at IS NULL AND state = 'open'`,
  /** Each account's latest review. */
  latestReviews: `SELECT r.id, r.account_id, r.held_on, r.our_rating, r.their_rating
    FROM json_each(?2) AS j CROSS JOIN reviews AS r
    ON r.id = (SELECT x.id FROM reviews AS x
      WHERE x.org_id = ?1 AND x.account_id = j.value AND x.deleted_at IS NULL
      ORDER BY x.held_on DESC, x.id DESC LIMIT 1)`,
  /** Milestones a reminder can hang on: not yet celebrated. */
  pendingMilestones: `SELECT id, account_id, title, due_on, achieved_on, celebrated_on, interaction_id FROM milestones
    WHERE org_id = ?1 AND account_id IN ${ids(2)} AND deleted_at IS NULL AND celebrated_on IS NULL`,
} as const;

/** The cron's own reads for plans. */
export const PLAN_CRON = {
  /**
   * ?2 < version <= ?3, ?4 page size (-1: all): plan records written since the watermark, by
   * account, in version order. Two halves: D1 allows at most five terms in a compound SELECT.
   */
  changedRecords: `SELECT account_id, version FROM (
      SELECT account_id, version FROM plans WHERE org_id = ?1 AND version > ?2 AND version <= ?3
      UNION ALL SELECT account_id, version FROM objectives WHERE org_id = ?1 AND version > ?2 AND version <= ?3
      UNION ALL SELECT account_id, version FROM measurements WHERE org_id = ?1 AND version > ?2 AND version <= ?3
      UNION ALL SELECT account_id, version FROM reviews WHERE org_id = ?1 AND version > ?2 AND version <= ?3
    ) ORDER BY version LIMIT ?4`,
  changedLedgers: `SELECT account_id, version FROM (
      SELECT account_id, version FROM milestones WHERE org_id = ?1 AND version > ?2 AND version <= ?3
      UNION ALL SELECT account_id, version FROM responsibilities WHERE org_id = ?1 AND version > ?2 AND version <= ?3
      UNION ALL SELECT account_id, version FROM commitments WHERE org_id = ?1 AND version > ?2 AND version <= ?3
      UNION ALL SELECT account_id, version FROM conflicts WHERE org_id = ?1 AND version > ?2 AND version <= ?3
    ) ORDER BY version LIMIT ?4`,
  /** ?2 now, ?3 page size: accounts with a conflict whose next SLA deadline has come. */
  slaDue: `SELECT DISTINCT account_id FROM conflicts
    WHERE org_id = ?1 AND next_sla_at <= ?2 AND deleted_at IS NULL AND state = 'open' AND next_sla_at IS NOT NULL
    LIMIT ?3`,
  /** ?2 after this account id, ?3 page size: the daily health pass, over accounts with a plan or strategic. */
  healthPage: `SELECT a.id FROM accounts AS a
    WHERE a.org_id = ?1 AND a.id > ?2 AND a.deleted_at IS NULL
      AND (a.tier = 'strategic' OR EXISTS (SELECT 1 FROM plans AS p
        WHERE p.org_id = ?1 AND p.account_id = a.id AND p.deleted_at IS NULL))
    ORDER BY a.id LIMIT ?3`,
} as const;

const VERSION = '(SELECT version FROM orgs WHERE id = ?1)';
const field = (col: string) => `json_extract(j.value, '$.${col}')`;

/** Writes of the plan upkeep. */
export const PLAN_WRITE = {
  /**
   * ?2 now, ?3 level, ?4 SLA periods, ?5 level history (JSON), ?6 next SLA check, ?7 id, ?8 the
   * version read: an escalation the SLA owes, applied only if the conflict is unchanged since it
   * was read. Runs after a version bump, so replicas pull the new level.
   */
  escalate: `UPDATE conflicts SET level = ?3, sla_periods = ?4, level_history = json(?5), next_sla_at = ?6,
      version = ${VERSION}, updated_at = ?2
    WHERE id = ?7 AND +org_id = ?1 AND version = ?8`,
  /** ?2 next SLA check, ?3 id: when the cron must next look; server-only, so no version bump. */
  nextSla: 'UPDATE conflicts SET next_sla_at = ?2 WHERE id = ?3 AND +org_id = ?1',
  /**
   * ?2 now, ?3 JSON list of {accountId, score, band, worstPart, reason, parts}: the latest health,
   * written only when it changed; a change of band keeps the band before it and when it changed.
   */
  health: `INSERT INTO account_health (org_id, account_id, score, band, worst_part, reason, parts, previous_band,
      band_changed_at, computed_at)
    SELECT ?1, ${field('accountId')}, ${field('score')}, ${field('band')}, ${field('worstPart')}, ${field('reason')},
      json(${field('parts')}), NULL, NULL, ?2
    FROM json_each(?3) AS j WHERE true
    ON CONFLICT (org_id, account_id) DO UPDATE SET
      score = excluded.score, band = excluded.band, worst_part = excluded.worst_part, reason = excluded.reason,
      parts = excluded.parts,
      previous_band = CASE WHEN account_health.band != excluded.band THEN account_health.band
        ELSE account_health.previous_band END,
      band_changed_at = CASE WHEN account_health.band != excluded.band THEN excluded.computed_at
        ELSE account_health.band_changed_at END,
      computed_at = excluded.computed_at
    WHERE account_health.score != excluded.score OR account_health.band != excluded.band
      OR account_health.reason != excluded.reason OR account_health.parts != excluded.parts`,
  /** ?2 the UTC day, ?3 JSON list as for `health`: the day's snapshot, the day's latest winning. */
  snapshot: `INSERT INTO health_snapshots (org_id, account_id, day, score, band, parts)
    SELECT ?1, ${field('accountId')}, ?2, ${field('score')}, ${field('band')}, json(${field('scores')})
    FROM json_each(?3) AS j WHERE true
    ON CONFLICT (org_id, account_id, day) DO UPDATE SET score = excluded.score, band = excluded.band,
      parts = excluded.parts
    WHERE health_snapshots.score != excluded.score OR health_snapshots.parts != excluded.parts`,
  /** ?2 account ids: accounts that no longer have a plan nor the strategic tier have no health. */
  dropHealth: `DELETE FROM account_health WHERE org_id = ?1 AND account_id IN ${ids(2)}`,
} as const;
