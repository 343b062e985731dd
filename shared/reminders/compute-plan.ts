/**
 * The entry point for the relationship-plan rules (design §14): every plan
 * reminder one account should have now. Kept apart from
 * `computeAccountReminders` so a caller that only touched interactions need
 * not load the plan, and the reverse.
 */
import type {
  CommitmentLike,
  ConflictLike,
  MeasurementLike,
  MilestoneLike,
  ObjectiveLike,
  PlanLike,
  ReviewLike,
} from '../plans/inputs.ts';
import type { ReminderRule } from '../schemas/reminder.ts';
import type { ComputeCommon } from './compute.ts';
import type { ReminderAccount, ReminderDraft, ReminderInteraction } from './inputs.ts';
import { makeRuleContext } from './rule-context.ts';
import { commitmentDueReminders } from './rules/commitment-due.ts';
import { conflictSlaReminders } from './rules/conflict-sla.ts';
import { kpiStaleReminders } from './rules/kpi-stale.ts';
import { celebrateReminders, milestoneDueReminders } from './rules/milestone-due.ts';
import { planReviewReminder } from './rules/plan-review.ts';
import { DEFAULT_ORG_SETTINGS } from './settings.ts';

/** The rules {@link computePlanReminders} decides; reconcile against stored reminders of these rules only. */
export const PLAN_REMINDER_RULES = [
  'plan-review',
  'kpi-stale',
  'commitment-due',
  'conflict-sla',
  'milestone-due',
  'celebrate',
] as const satisfies readonly ReminderRule[];

/** Whether a rule is one of the relationship-plan rules. */
export function isPlanRule(rule: ReminderRule): boolean {
  return (PLAN_REMINDER_RULES as readonly ReminderRule[]).includes(rule);
}

/** Input of {@link computePlanReminders}. Records of other accounts and tombstones are ignored. */
export interface PlanRemindersInput extends ComputeCommon {
  account: ReminderAccount;
  plan: PlanLike | null;
  objectives: readonly ObjectiveLike[];
  measurements: readonly MeasurementLike[];
  commitments: readonly CommitmentLike[];
  conflicts: readonly ConflictLike[];
  reviews: readonly ReviewLike[];
  milestones: readonly MilestoneLike[];
  /**
   * The account's live interactions, only to fall back to the latest author
   * when the account has no active owner; may be left out (then such an
   * account's plan reminders have nobody to go to).
   */
  interactions?: readonly ReminderInteraction[];
}

/**
 * Every relationship-plan reminder one account should have now:
 * `plan-review`, `kpi-stale`, `commitment-due`, `conflict-sla`,
 * `milestone-due` and `celebrate`, sorted by id. A tombstoned account has
 * none, so its stored ones close.
 *
 * Reconcile the result against the stored reminders whose `accountId` is this
 * account and whose rule is in {@link PLAN_REMINDER_RULES}.
 */
export function computePlanReminders(input: PlanRemindersInput): ReminderDraft[] {
  const { account } = input;
  if (account.deletedAt != null) return [];
  const ctx = makeRuleContext(input.settings ?? DEFAULT_ORG_SETTINGS, input.users, input.now);
  const interactions = (input.interactions ?? []).filter(
    (i) => i.deletedAt == null && i.accountId === account.id,
  );
  const plan = input.plan && input.plan.accountId === account.id ? input.plan : null;
  const review = planReviewReminder(
    account,
    plan,
    input.reviews.filter((r) => r.accountId === account.id),
    interactions,
    ctx,
  );
  return [
    ...(review ? [review] : []),
    ...kpiStaleReminders(account, input.objectives, input.measurements, interactions, ctx),
    ...commitmentDueReminders(account, input.commitments, interactions, ctx),
    ...conflictSlaReminders(account, plan, input.conflicts, interactions, ctx),
    ...milestoneDueReminders(account, input.milestones, interactions, ctx),
    ...celebrateReminders(account, input.milestones, interactions, ctx),
  ].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}
