/** Relationship health (design §15): six explained parts, weighted into one 0–100 score. */
import type { ReminderAccount, ReminderUser } from '../../reminders/inputs.ts';
import { accountRecipient, makeRuleContext } from '../../reminders/rule-context.ts';
import { DEFAULT_ORG_SETTINGS, type OrgSettings } from '../../reminders/settings.ts';
import type { InstantLike } from '../../time/instant.ts';
import { toLocalDate } from '../../time/local-day.ts';
import {
  type CommitmentLike,
  type ConflictLike,
  isLive,
  type MeasurementLike,
  type ObjectiveLike,
  type PlanLike,
  type ReviewLike,
} from '../inputs.ts';
import { attentionPart, type ContactClock, cadencePart } from './contact-parts.ts';
import type { HealthContext, PartResult } from './context.ts';
import { commitmentsPart, conflictsPart } from './ledger-parts.ts';
import { HEALTH_PART_NAMES, type HealthBand, type HealthPartName, healthBand } from './names.ts';
import { objectivesPart } from './objectives-part.ts';
import { reviewsPart } from './reviews-part.ts';

/** Everything health reads for one account. Records of other accounts and tombstones are ignored. */
export interface HealthInput {
  account: ReminderAccount;
  plan: PlanLike | null;
  /** When the account was last in touch; see `contactClock`. */
  contact: ContactClock;
  objectives?: readonly ObjectiveLike[];
  measurements?: readonly MeasurementLike[];
  commitments?: readonly CommitmentLike[];
  conflicts?: readonly ConflictLike[];
  reviews?: readonly ReviewLike[];
  /** Active users: the account owner (whose zone gives "today") and conflict owners (whose hours run SLAs). */
  users: readonly ReminderUser[];
  /** Defaults to {@link DEFAULT_ORG_SETTINGS}. */
  settings?: OrgSettings;
  now: InstantLike;
}

/** One part of the score. */
export interface HealthPart {
  name: HealthPartName;
  /** 0–100, or null when the part has no data and is left out. */
  score: number | null;
  /**
   * Its share of the total in percent, after rescaling over the parts that
   * have data (the included parts' weights sum to 100); 0 when left out.
   */
  weight: number;
  /** One plain sentence: why this score, or why there is no data. */
  reason: string;
}

/** An account's health. */
export interface Health {
  /** 0–100, the weighted mean of the included parts, rounded. */
  score: number;
  band: HealthBand;
  /** All six parts, in the order of `HEALTH_PART_NAMES`. */
  parts: HealthPart[];
  /** The included part with the lowest score (ties: the heavier, then the first listed). */
  worstPart: HealthPartName;
  /** The worst part's sentence: the top reason to show beside the score. */
  reason: string;
}

function round1(x: number): number {
  return Math.round(x * 10) / 10;
}

/**
 * The health of one account at `now`, from data alone (pure, deterministic,
 * independent of input order). Each part has its own score and sentence; a
 * part with no data is left out and the weights of the rest (org settings,
 * default 20/15/25/15/15/10) are rescaled. Should every included part weigh
 * 0, they count equally. Cadence and attention always have data (their
 * clocks fall back to the account's creation), so there is always a score.
 */
export function computeHealth(input: HealthInput): Health {
  const settings = input.settings ?? DEFAULT_ORG_SETTINGS;
  const rules = makeRuleContext(settings, input.users, input.now);
  const owner = accountRecipient(input.account, [], rules);
  const h: HealthContext = {
    account: input.account,
    rules,
    today: toLocalDate(rules.now, owner?.timeZone ?? 'UTC'),
  };
  const plan =
    input.plan && isLive(input.plan) && input.plan.accountId === input.account.id ? input.plan : null;
  const results: Record<HealthPartName, PartResult> = {
    cadence: cadencePart(input.contact, h),
    attention: attentionPart(input.contact, h),
    objectives: objectivesPart(input.objectives ?? [], input.measurements ?? [], h),
    commitments: commitmentsPart(input.commitments ?? [], h),
    conflicts: conflictsPart(input.conflicts ?? [], plan !== null, h),
    reviews: reviewsPart(plan, input.reviews ?? [], h),
  };

  const included = HEALTH_PART_NAMES.filter((name) => results[name].score !== null);
  const configured = (name: HealthPartName) => settings.healthWeights[name];
  let total = included.reduce((sum, name) => sum + configured(name), 0);
  const weightOf = total > 0 ? configured : () => 1;
  if (total === 0) total = included.length;

  let sum = 0;
  for (const name of included) sum += (results[name].score ?? 0) * weightOf(name);
  const score = Math.min(100, Math.max(0, Math.round(sum / total)));

  const parts: HealthPart[] = HEALTH_PART_NAMES.map((name) => ({
    name,
    score: results[name].score,
    weight: results[name].score === null ? 0 : round1((100 * weightOf(name)) / total),
    reason: results[name].reason,
  }));
  let worst = included[0]!;
  for (const name of included) {
    const [a, b] = [results[name].score ?? 0, results[worst].score ?? 0];
    if (a < b || (a === b && weightOf(name) > weightOf(worst))) worst = name;
  }
  return { score, band: healthBand(score), parts, worstPart: worst, reason: results[worst].reason };
}

/** A past health as a daily snapshot keeps it: the score and each part's score. */
export interface HealthSnapshotLike {
  score: number;
  parts: readonly { name: HealthPartName; score: number | null }[];
}

/** What moved a score between two healths. */
export interface HealthMove {
  /** The part whose weighted change was largest. */
  part: HealthPartName;
  from: number | null;
  to: number | null;
  /** The part's current sentence. */
  reason: string;
}

/**
 * The part that moved the score most from `before` to `now` (by its change
 * times its current weight; a part that appeared or vanished counts its whole
 * score), or null when no part changed.
 */
export function explainMove(before: HealthSnapshotLike, now: Health): HealthMove | null {
  let best: HealthMove | null = null;
  let bestSize = 0;
  for (const part of now.parts) {
    const from = before.parts.find((p) => p.name === part.name)?.score ?? null;
    if (from === part.score) continue;
    const size = Math.abs((part.score ?? 0) - (from ?? 0)) * Math.max(part.weight, 1);
    if (size > bestSize) {
      best = { part: part.name, from, to: part.score, reason: part.reason };
      bestSize = size;
    }
  }
  return best;
}
