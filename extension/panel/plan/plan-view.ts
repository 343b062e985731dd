import { conflictCalendar, isPastSla } from '../../../shared/plans/conflict-sla.ts';
import { computeHealth, type Health } from '../../../shared/plans/health/compute.ts';
import { contactClock } from '../../../shared/plans/health/contact-parts.ts';
import { isLive } from '../../../shared/plans/inputs.ts';
import { type ObjectiveProgress, objectiveProgress } from '../../../shared/plans/objective-progress.ts';
import { nextReviewOn } from '../../../shared/plans/review-schedule.ts';
import type { ReminderUser } from '../../../shared/reminders/inputs.ts';
import { makeRuleContext } from '../../../shared/reminders/rule-context.ts';
import { DEFAULT_ORG_SETTINGS, type OrgSettings } from '../../../shared/reminders/settings.ts';
import { parseLocalDate } from '../../../shared/time/civil-date.ts';
import { toLocalDate } from '../../../shared/time/local-day.ts';
import type { LocalAccount, LocalInteraction } from '../../lib/db.ts';
import type {
  LocalCommitment,
  LocalConflict,
  LocalMeasurement,
  LocalMilestone,
  LocalObjective,
  LocalPlan,
  LocalReview,
} from '../../lib/plan-replica.ts';

// What the panel's plan section shows for one account, derived from the replica alone (pure,
// `now` passed in), so it is the same online and offline and moves as soon as a write is queued.

/** One account's plan records as the replica holds them, tombstones included. */
export interface AccountPlanData {
  plan: LocalPlan | null;
  objectives: LocalObjective[];
  measurements: LocalMeasurement[];
  reviews: LocalReview[];
  milestones: LocalMilestone[];
  commitments: LocalCommitment[];
  conflicts: LocalConflict[];
  /** The account's interactions in the replica (own, and teammates' cached): the contact clock. */
  interactions: Pick<LocalInteraction, 'occurredAt' | 'tag' | 'deletedAt'>[];
  /** The account's live contacts, by name: who made a promise of theirs. */
  contacts: { id: string; name: string }[];
}

export interface ObjectiveRow {
  objective: LocalObjective;
  progress: ObjectiveProgress;
}

export interface PlanView {
  health: Health;
  /** Open objectives, the furthest behind first. */
  objectives: ObjectiveRow[];
  /** `YYYY-MM-DD`, or null without a plan or a review. */
  nextReview: string | null;
  /** Days from today to the next review; negative when overdue. */
  reviewInDays: number | null;
  /** Open commitments, due soonest first. */
  commitments: LocalCommitment[];
  /** Open conflicts, highest level first, each with whether it is past its SLA. */
  conflicts: { conflict: LocalConflict; pastSla: boolean }[];
  /** Milestones not yet reached, due soonest first (undated last). */
  milestones: LocalMilestone[];
  /** The local date in the user's zone. */
  today: string;
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null;

/**
 * The org's settings as the panel last cached them, over the design's defaults: each key is taken
 * only when it has the default's shape, since older servers lack some and the cache is not
 * validated (zod stays out of the panel's bundle).
 */
export function planSettings(raw: Record<string, unknown> | undefined): OrgSettings {
  const out: Record<string, unknown> = {};
  for (const [key, fallback] of Object.entries(DEFAULT_ORG_SETTINGS)) {
    const v = raw?.[key];
    if (Array.isArray(fallback)) out[key] = Array.isArray(v) ? v : fallback;
    else if (isObject(fallback)) {
      const merged: Record<string, unknown> = { ...fallback };
      if (isObject(v))
        for (const [k, d] of Object.entries(fallback))
          if (typeof v[k] === typeof d && Array.isArray(v[k]) === Array.isArray(d)) merged[k] = v[k];
      out[key] = merged;
    } else out[key] = typeof v === typeof fallback ? v : fallback;
  }
  return out as unknown as OrgSettings;
}

const STATUS_ORDER = { 'off-track': 0, 'at-risk': 1, 'on-track': 2, achieved: 3, dropped: 4 } as const;
const SEVERITY_ORDER = { critical: 0, high: 1, medium: 2, low: 3 } as const;

/**
 * The plan section of one account at `now`: health (design §15) with its parts, open
 * objectives with progress, the next review, open commitments and conflicts, and the
 * milestones ahead.
 */
export function planView(
  account: LocalAccount,
  data: AccountPlanData,
  users: readonly ReminderUser[],
  settings: OrgSettings,
  timeZone: string,
  now: number,
): PlanView {
  const plan = data.plan && isLive(data.plan) ? data.plan : null;
  const live = <T extends { deletedAt: string | null; accountId: string }>(rows: T[]) =>
    rows.filter((r) => r.deletedAt === null && r.accountId === account.id);
  const objectives = live(data.objectives);
  const measurements = data.measurements.filter((m) => m.deletedAt === null);
  const commitments = live(data.commitments);
  const conflicts = live(data.conflicts);
  const reviews = live(data.reviews);
  const health = computeHealth({
    account,
    plan,
    contact: contactClock(data.interactions),
    objectives,
    measurements,
    commitments,
    conflicts,
    reviews,
    users,
    settings,
    now,
  });
  const today = toLocalDate(now, timeZone);
  const rows = objectives
    .filter((o) => o.state === 'open')
    .map((objective) => ({ objective, progress: objectiveProgress(objective, measurements, now) }))
    .sort(
      (a, b) =>
        STATUS_ORDER[a.progress.status] - STATUS_ORDER[b.progress.status] ||
        b.objective.weight - a.objective.weight ||
        a.objective.title.localeCompare(b.objective.title),
    );
  const nextReview = plan || reviews.length > 0 ? nextReviewOn(plan, reviews, settings) : null;
  const rules = makeRuleContext(settings, users, now);
  return {
    health,
    objectives: rows,
    nextReview,
    reviewInDays: nextReview === null ? null : parseLocalDate(nextReview) - parseLocalDate(today),
    commitments: commitments
      .filter((c) => c.state === 'open')
      .sort((a, b) => (a.dueOn < b.dueOn ? -1 : a.dueOn > b.dueOn ? 1 : a.id < b.id ? -1 : 1)),
    conflicts: conflicts
      .filter((c) => c.state === 'open')
      .sort(
        (a, b) =>
          b.level - a.level ||
          SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] ||
          (a.openedOn < b.openedOn ? -1 : 1),
      )
      .map((conflict) => ({
        conflict,
        pastSla: isPastSla(conflict, conflictCalendar(conflict, account, rules), settings, now),
      })),
    milestones: live(data.milestones)
      .filter((m) => m.achievedOn === null)
      .sort((a, b) => (a.dueOn ?? '9999').localeCompare(b.dueOn ?? '9999') || a.title.localeCompare(b.title)),
    today,
  };
}

/** Whether the section has anything to show: a plan, or any plan record on the account. */
export function hasPlanData(data: AccountPlanData): boolean {
  const any = (rows: { deletedAt: string | null }[]) => rows.some((r) => r.deletedAt === null);
  return (
    (data.plan !== null && data.plan.deletedAt === null) ||
    any(data.objectives) ||
    any(data.commitments) ||
    any(data.conflicts) ||
    any(data.reviews) ||
    any(data.milestones)
  );
}
