import { and, inArray, isNull } from 'drizzle-orm';
import type { Db, Statement } from '../../db/client.ts';
import { accounts, contacts, interactions, reminders, teamWeights, users } from '../../db/schema.ts';
import { planReaders } from './plan-known.ts';

/**
 * How to read the rows that mutations refer to, one entry per map of {@link Known}.
 * Each select names its key column `id`; the rows land in `Known[name]` under it.
 *
 * Rows are read by id across orgs on purpose: a client-chosen id that another org
 * already holds must be refused, not overwritten. Only the owning org id and what the
 * permission checks need are read; nothing of a foreign row reaches the caller.
 */
export const readers = {
  interactions: (d: Db, ids: string[]) =>
    d
      .select({
        id: interactions.id,
        orgId: interactions.orgId,
        userId: interactions.userId,
        accountId: interactions.accountId,
        tag: interactions.tag,
        occurredAt: interactions.occurredAt,
        deletedAt: interactions.deletedAt,
      })
      .from(interactions)
      .where(inArray(interactions.id, ids)),
  accounts: (d: Db, ids: string[]) =>
    d
      .select({
        id: accounts.id,
        orgId: accounts.orgId,
        ownerId: accounts.ownerId,
        tier: accounts.tier,
        deletedAt: accounts.deletedAt,
      })
      .from(accounts)
      .where(inArray(accounts.id, ids)),
  contacts: (d: Db, ids: string[]) =>
    d.select({ id: contacts.id, orgId: contacts.orgId }).from(contacts).where(inArray(contacts.id, ids)),
  reminders: (d: Db, ids: string[]) =>
    d
      .select({ id: reminders.id, orgId: reminders.orgId, userId: reminders.userId })
      .from(reminders)
      .where(inArray(reminders.id, ids)),
  /** Live users only: an account's owner must be someone who can still sign in. */
  users: (d: Db, ids: string[]) =>
    d
      .select({ id: users.id, orgId: users.orgId })
      .from(users)
      .where(and(inArray(users.id, ids), isNull(users.deletedAt))),
  /** Keyed by org id: the org's learned tag-suggestion weights (worker/sync/learning.ts). */
  teamWeights: (d: Db, ids: string[]) =>
    d
      .select({
        id: teamWeights.orgId,
        corrections: teamWeights.corrections,
        terms: teamWeights.terms,
        version: teamWeights.version,
        createdAt: teamWeights.createdAt,
        updatedAt: teamWeights.updatedAt,
        deletedAt: teamWeights.deletedAt,
      })
      .from(teamWeights)
      .where(inArray(teamWeights.orgId, ids)),
  ...planReaders,
};

type RowOf<R> = R extends (d: Db, ids: string[]) => PromiseLike<(infer Row)[]> ? Row : never;

/** What the mutators know about existing rows, read once per push (or REST write) and kept current as it runs. */
export type Known = { [K in keyof typeof readers]: Map<string, RowOf<(typeof readers)[K]>> };

/** The keys a mutation needs read before it runs, by map of {@link Known}; nullish entries are skipped. */
export type Reads = Partial<Record<keyof Known, readonly (string | null | undefined)[]>>;

/** Bound parameters per read, under D1's limit of 100. */
const CHUNK = 90;

/** Reads every requested key in one D1 batch, so one round trip however many tables and chunks. */
export async function readKnown(d: Db, wanted: Reads[]): Promise<Known> {
  const keys = new Map<keyof Known, Set<string>>();
  for (const reads of wanted) {
    for (const [name, ids] of Object.entries(reads) as [keyof Known, Reads[keyof Known]][]) {
      const set = keys.get(name) ?? new Set<string>();
      for (const id of ids ?? []) if (typeof id === 'string') set.add(id);
      keys.set(name, set);
    }
  }
  const known = Object.fromEntries(Object.keys(readers).map((name) => [name, new Map()])) as Known;
  const reads: Statement[] = [];
  const sinks: (keyof Known)[] = [];
  for (const [name, set] of keys) {
    const ids = [...set];
    for (let i = 0; i < ids.length; i += CHUNK) {
      reads.push(readers[name](d, ids.slice(i, i + CHUNK)));
      sinks.push(name);
    }
  }
  if (reads.length > 0) {
    const results = (await d.batch(reads as [Statement, ...Statement[]])) as { id: string }[][];
    for (const [i, rows] of results.entries()) {
      const map = known[sinks[i]!] as Map<string, { id: string }>;
      for (const row of rows) map.set(row.id, row);
    }
  }
  return known;
}
