import { WRITE } from '../reminders/sql.ts';

/** The cron job's progress for one org (table `cron_state`, migration 0004). */
export interface CronState {
  /** Every account and interaction write up to this org version has been recomputed. */
  watermark: number;
  /** Settings and people the last full pass ran with; a change starts a new pass. */
  inputsHash: string | null;
  /** During a full pass: accounts up to this id are done ('' before the first). Null otherwise. */
  fullCursor: string | null;
  /** The org version when the full pass began; the watermark jumps to it when the pass ends. */
  fullTarget: number | null;
  /** Escalations and ended snoozes have been swept up to this instant. */
  sweptAt: string | null;
  /** When balance nudges were last recomputed (null: never, so the first run does everyone's). */
  balanceAt: string | null;
  /** The UTC day whose health pass (a snapshot of every planned or strategic account) finished. */
  healthDay: string | null;
  /** During a health pass: accounts up to this id are done ('' before the first). Null otherwise. */
  healthCursor: string | null;
}

export interface CronStateRow {
  watermark: number;
  inputs_hash: string | null;
  full_cursor: string | null;
  full_target: number | null;
  swept_at: string | null;
  balance_at: string | null;
  health_day?: string | null;
  health_cursor?: string | null;
}

export const INITIAL_STATE: CronState = {
  watermark: 0,
  inputsHash: null,
  fullCursor: null,
  fullTarget: null,
  sweptAt: null,
  balanceAt: null,
  healthDay: null,
  healthCursor: null,
};

export function fromRow(r: CronStateRow | undefined | null): CronState {
  if (!r) return { ...INITIAL_STATE };
  return {
    watermark: r.watermark,
    inputsHash: r.inputs_hash,
    fullCursor: r.full_cursor,
    fullTarget: r.full_target,
    sweptAt: r.swept_at,
    balanceAt: r.balance_at,
    healthDay: r.health_day ?? null,
    healthCursor: r.health_cursor ?? null,
  };
}

/** The statement that saves `s`; it commits in the batch of the work it records. */
export function saveState(db: D1Database, orgId: string, s: CronState, now: Date): D1PreparedStatement {
  return db
    .prepare(WRITE.state)
    .bind(
      orgId,
      s.watermark,
      s.inputsHash,
      s.fullCursor,
      s.fullTarget,
      s.sweptAt,
      s.balanceAt,
      now.toISOString(),
      s.healthDay,
      s.healthCursor,
    );
}
