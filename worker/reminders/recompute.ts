import {
  computeAccountReminders,
  computeBalanceReminderFromCounts,
  computeUnassignedReminders,
  type ExistingReminder,
  type ReconcileResult,
  type ReminderDraft,
  type ReminderInteraction,
  reconcile,
} from '../../shared/reminders/index.ts';
import { MS_PER_DAY } from '../../shared/time/index.ts';
import { type ClockedAccount, collectPlanInputs, planReads, planUpkeep } from '../plans/upkeep.ts';
import {
  type AccountRow,
  type InteractionRow,
  type OrgInputs,
  type ReminderRow,
  toAccount,
  toExisting,
  toInteraction,
} from './inputs.ts';
import { READ, WRITE } from './sql.ts';

/** What to recompute in one org. */
export interface RecomputeScope {
  /** Accounts: every rule but `balance`, for the account and its interactions. */
  accountIds?: readonly string[];
  /** People whose follow-ups and awaiting-replies without an account are recomputed. */
  unassignedUserIds?: readonly string[];
  /** People whose weekly `balance` nudge is recomputed. */
  balanceUserIds?: readonly string[];
}

/** What a recompute wrote. */
export interface RecomputeStats {
  accounts: number;
  drafts: number;
  upserts: number;
  closes: number;
  /** Conflicts whose level the SLA raised. */
  escalated: number;
}

/** Rows per write statement, and so per org version: a pull page never has to split a version. */
const ROWS_PER_VERSION = 100;

const rowsOf = <T>(r: D1Result | undefined) => (r?.results ?? []) as T[];

/**
 * Recomputes the reminders of `scope` at `now` and writes the difference in
 * one D1 batch that bumps the org version, so clients pull the changes. The
 * shared `reconcile` keeps every user-owned state (done, snoozed, dismissed),
 * and the write keeps it too if the user acted after our read. `extra`
 * statements (the cron job's watermark) commit in the same batch.
 *
 * Three round trips: the inputs, the stored reminders the drafts name, the write.
 */
export async function recompute(
  db: D1Database,
  org: OrgInputs,
  scope: RecomputeScope,
  now: Date,
  extra: D1PreparedStatement[] = [],
): Promise<RecomputeStats> {
  const { orgId, settings, users } = org;
  const accountIds = JSON.stringify([...new Set(scope.accountIds ?? [])]);
  const unassignedIds = JSON.stringify([...new Set(scope.unassignedUserIds ?? [])]);
  const balanceIds = [...new Set(scope.balanceUserIds ?? [])];
  const nowIso = now.toISOString();
  const windowStart = new Date(now.getTime() - settings.balance.windowDays * MS_PER_DAY).toISOString();

  const q = (sql: string, ...args: unknown[]) => db.prepare(sql).bind(orgId, ...args);
  const reads: D1PreparedStatement[] = [];
  const slot = (stmt: D1PreparedStatement | null) => (stmt ? reads.push(stmt) - 1 : -1);
  const hasAccounts = accountIds !== '[]';
  const hasUnassigned = unassignedIds !== '[]';
  const s = {
    accounts: slot(hasAccounts ? q(READ.accounts, accountIds) : null),
    flagged: slot(hasAccounts ? q(READ.flagged, accountIds) : null),
    latest: slot(hasAccounts ? q(READ.latest, accountIds) : null),
    latestStrategic: slot(hasAccounts ? q(READ.latestStrategic, accountIds) : null),
    accountReminders: slot(hasAccounts ? q(READ.accountReminders, accountIds) : null),
    unassigned: slot(hasUnassigned ? q(READ.unassigned, unassignedIds) : null),
    unassignedReminders: slot(
      hasUnassigned ? q(READ.userReminders, unassignedIds, '["follow-up","awaiting-reply"]') : null,
    ),
    balance: slot(
      balanceIds.length ? q(READ.balanceWindow, JSON.stringify(balanceIds), windowStart, nowIso) : null,
    ),
    balanceReminders: slot(
      balanceIds.length ? q(READ.userReminders, JSON.stringify(balanceIds), '["balance"]') : null,
    ),
  };
  // Plans (design §14, §15): what their reminders, escalations and health read, in the same round trip.
  const planSlot = hasAccounts ? reads.length : -1;
  if (hasAccounts) reads.push(...planReads(db, orgId, accountIds, now));
  const results = reads.length ? await db.batch(reads) : [];
  const read = <T>(i: number) => (i < 0 ? [] : rowsOf<T>(results[i]));

  const byAccount = new Map<string, Map<string, ReminderInteraction>>();
  for (const i of [
    ...read<InteractionRow>(s.flagged),
    ...read<InteractionRow>(s.latest),
    ...read<InteractionRow>(s.latestStrategic),
  ]) {
    if (i.account_id === null) continue;
    const list = byAccount.get(i.account_id) ?? new Map<string, ReminderInteraction>();
    byAccount.set(i.account_id, list);
    list.set(i.id, toInteraction(i));
  }
  const common = { users, settings, now };
  const drafts: ReminderDraft[] = [];
  const accountRows = read<AccountRow>(s.accounts);
  for (const row of accountRows) {
    const interactions = [...(byAccount.get(row.id)?.values() ?? [])];
    drafts.push(...computeAccountReminders({ ...common, account: toAccount(row), interactions }));
  }
  const clocked: ClockedAccount[] = accountRows.map((row) => ({
    ...toAccount(row),
    lastInteractionAt: row.last_interaction_at ?? null,
    lastStrategicAt: row.last_strategic_at ?? null,
  }));
  const plansUpkeep = hasAccounts
    ? planUpkeep(db, org, clocked, collectPlanInputs(results.slice(planSlot, planSlot + 7)), now, {
        interactions: new Map([...byAccount].map(([id, list]) => [id, [...list.values()]])),
      })
    : null;
  if (plansUpkeep) drafts.push(...plansUpkeep.drafts);
  if (hasUnassigned) {
    const interactions = read<InteractionRow>(s.unassigned).map(toInteraction);
    drafts.push(...computeUnassignedReminders({ ...common, interactions }));
  }
  if (balanceIds.length) {
    // Counted in SQL: a person's window can hold thousands of interactions.
    const counts = new Map(
      read<{ user_id: string; total: number; tactical: number }>(s.balance).map((r) => [r.user_id, r]),
    );
    for (const id of balanceIds) {
      const user = users.find((u) => u.id === id);
      if (!user) continue;
      const c = counts.get(id);
      const draft = computeBalanceReminderFromCounts({
        user,
        settings,
        now,
        counts: { total: c?.total ?? 0, tactical: c?.tactical ?? 0 },
      });
      if (draft) drafts.push(draft);
    }
  }

  const existing = new Map<string, ExistingReminder>();
  for (const i of [s.accountReminders, s.unassignedReminders, s.balanceReminders]) {
    for (const r of read<ReminderRow>(i)) existing.set(r.id, toExisting(r));
  }
  // Done, dismissed and tombstoned reminders are outside the active scope but still own their
  // state: read the ones a draft names, by primary key.
  const unseen = drafts.map((d) => d.id).filter((id) => !existing.has(id));
  if (unseen.length) {
    const named = await q(READ.remindersById, JSON.stringify(unseen)).all<ReminderRow>();
    for (const r of named.results) existing.set(r.id, toExisting(r));
  }

  const result = reconcile([...existing.values()], drafts, now, { escalationDays: settings.escalationDays });
  const writes = [
    ...(plansUpkeep?.conflictWrites ?? []),
    ...writeStatements(db, orgId, result, now, existing),
    ...(plansUpkeep?.healthWrites ?? []),
  ];
  if (writes.length || extra.length) await db.batch([...writes, ...extra]);
  return {
    accounts: accountRows.length,
    drafts: drafts.length,
    upserts: result.upserts.length,
    closes: result.closes.length,
    escalated: plansUpkeep?.escalated ?? 0,
  };
}

/** The statements that apply a reconcile result: each group of rows behind its own version bump. */
export function writeStatements(
  db: D1Database,
  orgId: string,
  result: ReconcileResult,
  now: Date,
  existing: ReadonlyMap<string, ExistingReminder> = new Map(),
): D1PreparedStatement[] {
  const nowIso = now.toISOString();
  const out: D1PreparedStatement[] = [];
  const bump = () => out.push(db.prepare(WRITE.bump).bind(orgId));
  for (let i = 0; i < result.upserts.length; i += ROWS_PER_VERSION) {
    const rows = result.upserts.slice(i, i + ROWS_PER_VERSION).map((u) => ({
      id: u.id,
      userId: u.userId,
      accountId: u.accountId,
      interactionId: u.interactionId,
      rule: u.rule,
      title: u.title,
      dueAt: u.dueAt,
      state: u.state,
      snoozedUntil: u.snoozedUntil,
      closedBy: u.closedBy,
    }));
    bump();
    out.push(db.prepare(WRITE.upsert).bind(orgId, nowIso, JSON.stringify(rows)));
  }
  for (let i = 0; i < result.closes.length; i += ROWS_PER_VERSION) {
    const part = result.closes.slice(i, i + ROWS_PER_VERSION);
    bump();
    const kept = part.filter((c) => c.wasDue || existing.get(c.id)?.state === 'snoozed').map((c) => c.id);
    const gone = part.filter((c) => !kept.includes(c.id)).map((c) => c.id);
    if (kept.length) out.push(db.prepare(WRITE.close).bind(orgId, nowIso, null, JSON.stringify(kept)));
    if (gone.length) out.push(db.prepare(WRITE.close).bind(orgId, nowIso, nowIso, JSON.stringify(gone)));
  }
  return out;
}
