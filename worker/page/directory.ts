import { and, eq, isNull, type SQL, sql } from 'drizzle-orm';
import { StakeholderSchema, TierSchema } from '../../shared/schemas/index.ts';
import type { Db } from '../db/client.ts';
import { accounts } from '../db/schema.ts';
import { decodeCursor, encodeCursor } from '../http/cursor.ts';
import { type Band, cadenceScoreSql } from './cadence.ts';

// The account directory (`/accounts`): filters, sorts and keyset pages over the org's
// accounts. Name and last-touch orders walk an index and read one page of rows; the
// health order and band filter are computed from each account's cadence clock, so they
// read the org's live accounts through the (org_id, name) index (5,000 accounts: see
// `npm run bench`). When plans bring a stored health score, that order gets its own index.

export const DIRECTORY_PAGE_SIZE = 50;
/** The count above the list stops here, so it never reads more than this many rows. */
export const COUNT_CAP = 1000;

export const SORTS = [
  { id: 'name', label: 'Name, A to Z' },
  { id: 'touch-oldest', label: 'Last touch, longest ago first' },
  { id: 'touch-newest', label: 'Last touch, most recent first' },
  { id: 'health', label: 'Health, worst first' },
] as const;
export type SortId = (typeof SORTS)[number]['id'];

export interface DirectoryQuery {
  q: string;
  tier: 'strategic' | 'tactical' | '';
  stakeholder: 'customer' | 'supplier' | 'partner' | 'employee' | 'other' | '';
  /** A user id, `none` for unowned accounts, or '' for everyone's. */
  owner: string;
  band: Band | '';
  sort: SortId;
  /** Keyset cursor: the page after this key, or before it. */
  after: string | null;
  before: string | null;
  /** 1-based position of the page's first row, for "51–100"; display only. */
  start: number;
}

const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const BANDS: readonly Band[] = ['healthy', 'watch', 'at-risk'];

/** Reads the directory's query string; anything unknown falls back to its default instead of failing. */
export function parseDirectoryQuery(raw: Record<string, string | undefined>): DirectoryQuery {
  const q = (raw.q ?? '').trim().slice(0, 100);
  const tier = TierSchema.safeParse(raw.tier);
  const stakeholder = StakeholderSchema.safeParse(raw.stakeholder);
  const owner = raw.owner === 'none' || UUID_RE.test(raw.owner ?? '') ? raw.owner!.toLowerCase() : '';
  const band = BANDS.find((b) => b === raw.band) ?? '';
  const sort = SORTS.find((s) => s.id === raw.sort)?.id ?? 'name';
  const cursor = (v: string | undefined) => (v && v.length <= 1000 ? v : null);
  const start = Number.parseInt(raw.start ?? '1', 10);
  return {
    q,
    tier: tier.success ? tier.data : '',
    stakeholder: stakeholder.success ? stakeholder.data : '',
    owner,
    band,
    sort,
    after: cursor(raw.after),
    before: raw.after ? null : cursor(raw.before),
    start: Number.isSafeInteger(start) && start > 0 ? start : 1,
  };
}

/** The query string of `q` with `changes` applied; empty values are left out. */
export function directoryHref(
  q: DirectoryQuery,
  changes: Partial<Record<keyof DirectoryQuery, unknown>> = {},
) {
  const merged = { ...q, ...changes } as Record<string, unknown>;
  const params = new URLSearchParams();
  for (const k of ['q', 'tier', 'stakeholder', 'owner', 'band', 'sort', 'after', 'before', 'start']) {
    const v = merged[k];
    if (v === '' || v === null || v === undefined) continue;
    if (k === 'sort' && v === 'name') continue;
    if (k === 'start' && v === 1) continue;
    params.set(k, String(v));
  }
  const s = params.toString();
  return s ? `/accounts?${s}` : '/accounts';
}

export interface DirectoryRow {
  id: string;
  name: string;
  tier: 'strategic' | 'tactical';
  stakeholder: 'customer' | 'supplier' | 'partner' | 'employee' | 'other';
  ownerId: string | null;
  domains: string[];
  lastInteractionAt: string | null;
  cadenceDays: number;
  score: number;
}

export interface DirectoryPage {
  rows: DirectoryRow[];
  /** Cursors for the neighbouring pages, null at either end. */
  next: string | null;
  prev: string | null;
  /** Matching accounts, counted up to {@link COUNT_CAP}. */
  total: number;
}

type Dir = 'asc' | 'desc';
interface SortKey {
  expr: SQL;
  dir: Dir;
  of: (r: DirectoryRow) => string | number;
}

/** The same expression the 0011 index is built on; it must stay textually equal to be used. */
const touchKey = sql`coalesce(${accounts.lastInteractionAt}, '')`;
const nameKey = sql`${accounts.name} COLLATE NOCASE`;

function sortKeys(sort: SortId, score: SQL): SortKey[] {
  const id: SortKey = { expr: sql`${accounts.id}`, dir: 'asc', of: (r) => r.id };
  const name: SortKey = { expr: nameKey, dir: 'asc', of: (r) => r.name };
  switch (sort) {
    case 'name':
      return [name, id];
    case 'touch-oldest':
      return [{ expr: touchKey, dir: 'asc', of: (r) => r.lastInteractionAt ?? '' }, id];
    case 'touch-newest':
      return [
        { expr: touchKey, dir: 'desc', of: (r) => r.lastInteractionAt ?? '' },
        { ...id, dir: 'desc' },
      ];
    case 'health':
      return [{ expr: score, dir: 'asc', of: (r) => r.score }, name, id];
  }
}

/** Rows strictly after `key` in the order of `keys` (or before it, with `reverse`). */
function keysetCondition(keys: SortKey[], key: (string | number)[], reverse: boolean): SQL {
  const ors: SQL[] = [];
  for (let i = 0; i < keys.length; i++) {
    const parts: SQL[] = [];
    for (let j = 0; j < i; j++) parts.push(sql`${keys[j]!.expr} = ${key[j]}`);
    const up = (keys[i]!.dir === 'asc') !== reverse;
    parts.push(up ? sql`${keys[i]!.expr} > ${key[i]}` : sql`${keys[i]!.expr} < ${key[i]}`);
    ors.push(sql`(${sql.join(parts, sql` AND `)})`);
  }
  // The OR alone is not an index range; this bound on the leading key is, so page N starts
  // its index walk at the key instead of at the org's first row.
  const first = keys[0]!;
  const bound =
    (first.dir === 'asc') !== reverse ? sql`${first.expr} >= ${key[0]}` : sql`${first.expr} <= ${key[0]}`;
  return sql`(${bound} AND (${sql.join(ors, sql` OR `)}))`;
}

function decodeKeyFor(keys: SortKey[], cursor: string | null): (string | number)[] | null {
  if (!cursor) return null;
  try {
    const parts = decodeCursor(cursor);
    return parts.length === keys.length ? parts : null;
  } catch {
    return null;
  }
}

/** The directory's two reads, built but not run: the page (with one extra row) and the capped count. */
export function directoryQueries(
  d: Db,
  orgId: string,
  q: DirectoryQuery,
  cadence: { strategic: number; tactical: number },
  now: Date,
  pageSize = DIRECTORY_PAGE_SIZE,
) {
  const score = cadenceScoreSql(cadence, now);
  const keys = sortKeys(q.sort, score);
  const filters: (SQL | undefined)[] = [eq(accounts.orgId, orgId), isNull(accounts.deletedAt)];
  if (q.q) {
    const needle = q.q.toLowerCase();
    const inDomains = /^[a-z0-9.-]+$/.test(needle)
      ? sql` OR instr(${accounts.domains}, ${needle}) > 0`
      : sql``;
    filters.push(sql`(instr(lower(${accounts.name}), ${needle}) > 0${inDomains})`);
  }
  if (q.tier) filters.push(eq(accounts.tier, q.tier));
  if (q.stakeholder) filters.push(eq(accounts.stakeholder, q.stakeholder));
  if (q.owner === 'none') filters.push(isNull(accounts.ownerId));
  else if (q.owner) filters.push(eq(accounts.ownerId, q.owner));
  if (q.band === 'healthy') filters.push(sql`${score} >= 70 AND ${score} <= 100`);
  else if (q.band === 'watch') filters.push(sql`${score} >= 40 AND ${score} < 70`);
  else if (q.band === 'at-risk') filters.push(sql`${score} < 40`);

  const afterKey = decodeKeyFor(keys, q.after);
  const beforeKey = afterKey ? null : decodeKeyFor(keys, q.before);
  const reverse = beforeKey !== null;
  const where = [...filters];
  if (afterKey) where.push(keysetCondition(keys, afterKey, false));
  if (beforeKey) where.push(keysetCondition(keys, beforeKey, true));
  const order = keys.map((k) => ((k.dir === 'asc') !== reverse ? sql`${k.expr} ASC` : sql`${k.expr} DESC`));
  const list = d
    .select({
      id: accounts.id,
      name: accounts.name,
      tier: accounts.tier,
      stakeholder: accounts.stakeholder,
      ownerId: accounts.ownerId,
      domains: accounts.domains,
      lastInteractionAt: accounts.lastInteractionAt,
      cadenceDays: sql<number>`coalesce(${accounts.cadenceDays}, CASE ${accounts.tier} WHEN 'strategic' THEN ${cadence.strategic} ELSE ${cadence.tactical} END)`,
      score: sql<number>`${score}`,
    })
    .from(accounts)
    .where(and(...where))
    .orderBy(...order)
    .limit(pageSize + 1);
  const count = d.select({ n: sql<number>`count(*)` }).from(
    d
      .select({ one: sql`1` })
      .from(accounts)
      .where(and(...filters))
      .limit(COUNT_CAP)
      .as('capped'),
  );
  return { list, count, keys, afterKey, reverse };
}

/**
 * One page of the directory. Every query is scoped to `orgId` and to live
 * accounts; a cursor that does not decode starts again from the first page.
 */
export async function directoryPage(
  d: Db,
  orgId: string,
  q: DirectoryQuery,
  cadence: { strategic: number; tactical: number },
  now: Date,
  pageSize = DIRECTORY_PAGE_SIZE,
): Promise<DirectoryPage> {
  const { list, count, keys, afterKey, reverse } = directoryQueries(d, orgId, q, cadence, now, pageSize);
  const [found, counted] = await d.batch([list, count]);
  const more = found.length > pageSize;
  const rows = found.slice(0, pageSize);
  if (reverse) rows.reverse();
  const first = rows[0];
  const last = rows[rows.length - 1];
  const keyOf = (r: DirectoryRow) => encodeCursor(keys.map((k) => k.of(r)));
  return {
    rows,
    // Going back, the extra row means there is an earlier page; going forward, a later one.
    next: last && (reverse || more) ? keyOf(last) : null,
    prev: first && (reverse ? more : afterKey !== null) ? keyOf(first) : null,
    total: counted[0]?.n ?? 0,
  };
}
