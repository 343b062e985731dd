import { and, asc, eq, gt } from 'drizzle-orm';
import { MAX_PULL_ROWS, type PullResponse } from '../../shared/schemas/index.ts';
import type { Db } from '../db/client.ts';
import { toAccount, toContact, toInteraction, toReminder, toTeamWeights } from '../db/records.ts';
import { accounts, contacts, interactions, reminders, syncClients, teamWeights } from '../db/schema.ts';
import type { Caller } from '../env.ts';

/**
 * Rows in the caller's scope changed since `cookie`, in version order, at most
 * MAX_PULL_ROWS a page (a page never splits one version), tombstones included.
 * Scope: the org's directory, the caller's own interactions and reminders, and
 * the org's learned tag-suggestion weights (one record).
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
  const [accountRows, contactRows, interactionRows, reminderRows, weightRows, client] = await d.batch([
    d
      .select()
      .from(accounts)
      .where(and(eq(accounts.orgId, orgId), gt(accounts.version, cookie)))
      .orderBy(asc(accounts.version))
      .limit(limit),
    d
      .select()
      .from(contacts)
      .where(and(eq(contacts.orgId, orgId), gt(contacts.version, cookie)))
      .orderBy(asc(contacts.version))
      .limit(limit),
    d
      .select()
      .from(interactions)
      .where(
        and(eq(interactions.orgId, orgId), eq(interactions.userId, userId), gt(interactions.version, cookie)),
      )
      .orderBy(asc(interactions.version))
      .limit(limit),
    d
      .select()
      .from(reminders)
      .where(and(eq(reminders.orgId, orgId), eq(reminders.userId, userId), gt(reminders.version, cookie)))
      .orderBy(asc(reminders.version))
      .limit(limit),
    d
      .select()
      .from(teamWeights)
      .where(and(eq(teamWeights.orgId, orgId), gt(teamWeights.version, cookie)))
      .limit(1),
    d
      .select({ last: syncClients.lastMutationId, userId: syncClients.userId })
      .from(syncClients)
      .where(and(eq(syncClients.clientId, clientId), eq(syncClients.orgId, orgId)))
      .limit(1),
  ]);

  // Merge the version-ordered lists and cut at a version boundary.
  const versions = [...accountRows, ...contactRows, ...interactionRows, ...reminderRows, ...weightRows]
    .map((r) => r.version)
    .sort((a, b) => a - b);
  let hasMore = false;
  let upTo = Number.POSITIVE_INFINITY;
  if (versions.length > MAX_PULL_ROWS) {
    hasMore = true;
    upTo = versions[MAX_PULL_ROWS - 1]!;
    // Any list that hit its own limit may hold more rows at or below upTo; stop below its last row.
    for (const rows of [accountRows, contactRows, interactionRows, reminderRows]) {
      if (rows.length === limit) upTo = Math.min(upTo, rows[rows.length - 1]!.version - 1);
    }
    upTo = Math.max(upTo, cookie + 1);
  }
  const keep = <T extends { version: number }>(rows: T[]) => rows.filter((r) => r.version <= upTo);
  const page = {
    accounts: keep(accountRows).map(toAccount),
    contacts: keep(contactRows).map(toContact),
    interactions: keep(interactionRows).map((r) => toInteraction(r, userId)),
    reminders: keep(reminderRows).map((r) => toReminder(r, now)),
    teamWeights: keep(weightRows).map(toTeamWeights)[0] ?? null,
  };
  const returned = [
    ...page.accounts,
    ...page.contacts,
    ...page.interactions,
    ...page.reminders,
    ...(page.teamWeights ? [page.teamWeights] : []),
  ];
  const newCookie = returned.reduce((max, r) => Math.max(max, r.version), cookie);
  if (!hasMore) hasMore = versions.length > returned.length;
  const own = client[0]?.userId === userId ? client[0] : undefined;
  return { cookie: newCookie, lastMutationId: own?.last ?? 0, hasMore, ...page };
}
