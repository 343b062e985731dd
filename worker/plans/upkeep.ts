import {
  type CommitmentLike,
  type ConflictLike,
  computeHealth,
  conflictCalendar,
  escalateConflict,
  type Health,
  type MeasurementLike,
  type MilestoneLike,
  nextSlaCheck,
  type ObjectiveLike,
  type PlanLike,
  type ReviewLike,
} from '../../shared/plans/index.ts';
import {
  computePlanReminders,
  makeRuleContext,
  type ReminderAccount,
  type ReminderDraft,
  type ReminderInteraction,
} from '../../shared/reminders/index.ts';
import type { LevelChange } from '../../shared/schemas/conflict.ts';
import { formatLocalDate, MS_PER_DAY } from '../../shared/time/index.ts';
import type { OrgInputs } from '../reminders/inputs.ts';
import { WRITE } from '../reminders/sql.ts';
import { PLAN_READ, PLAN_WRITE } from './sql.ts';

// The plan side of a recompute (design §14, §15): for a set of accounts, read what health and the
// plan reminders need (latest readings only, open items, recent promises), apply the escalations
// the conflicts' SLAs owe, then compute the plan reminders and the health to store.

/** An account row as the recompute reads it, with its touch clock. */
export interface ClockedAccount extends ReminderAccount {
  lastInteractionAt: string | null;
  lastStrategicAt: string | null;
}

/** One account's plan inputs. */
export interface PlanInputs {
  plan: PlanLike | null;
  objectives: ObjectiveLike[];
  measurements: MeasurementLike[];
  commitments: CommitmentLike[];
  conflicts: (ConflictLike & { nextSlaAt: string | null; version: number })[];
  reviews: ReviewLike[];
  milestones: MilestoneLike[];
}

const empty = (): PlanInputs => ({
  plan: null,
  objectives: [],
  measurements: [],
  commitments: [],
  conflicts: [],
  reviews: [],
  milestones: [],
});

/** Days of closed promises read back; a day more than the health window, so no zone falls outside. */
const COMMITMENT_LOOKBACK_DAYS = 181;

/** The reads, in the order {@link collectPlanInputs} expects. */
export function planReads(
  db: D1Database,
  orgId: string,
  accountIdsJson: string,
  now: Date,
): D1PreparedStatement[] {
  const since = formatLocalDate(Math.floor(now.getTime() / MS_PER_DAY) - COMMITMENT_LOOKBACK_DAYS);
  const q = (sql: string, ...args: unknown[]) => db.prepare(sql).bind(orgId, accountIdsJson, ...args);
  return [
    q(PLAN_READ.plans),
    q(PLAN_READ.objectives),
    q(PLAN_READ.latestMeasurements),
    q(PLAN_READ.commitments, since),
    q(PLAN_READ.openConflicts),
    q(PLAN_READ.latestReviews),
    q(PLAN_READ.pendingMilestones),
  ];
}

type Raw = Record<string, unknown>;
const rows = (r: D1Result | undefined) => (r?.results ?? []) as Raw[];
const str = (v: unknown) => v as string;
const strOrNull = (v: unknown) => (v ?? null) as string | null;
const json = <T>(v: unknown, fallback: T): T => {
  try {
    return typeof v === 'string' ? (JSON.parse(v) as T) : fallback;
  } catch {
    return fallback;
  }
};

/** The results of {@link planReads}, per account. */
export function collectPlanInputs(results: (D1Result | undefined)[]): Map<string, PlanInputs> {
  const [plans, objectives, measurements, commitments, conflicts, reviews, milestones] = results;
  const out = new Map<string, PlanInputs>();
  const of = (accountId: unknown) => {
    const key = str(accountId);
    let inputs = out.get(key);
    if (!inputs) {
      inputs = empty();
      out.set(key, inputs);
    }
    return inputs;
  };
  for (const r of rows(plans))
    of(r.account_id).plan = {
      id: str(r.id),
      accountId: str(r.account_id),
      status: r.status as PlanLike['status'],
      startsOn: str(r.starts_on),
      reviewEveryDays: (r.review_every_days ?? null) as number | null,
      escalation: json(r.escalation, []),
    };
  const accountOfObjective = new Map<string, string>();
  for (const r of rows(objectives)) {
    accountOfObjective.set(str(r.id), str(r.account_id));
    of(r.account_id).objectives.push({
      id: str(r.id),
      accountId: str(r.account_id),
      title: str(r.title),
      unit: str(r.unit),
      baseline: Number(r.baseline),
      target: Number(r.target),
      dueOn: str(r.due_on),
      ownerId: str(r.owner_id),
      weight: Number(r.weight),
      state: r.state as ObjectiveLike['state'],
      createdAt: str(r.created_at),
    });
  }
  for (const r of rows(measurements)) {
    const accountId = accountOfObjective.get(str(r.objective_id));
    if (accountId === undefined) continue;
    of(accountId).measurements.push({
      id: str(r.id),
      objectiveId: str(r.objective_id),
      value: Number(r.value),
      measuredOn: str(r.measured_on),
    });
  }
  for (const r of rows(commitments))
    of(r.account_id).commitments.push({
      id: str(r.id),
      accountId: str(r.account_id),
      side: r.side as CommitmentLike['side'],
      ownerId: strOrNull(r.owner_id),
      contactId: strOrNull(r.contact_id),
      what: str(r.what),
      dueOn: str(r.due_on),
      state: r.state as CommitmentLike['state'],
      closedOn: strOrNull(r.closed_on),
      interactionId: strOrNull(r.interaction_id),
    });
  for (const r of rows(conflicts)) of(r.account_id).conflicts.push(toConflictLike(r));
  for (const r of rows(reviews))
    of(r.account_id).reviews.push({
      id: str(r.id),
      accountId: str(r.account_id),
      heldOn: str(r.held_on),
      ourRating: Number(r.our_rating),
      theirRating: (r.their_rating ?? null) as number | null,
    });
  for (const r of rows(milestones))
    of(r.account_id).milestones.push({
      id: str(r.id),
      accountId: str(r.account_id),
      title: str(r.title),
      dueOn: strOrNull(r.due_on),
      achievedOn: strOrNull(r.achieved_on),
      celebratedOn: strOrNull(r.celebrated_on),
      interactionId: strOrNull(r.interaction_id),
    });
  return out;
}

/** A conflict row (CONFLICT_COLS) as the shared rules read it, with what the write-back needs. */
export function toConflictLike(r: Raw): PlanInputs['conflicts'][number] {
  return {
    id: str(r.id),
    accountId: str(r.account_id),
    title: str(r.title),
    severity: r.severity as ConflictLike['severity'],
    level: Number(r.level),
    ownerId: str(r.owner_id),
    openedOn: str(r.opened_on),
    state: r.state as ConflictLike['state'],
    resolvedOn: strOrNull(r.resolved_on),
    interactionId: strOrNull(r.interaction_id),
    slaPeriods: Number(r.sla_periods),
    levelHistory: json<LevelChange[]>(r.level_history, []),
    nextSlaAt: strOrNull(r.next_sla_at),
    version: Number(r.version),
    deletedAt: strOrNull(r.deleted_at),
  };
}

/** What the plan side of a recompute writes and owes. */
export interface PlanUpkeep {
  /** Plan reminders of the accounts, to reconcile with the rest. */
  drafts: ReminderDraft[];
  /** Escalations (behind a version bump) and SLA check times; before the reminder writes. */
  conflictWrites: D1PreparedStatement[];
  /** Health rows, the day's snapshots, and health dropped from accounts no longer eligible. */
  healthWrites: D1PreparedStatement[];
  escalated: number;
}

/** Options of {@link planUpkeep}. */
export interface UpkeepOptions {
  /** Each account's live interactions, for the reminder recipient fallback. */
  interactions?: ReadonlyMap<string, readonly ReminderInteraction[]>;
  /** Health only (the daily pass): no escalations, no reminders. */
  healthOnly?: boolean;
}

/**
 * Escalates what the SLAs owe, then computes the plan reminders and the health of each account.
 * Mutates `inputs`' conflicts to their escalated state, so reminders and health see it.
 */
export function planUpkeep(
  db: D1Database,
  org: OrgInputs,
  accounts: readonly ClockedAccount[],
  inputs: ReadonlyMap<string, PlanInputs>,
  now: Date,
  options: UpkeepOptions = {},
): PlanUpkeep {
  const { orgId, settings, users } = org;
  const rules = makeRuleContext(settings, users, now);
  const nowIso = now.toISOString();
  const conflictWrites: D1PreparedStatement[] = [];
  const drafts: ReminderDraft[] = [];
  const healthy: { accountId: string; health: Health }[] = [];
  const dropped: string[] = [];
  let escalated = 0;

  for (const account of accounts) {
    const mine = inputs.get(account.id) ?? empty();
    if (!options.healthOnly && account.deletedAt == null) {
      for (const c of mine.conflicts) {
        const calendar = conflictCalendar(c, account, rules);
        const owed = escalateConflict(c, calendar, settings, now);
        if (owed) Object.assign(c, owed);
        const next = nextSlaCheck(c, calendar, settings);
        const nextSlaAt = next === null ? null : new Date(next).toISOString();
        if (owed) {
          escalated++;
          conflictWrites.push(
            db.prepare(WRITE.bump).bind(orgId),
            db
              .prepare(PLAN_WRITE.escalate)
              .bind(
                orgId,
                nowIso,
                c.level,
                c.slaPeriods,
                JSON.stringify(c.levelHistory),
                nextSlaAt,
                c.id,
                c.version,
              ),
          );
        } else if (nextSlaAt !== c.nextSlaAt) {
          conflictWrites.push(db.prepare(PLAN_WRITE.nextSla).bind(orgId, nextSlaAt, c.id));
        }
        c.nextSlaAt = nextSlaAt;
      }
      drafts.push(
        ...computePlanReminders({
          account,
          ...mine,
          users,
          settings,
          now,
          interactions: options.interactions?.get(account.id) ?? [],
        }),
      );
    }
    if (account.deletedAt != null || (mine.plan === null && account.tier !== 'strategic')) {
      dropped.push(account.id);
      continue;
    }
    healthy.push({
      accountId: account.id,
      health: computeHealth({
        account,
        ...mine,
        contact: { lastAt: account.lastInteractionAt, lastStrategicAt: account.lastStrategicAt },
        users,
        settings,
        now,
      }),
    });
  }

  const healthWrites: D1PreparedStatement[] = [];
  if (healthy.length) {
    const list = JSON.stringify(
      healthy.map(({ accountId, health }) => ({
        accountId,
        score: health.score,
        band: health.band,
        worstPart: health.worstPart,
        reason: health.reason,
        parts: JSON.stringify(health.parts),
        scores: JSON.stringify(health.parts.map((p) => ({ name: p.name, score: p.score }))),
      })),
    );
    healthWrites.push(
      db.prepare(PLAN_WRITE.health).bind(orgId, nowIso, list),
      db.prepare(PLAN_WRITE.snapshot).bind(orgId, nowIso.slice(0, 10), list),
    );
  }
  if (dropped.length)
    healthWrites.push(db.prepare(PLAN_WRITE.dropHealth).bind(orgId, JSON.stringify(dropped)));
  return { drafts, conflictWrites, healthWrites, escalated };
}
