import { and, asc, desc, eq, gt, gte, isNotNull, isNull, lte, type SQL, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/sqlite-core';
import { bandDropped, type HealthBand } from '../../../shared/plans/index.ts';
import type { Db } from '../../db/client.ts';
import { accountHealth, commitments, conflicts } from '../../db/plans-schema.ts';
import { accounts, users } from '../../db/schema.ts';

// The team summary's plans panel (design §14, §15): accounts by health band worst first, those
// whose band dropped in the period, escalated conflicts, and our promises kept on time per
// person. Read from the health the cron and each write keep (`account_health`) and the
// ledgers, every query scoped to the org and served by an index (see page-indexes.test.ts).
// With a person chosen, each list narrows to their accounts, conflicts and promises.

/** Rows each list shows at most. */
export const PANEL_LIMIT = 12;
/** Band changes read at most to find the drops of a period. */
const CHANGES_READ = 200;

const ownedBy = (ownerId: string | null) => (ownerId ? eq(accounts.ownerId, ownerId) : undefined);
const liveAccount = () =>
  and(
    eq(accounts.id, accountHealth.accountId),
    eq(accounts.orgId, accountHealth.orgId),
    isNull(accounts.deletedAt),
  );

/** The org's scored accounts, lowest score first. */
export const worstHealthQuery = (d: Db, orgId: string, ownerId: string | null) =>
  d
    .select({
      accountId: accountHealth.accountId,
      name: accounts.name,
      score: accountHealth.score,
      band: accountHealth.band,
      worstPart: accountHealth.worstPart,
      reason: accountHealth.reason,
    })
    .from(accountHealth)
    .innerJoin(accounts, liveAccount())
    .where(and(eq(accountHealth.orgId, orgId), ownedBy(ownerId)))
    .orderBy(asc(accountHealth.score), asc(accountHealth.accountId))
    .limit(PANEL_LIMIT);

/** How many scored accounts are in each band. */
export const bandCountsQuery = (d: Db, orgId: string, ownerId: string | null) =>
  d
    .select({ band: accountHealth.band, n: sql<number>`count(*)` })
    .from(accountHealth)
    .innerJoin(accounts, liveAccount())
    .where(and(eq(accountHealth.orgId, orgId), ownedBy(ownerId)))
    .groupBy(accountHealth.band);

/** Accounts whose band last changed in the period (drops are picked from these). */
export const bandChangesQuery = (d: Db, orgId: string, from: string, to: string, ownerId: string | null) =>
  d
    .select({
      accountId: accountHealth.accountId,
      name: accounts.name,
      score: accountHealth.score,
      band: accountHealth.band,
      previousBand: accountHealth.previousBand,
      changedAt: accountHealth.bandChangedAt,
      reason: accountHealth.reason,
    })
    .from(accountHealth)
    .innerJoin(accounts, liveAccount())
    .where(
      and(
        eq(accountHealth.orgId, orgId),
        gte(accountHealth.bandChangedAt, from),
        sql`${accountHealth.bandChangedAt} < ${to}`,
        isNotNull(accountHealth.previousBand),
        ownedBy(ownerId),
      ),
    )
    .orderBy(desc(accountHealth.bandChangedAt))
    .limit(CHANGES_READ);

/** Open conflicts above level 1, highest level first, then the oldest. */
export function escalatedQuery(d: Db, orgId: string, ownerId: string | null) {
  const owner = alias(users, 'owner');
  return d
    .select({
      id: conflicts.id,
      title: conflicts.title,
      severity: conflicts.severity,
      level: conflicts.level,
      openedOn: conflicts.openedOn,
      accountId: conflicts.accountId,
      // Aliased: D1 returns rows by column name, and both tables call theirs `name`.
      accountName: sql<string>`${accounts.name}`.as('account_name'),
      ownerName: sql<string | null>`${owner.name}`.as('owner_name'),
    })
    .from(conflicts)
    .innerJoin(accounts, and(eq(accounts.id, conflicts.accountId), eq(accounts.orgId, conflicts.orgId)))
    .leftJoin(owner, and(eq(owner.id, conflicts.ownerId), eq(owner.orgId, conflicts.orgId)))
    .where(
      and(
        eq(conflicts.orgId, orgId),
        isNull(conflicts.deletedAt),
        eq(conflicts.state, 'open'),
        gt(conflicts.level, 1),
        isNull(accounts.deletedAt),
        ownerId ? eq(conflicts.ownerId, ownerId) : undefined,
      ),
    )
    .orderBy(desc(conflicts.level), asc(conflicts.openedOn), asc(conflicts.id))
    .limit(PANEL_LIMIT);
}

/** Our promises closed in the period, per owner: kept on time, kept late, broken. */
export function promisesQuery(
  d: Db,
  orgId: string,
  fromDate: string,
  toDate: string,
  ownerId: string | null,
) {
  const where: (SQL | undefined)[] = [
    eq(commitments.orgId, orgId),
    gte(commitments.closedOn, fromDate),
    lte(commitments.closedOn, toDate),
    isNull(commitments.deletedAt),
    eq(commitments.side, 'ours'),
    isNotNull(commitments.closedOn),
    ownerId ? eq(commitments.ownerId, ownerId) : undefined,
  ];
  return d
    .select({
      ownerId: commitments.ownerId,
      name: users.name,
      onTime: sql<number>`sum(CASE WHEN ${commitments.state} = 'kept' AND ${commitments.closedOn} <= ${commitments.dueOn} THEN 1 ELSE 0 END)`,
      late: sql<number>`sum(CASE WHEN ${commitments.state} = 'kept' AND ${commitments.closedOn} > ${commitments.dueOn} THEN 1 ELSE 0 END)`,
      broken: sql<number>`sum(CASE WHEN ${commitments.state} = 'broken' THEN 1 ELSE 0 END)`,
    })
    .from(commitments)
    .leftJoin(users, and(eq(users.id, commitments.ownerId), eq(users.orgId, commitments.orgId)))
    .where(and(...where))
    .groupBy(commitments.ownerId);
}

export interface PlansPanel {
  counts: Record<HealthBand, number>;
  worst: Awaited<ReturnType<typeof worstHealthQuery>>;
  dropped: (Awaited<ReturnType<typeof bandChangesQuery>>[number] & { previousBand: HealthBand })[];
  escalated: Awaited<ReturnType<typeof escalatedQuery>>;
  promises: { ownerId: string | null; name: string | null; onTime: number; late: number; broken: number }[];
}

/** The plans panel for the period [from, to) (`fromDate`–`toDate` as days), optionally one person's. */
export async function plansPanel(
  d: Db,
  orgId: string,
  period: { from: string; to: string; fromDate: string; toDate: string; userId: string | null },
): Promise<PlansPanel> {
  const who = period.userId;
  const [worst, counts, changes, escalated, promises] = await d.batch([
    worstHealthQuery(d, orgId, who),
    bandCountsQuery(d, orgId, who),
    bandChangesQuery(d, orgId, period.from, period.to, who),
    escalatedQuery(d, orgId, who),
    promisesQuery(d, orgId, period.fromDate, period.toDate, who),
  ]);
  const byBand: Record<HealthBand, number> = { healthy: 0, watch: 0, 'at-risk': 0 };
  for (const c of counts) byBand[c.band] = Number(c.n);
  return {
    counts: byBand,
    worst,
    dropped: changes
      .filter(
        (r): r is typeof r & { previousBand: HealthBand } =>
          r.previousBand !== null && bandDropped(r.previousBand, r.band),
      )
      .slice(0, PANEL_LIMIT),
    escalated,
    promises: promises
      .map((p) => ({
        ...p,
        onTime: Number(p.onTime ?? 0),
        late: Number(p.late ?? 0),
        broken: Number(p.broken ?? 0),
      }))
      .sort((a, b) => (a.name ?? '').localeCompare(b.name ?? '')),
  };
}
