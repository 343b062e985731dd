import { and, asc, eq, gt } from 'drizzle-orm';
import type { SQLiteColumn } from 'drizzle-orm/sqlite-core';
import { MAX_PULL_ROWS, type PullResponse } from '../../shared/schemas/index.ts';
import type { Db, Statement } from '../db/client.ts';
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
  measurements,
  milestones,
  objectives,
  plans,
  responsibilities,
  reviews,
} from '../db/plans-schema.ts';
import { toAccount, toContact, toInteraction, toReminder, toTeamWeights } from '../db/records.ts';
import { accounts, contacts, interactions, reminders, syncClients, teamWeights } from '../db/schema.ts';
import type { Caller } from '../env.ts';

type Page = Omit<PullResponse, 'cookie' | 'lastMutationId' | 'hasMore' | 'teamWeights'>;

/** One list of a pull: its rows newer than the cookie, in version order, and their wire form. */
interface Source<K extends keyof Page> {
  key: K;
  read: (d: Db, caller: Caller, cookie: number, limit: number) => Statement;
  map: (row: never, caller: Caller, now: Date) => Page[K][number];
}

const orgWide =
  <T extends { orgId: SQLiteColumn; version: SQLiteColumn }>(t: T) =>
  (d: Db, caller: Caller, cookie: number, limit: number) =>
    d
      .select()
      .from(t as never)
      .where(and(eq(t.orgId, caller.orgId), gt(t.version, cookie)))
      .orderBy(asc(t.version))
      .limit(limit) as unknown as Statement;

const own =
  <T extends { orgId: SQLiteColumn; userId: SQLiteColumn; version: SQLiteColumn }>(t: T) =>
  (d: Db, caller: Caller, cookie: number, limit: number) =>
    d
      .select()
      .from(t as never)
      .where(and(eq(t.orgId, caller.orgId), eq(t.userId, caller.userId), gt(t.version, cookie)))
      .orderBy(asc(t.version))
      .limit(limit) as unknown as Statement;

const source = <K extends keyof Page>(s: Source<K>) => s as unknown as Source<keyof Page>;

/**
 * What each replica holds (design §5, §14): the org's directory and all of its relationship
 * plans, the caller's own interactions and reminders.
 */
const SOURCES: Source<keyof Page>[] = [
  source({ key: 'accounts', read: orgWide(accounts), map: toAccount }),
  source({ key: 'contacts', read: orgWide(contacts), map: toContact }),
  source({
    key: 'interactions',
    read: own(interactions),
    map: (r: typeof interactions.$inferSelect, caller) => toInteraction(r, caller.userId),
  }),
  source({
    key: 'reminders',
    read: own(reminders),
    map: (r: typeof reminders.$inferSelect, _caller, now) => toReminder(r, now),
  }),
  source({ key: 'plans', read: orgWide(plans), map: toPlan }),
  source({ key: 'objectives', read: orgWide(objectives), map: toObjective }),
  source({ key: 'measurements', read: orgWide(measurements), map: toMeasurement }),
  source({ key: 'reviews', read: orgWide(reviews), map: toReview }),
  source({ key: 'milestones', read: orgWide(milestones), map: toMilestone }),
  source({ key: 'responsibilities', read: orgWide(responsibilities), map: toResponsibility }),
  source({ key: 'commitments', read: orgWide(commitments), map: toCommitment }),
  source({ key: 'conflicts', read: orgWide(conflicts), map: toConflict }),
];

/**
 * Rows in the caller's scope changed since `cookie`, in version order, at most
 * MAX_PULL_ROWS a page (a page never splits one version), tombstones included.
 * Scope: the org's directory and relationship plans, the caller's own
 * interactions and reminders, and the org's learned tag-suggestion weights
 * (one record).
 */
export async function pull(
  d: Db,
  caller: Caller,
  clientId: string,
  cookie: number,
  now = new Date(),
): Promise<PullResponse> {
  const limit = MAX_PULL_ROWS + 1;
  const { orgId, userId } = caller;
  // One batch, so one snapshot: separate reads could straddle a write and skip a version for good.
  const results = (await d.batch([
    d
      .select({ last: syncClients.lastMutationId, userId: syncClients.userId })
      .from(syncClients)
      .where(and(eq(syncClients.clientId, clientId), eq(syncClients.orgId, orgId)))
      .limit(1),
    d
      .select()
      .from(teamWeights)
      .where(and(eq(teamWeights.orgId, orgId), gt(teamWeights.version, cookie)))
      .limit(1),
    ...SOURCES.map((s) => s.read(d, caller, cookie, limit)),
  ] as [Statement, ...Statement[]])) as unknown[][];
  const [client, weightRows, ...lists] = results as [
    { last: number; userId: string }[],
    (typeof teamWeights.$inferSelect)[],
    ...{ version: number }[][],
  ];

  // Merge the version-ordered lists and cut at a version boundary.
  const versions = [...lists.flat(), ...weightRows].map((r) => r.version).sort((a, b) => a - b);
  let hasMore = false;
  let upTo = Number.POSITIVE_INFINITY;
  if (versions.length > MAX_PULL_ROWS) {
    hasMore = true;
    upTo = versions[MAX_PULL_ROWS - 1]!;
    // Any list that hit its own limit may hold more rows at or below upTo; stop below its last row.
    for (const rows of lists) {
      if (rows.length === limit) upTo = Math.min(upTo, rows[rows.length - 1]!.version - 1);
    }
    upTo = Math.max(upTo, cookie + 1);
  }
  const page = {} as Record<keyof Page, unknown[]>;
  let newCookie = cookie;
  let returned = 0;
  for (const [i, s] of SOURCES.entries()) {
    const kept = lists[i]!.filter((r) => r.version <= upTo);
    for (const r of kept) newCookie = Math.max(newCookie, r.version);
    returned += kept.length;
    page[s.key] = kept.map((r) => s.map(r as never, caller, now));
  }
  const weights = weightRows.filter((r) => r.version <= upTo).map(toTeamWeights)[0] ?? null;
  if (weights) {
    newCookie = Math.max(newCookie, weights.version);
    returned++;
  }
  if (!hasMore) hasMore = versions.length > returned;
  const mine = client[0]?.userId === userId ? client[0] : undefined;
  return {
    cookie: newCookie,
    lastMutationId: mine?.last ?? 0,
    hasMore,
    ...(page as unknown as Page),
    teamWeights: weights,
  };
}
