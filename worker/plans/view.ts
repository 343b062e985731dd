import { and, asc, eq, gte, isNull } from 'drizzle-orm';
import type { SQLiteColumn } from 'drizzle-orm/sqlite-core';
import {
  buildResponsibilityMatrix,
  commitmentOutcome,
  computeHealth,
  conflictCalendar,
  isConflictEscalated,
  isPastSla,
  nextReviewOn,
  nextSlaCheck,
  objectiveProgress,
  slaDays,
} from '../../shared/plans/index.ts';
import { accountRecipient, makeRuleContext, type ReminderAccount } from '../../shared/reminders/index.ts';
import type { AccountPlan, HealthView } from '../../shared/schemas/index.ts';
import { formatLocalDate, MS_PER_DAY, toLocalDate } from '../../shared/time/index.ts';
import type { Db } from '../db/client.ts';
import {
  toCommitment,
  toConflict,
  toMeasurement,
  toMilestone,
  toObjective,
  toPlan,
  toResponsibility,
  toReview,
} from '../db/plans-records.ts';
import {
  commitments,
  conflicts,
  healthSnapshots,
  measurements,
  milestones,
  objectives,
  plans,
  responsibilities,
  reviews,
} from '../db/plans-schema.ts';
import { accounts, orgs, users } from '../db/schema.ts';
import { orgInputs } from '../reminders/inputs.ts';

/** Days of daily snapshots the plan view returns as the health trend. */
export const TREND_DAYS = 90;

/** The account as the shared rules read it. */
export const reminderAccountOf = (a: typeof accounts.$inferSelect): ReminderAccount => ({
  id: a.id,
  name: a.name,
  tier: a.tier,
  cadenceDays: a.cadenceDays,
  ownerId: a.ownerId,
  endsOn: a.endsOn,
  createdAt: a.createdAt,
  deletedAt: a.deletedAt,
});

/**
 * `GET /api/accounts/:id/plan` (design §15): the account's whole plan with its derived values,
 * in one D1 round trip. Health is computed live from the same rows (so it agrees with what is
 * shown), its trend from the daily snapshots, today's point being the live score. Null when the
 * account is not a live account of the org.
 */
export async function accountPlan(
  d: Db,
  orgId: string,
  accountId: string,
  now: Date,
): Promise<AccountPlan | null> {
  const byAccount = (t: { orgId: SQLiteColumn; accountId: SQLiteColumn; deletedAt: SQLiteColumn }) =>
    and(eq(t.orgId, orgId), eq(t.accountId, accountId), isNull(t.deletedAt));
  const since = formatLocalDate(Math.floor(now.getTime() / MS_PER_DAY) - TREND_DAYS + 1);
  const [
    accountRows,
    planRows,
    objectiveRows,
    measurementRows,
    responsibilityRows,
    commitmentRows,
    conflictRows,
    reviewRows,
    milestoneRows,
    snapshotRows,
    orgRows,
    userRows,
  ] = await d.batch([
    d
      .select()
      .from(accounts)
      .where(and(eq(accounts.orgId, orgId), eq(accounts.id, accountId), isNull(accounts.deletedAt)))
      .limit(1),
    d.select().from(plans).where(byAccount(plans)).limit(1),
    d.select().from(objectives).where(byAccount(objectives)).orderBy(asc(objectives.id)),
    d.select().from(measurements).where(byAccount(measurements)).orderBy(asc(measurements.id)),
    d.select().from(responsibilities).where(byAccount(responsibilities)).orderBy(asc(responsibilities.id)),
    d.select().from(commitments).where(byAccount(commitments)).orderBy(asc(commitments.id)),
    d.select().from(conflicts).where(byAccount(conflicts)).orderBy(asc(conflicts.id)),
    d.select().from(reviews).where(byAccount(reviews)).orderBy(asc(reviews.id)),
    d.select().from(milestones).where(byAccount(milestones)).orderBy(asc(milestones.id)),
    d
      .select({ day: healthSnapshots.day, score: healthSnapshots.score, band: healthSnapshots.band })
      .from(healthSnapshots)
      .where(
        and(
          eq(healthSnapshots.orgId, orgId),
          eq(healthSnapshots.accountId, accountId),
          gte(healthSnapshots.day, since),
        ),
      )
      .orderBy(asc(healthSnapshots.day)),
    d.select({ settings: orgs.settings }).from(orgs).where(eq(orgs.id, orgId)).limit(1),
    d
      .select({ id: users.id, time_zone: users.timeZone, working_hours: users.workingHours })
      .from(users)
      .where(and(eq(users.orgId, orgId), isNull(users.deletedAt))),
  ]);
  const accountRow = accountRows[0];
  if (!accountRow) return null;
  const { settings, users: people } = orgInputs(orgId, orgRows[0]?.settings, userRows);
  const account = reminderAccountOf(accountRow);
  const rules = makeRuleContext(settings, people, now);
  const today = toLocalDate(now, accountRecipient(account, [], rules)?.timeZone ?? 'UTC');

  const plan = planRows[0] ? toPlan(planRows[0]) : null;
  const allMeasurements = measurementRows
    .map(toMeasurement)
    .sort((a, b) =>
      a.measuredOn < b.measuredOn ? -1 : a.measuredOn > b.measuredOn ? 1 : a.id < b.id ? -1 : 1,
    );
  const byObjective = new Map<string, typeof allMeasurements>();
  for (const m of allMeasurements) {
    const list = byObjective.get(m.objectiveId) ?? [];
    list.push(m);
    byObjective.set(m.objectiveId, list);
  }
  const objectiveList = objectiveRows.map(toObjective);
  const objectivesView = objectiveList.map((o) => {
    const mine = byObjective.get(o.id) ?? [];
    const { progress, expected, status, direction } = objectiveProgress(o, mine, now);
    return { ...o, progress, expected, status, direction, measurements: mine };
  });
  const responsibilityList = responsibilityRows.map(toResponsibility);
  const commitmentList = commitmentRows
    .map(toCommitment)
    .sort((a, b) => (a.dueOn < b.dueOn ? -1 : a.dueOn > b.dueOn ? 1 : 0));
  const conflictList = conflictRows
    .map(toConflict)
    .sort((a, b) =>
      a.state !== b.state
        ? a.state === 'open'
          ? -1
          : 1
        : a.openedOn > b.openedOn
          ? -1
          : a.openedOn < b.openedOn
            ? 1
            : 0,
    );
  const reviewList = reviewRows
    .map(toReview)
    .sort((a, b) => (a.heldOn > b.heldOn ? -1 : a.heldOn < b.heldOn ? 1 : a.id > b.id ? -1 : 1));
  const milestoneList = milestoneRows.map(toMilestone).sort((a, b) => {
    const [x, y] = [a.achievedOn ?? a.dueOn ?? '9999', b.achievedOn ?? b.dueOn ?? '9999'];
    return x < y ? -1 : x > y ? 1 : a.id < b.id ? -1 : 1;
  });

  let health: HealthView | null = null;
  if (plan || account.tier === 'strategic') {
    const live = computeHealth({
      account,
      plan,
      contact: { lastAt: accountRow.lastInteractionAt, lastStrategicAt: accountRow.lastStrategicAt },
      objectives: objectiveList,
      measurements: allMeasurements,
      commitments: commitmentList,
      conflicts: conflictList,
      reviews: reviewList,
      users: people,
      settings,
      now,
    });
    const day = now.toISOString().slice(0, 10);
    const trend = snapshotRows
      .filter((s) => s.day !== day)
      .map((s) => ({ day: s.day, score: s.score, band: s.band }));
    trend.push({ day, score: live.score, band: live.band });
    health = { ...live, trend };
  }

  return {
    accountId,
    plan,
    nextReviewOn: plan?.status === 'closed' ? null : nextReviewOn(plan, reviewList, settings),
    objectives: objectivesView,
    responsibilities: responsibilityList,
    matrixFlags: buildResponsibilityMatrix(responsibilityList).flagged,
    commitments: commitmentList.map((c) => ({ ...c, outcome: commitmentOutcome(c, today) })),
    conflicts: conflictList.map((c) => {
      const calendar = conflictCalendar(c, account, rules);
      const next = nextSlaCheck(c, calendar, settings);
      return {
        ...c,
        slaDays: slaDays(c.severity, settings),
        pastSla: isPastSla(c, calendar, settings, now),
        nextLevelAt: next === null ? null : new Date(next).toISOString(),
        escalated: isConflictEscalated(c),
      };
    }),
    reviews: reviewList,
    milestones: milestoneList,
    health,
  };
}
