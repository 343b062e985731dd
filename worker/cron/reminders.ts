import { healthChunk } from '../plans/health-pass.ts';
import { PLAN_CRON } from '../plans/sql.ts';
import { type OrgInputs, orgInputs } from '../reminders/inputs.ts';
import { type RecomputeScope, type RecomputeStats, recompute } from '../reminders/recompute.ts';
import { CRON, READ } from '../reminders/sql.ts';
import { type CronState, type CronStateRow, fromRow, saveState } from './state.ts';
import { sweepDue } from './sweep.ts';

/** Tuning of {@link runReminderCron}. */
export interface CronOptions {
  /** Accounts per chunk (and per page of changed rows). Default 200. */
  chunkSize?: number;
  /**
   * No new chunk starts after this much time (ms) in the invocation. Default
   * 10 s: well inside a Cron Trigger's limits, as D1 waits do not count as CPU.
   */
  budgetMs?: number;
  /** Orgs read per page. Default 100. */
  orgPageSize?: number;
  clock?: () => number;
}

/** What one invocation did. */
export interface CronReport {
  orgs: number;
  chunks: number;
  accounts: number;
  upserts: number;
  closes: number;
  /** Reminders re-sent to clients because a snooze ended or they escalated. */
  touched: number;
  /** Conflicts whose level an SLA period raised. */
  escalated: number;
  /** Accounts whose health the daily pass recomputed. */
  healthAccounts: number;
  /** False when the budget ran out before every org was caught up; the next run continues. */
  complete: boolean;
}

/** The cron interval; each run recomputes the balance of one in `BALANCE_SLOTS` people, so everyone's hourly. */
const SLOT_MS = 15 * 60_000;
const BALANCE_SLOTS = 4;

interface Run {
  db: D1Database;
  now: Date;
  chunkSize: number;
  outOfTime: () => boolean;
  report: CronReport;
}

/**
 * The reminder Cron Trigger (design §6), run every 15 minutes at
 * `scheduledTime`. Per org, incrementally:
 *
 * 1. a sweep of reminders whose time came since the last run (ended snoozes,
 *    new escalations), so replicas pull the change;
 * 2. the weekly `balance` nudge (it depends on the clock, not on a write)
 *    of a quarter of the people, so each person's is recomputed hourly;
 * 3. a full pass over the accounts on the first run, or when the org's
 *    settings or people changed, resumable by account id;
 * 4. every account, interaction and plan record written since the watermark,
 *    in version order;
 * 5. (before 3) the accounts with a conflict whose SLA deadline has come, so
 *    its level rises and its ladder hears of it on time;
 * 6. once a UTC day, the health of every account with a plan or on the
 *    strategic tier, with the day's snapshot (health moves with the clock).
 *
 * Work happens in chunks of `chunkSize` accounts, each committed with the
 * advanced watermark in one batch, so the watermark only covers finished
 * work and an invocation that runs out of budget resumes where it stopped.
 * Every query is indexed (test/worker/reminders-plans.test.ts).
 */
export async function runReminderCron(
  db: D1Database,
  scheduledTime: number,
  options: CronOptions = {},
): Promise<CronReport> {
  const run = newRun(db, new Date(scheduledTime), options);
  const pageSize = options.orgPageSize ?? 100;
  let after = '';
  for (;;) {
    const page = await db.prepare(CRON.orgs).bind(after, pageSize).all<{ id: string; version: number }>();
    for (const org of page.results) {
      await runOrg(run, org);
      run.report.orgs++;
    }
    if (page.results.length < pageSize) break;
    after = page.results[page.results.length - 1]!.id;
  }
  return run.report;
}

function newRun(db: D1Database, now: Date, options: CronOptions): Run {
  const clock = options.clock ?? Date.now;
  const started = clock();
  const budgetMs = options.budgetMs ?? 10_000;
  return {
    db,
    now,
    chunkSize: options.chunkSize ?? 200,
    outOfTime: () => clock() - started > budgetMs,
    report: {
      orgs: 0,
      chunks: 0,
      accounts: 0,
      upserts: 0,
      closes: 0,
      touched: 0,
      escalated: 0,
      healthAccounts: 0,
      complete: true,
    },
  };
}

/**
 * One org's share of a cron run, now, outside the trigger: a settings change
 * calls it so the full pass it causes starts at once (and, for a small org,
 * finishes within `budgetMs`) instead of at the next trigger. What the budget
 * leaves undone the trigger resumes. A negative budget only starts the pass.
 */
export async function runOrgNow(
  db: D1Database,
  orgId: string,
  now: Date,
  options: CronOptions = {},
): Promise<CronReport> {
  const run = newRun(db, now, options);
  const org = await db.prepare('SELECT id, version FROM orgs WHERE id = ?1').bind(orgId).first<{
    id: string;
    version: number;
  }>();
  if (org) {
    await runOrg(run, org);
    run.report.orgs++;
  }
  return run.report;
}

async function runOrg(run: Run, org: { id: string; version: number }): Promise<void> {
  const { db, now } = run;
  const [stateRes, settingsRes, usersRes] = await db.batch([
    db.prepare(CRON.state).bind(org.id),
    db.prepare(READ.settings).bind(org.id),
    db.prepare(READ.users).bind(org.id),
  ]);
  const inputs = orgInputs(
    org.id,
    (settingsRes!.results[0] as { settings: string } | undefined)?.settings,
    usersRes!.results as { id: string; time_zone: string; working_hours: string | null }[],
  );
  let state = fromRow(stateRes!.results[0] as CronStateRow | undefined);

  // 1–2: cheap, and due every run, so they come before the budgeted passes.
  const sweep = await sweepDue(db, org.id, state.sweptAt, now, inputs.settings.escalationDays);
  run.report.touched += sweep.touched;
  const slot = Math.floor(+now / SLOT_MS) % BALANCE_SLOTS;
  const balanceIds = inputs.users
    .filter((_, i) => state.balanceAt === null || i % BALANCE_SLOTS === slot)
    .map((u) => u.id);
  state = { ...state, sweptAt: now.toISOString(), balanceAt: now.toISOString() };
  if (state.inputsHash !== inputs.hash && state.fullCursor === null) {
    state = { ...state, inputsHash: inputs.hash, fullCursor: '', fullTarget: org.version };
  }
  const extra = [...sweep.statements, saveState(db, org.id, state, now)];
  if (balanceIds.length) {
    add(run, await recompute(db, inputs, { balanceUserIds: balanceIds }, now, extra));
  } else {
    await db.batch(extra);
  }

  // Conflicts whose SLA deadline has come: escalated (and their people reminded) on time.
  await slaDue(run, inputs);
  while (state.fullCursor !== null && !run.outOfTime()) state = await fullChunk(run, inputs, state);
  while (state.fullCursor === null && state.watermark < org.version && !run.outOfTime()) {
    state = await changedChunk(run, inputs, state, org.version);
  }
  // Once a UTC day: every planned or strategic account's health, and the day's snapshot.
  const today = now.toISOString().slice(0, 10);
  while (state.healthDay !== today && !run.outOfTime())
    state = await healthDayChunk(run, inputs, state, today);
  if (state.fullCursor !== null || state.watermark < org.version || state.healthDay !== today)
    run.report.complete = false;
}

/** Page size of conflicts whose SLA deadline has come; any beyond wait for the next run. */
const SLA_DUE_LIMIT = 500;

async function slaDue(run: Run, inputs: OrgInputs): Promise<void> {
  const due = await run.db
    .prepare(PLAN_CRON.slaDue)
    .bind(inputs.orgId, run.now.toISOString(), SLA_DUE_LIMIT)
    .all<{ account_id: string }>();
  const ids = due.results.map((r) => r.account_id);
  for (let i = 0; i < ids.length && !run.outOfTime(); i += run.chunkSize) {
    add(run, await recompute(run.db, inputs, { accountIds: ids.slice(i, i + run.chunkSize) }, run.now));
    run.report.chunks++;
  }
}

async function healthDayChunk(
  run: Run,
  inputs: OrgInputs,
  state: CronState,
  today: string,
): Promise<CronState> {
  let next = state;
  const done = await healthChunk(run.db, inputs, state.healthCursor ?? '', run.now, (last) => {
    next =
      last === null ? { ...state, healthDay: today, healthCursor: null } : { ...state, healthCursor: last };
    return [saveState(run.db, inputs.orgId, next, run.now)];
  });
  run.report.healthAccounts += done.accounts;
  run.report.chunks++;
  return next;
}

function add(run: Run, stats: RecomputeStats) {
  run.report.accounts += stats.accounts;
  run.report.upserts += stats.upserts;
  run.report.closes += stats.closes;
  run.report.escalated += stats.escalated;
}

/** One chunk of a full pass: the next accounts by id, or, at the end, everyone's unassigned reminders. */
async function fullChunk(run: Run, inputs: OrgInputs, state: CronState): Promise<CronState> {
  const { db, now } = run;
  const page = await db
    .prepare(CRON.fullPage)
    .bind(inputs.orgId, state.fullCursor, run.chunkSize)
    .all<{ id: string }>();
  const ids = page.results.map((r) => r.id);
  const done = ids.length === 0;
  const next: CronState = done
    ? {
        ...state,
        fullCursor: null,
        fullTarget: null,
        watermark: Math.max(state.watermark, state.fullTarget ?? 0),
      }
    : { ...state, fullCursor: ids[ids.length - 1]! };
  let scope: RecomputeScope = { accountIds: ids };
  if (done) {
    // Departed people are no recipients, so recomputing them closes what they still had open.
    const departed = await db.prepare(READ.departedUsers).bind(inputs.orgId).all<{ id: string }>();
    const gone = departed.results.map((r) => r.id);
    scope = { unassignedUserIds: [...inputs.users.map((u) => u.id), ...gone], balanceUserIds: gone };
  }
  add(run, await recompute(db, inputs, scope, now, [saveState(db, inputs.orgId, next, now)]));
  run.report.chunks++;
  return next;
}

interface ChangedAccount {
  id: string;
  version: number;
}
interface ChangedPlanRecord {
  account_id: string;
  version: number;
}
interface ChangedInteraction {
  account_id: string | null;
  user_id: string;
  version: number;
}

/**
 * One chunk of changes since the watermark. Both lists are read in version
 * order; the chunk ends below the last version of any page that came back
 * full, so no version is ever half done when the watermark moves past it.
 */
async function changedChunk(run: Run, inputs: OrgInputs, state: CronState, upTo: number): Promise<CronState> {
  const { db, now, chunkSize } = run;
  const from = state.watermark;
  const read = async (to: number, limit: number) => {
    const q = (sql: string) => db.prepare(sql).bind(inputs.orgId, from, to, limit);
    const [a, i, p, l] = await db.batch([
      q(CRON.changedAccounts),
      q(CRON.changedInteractions),
      q(PLAN_CRON.changedRecords),
      q(PLAN_CRON.changedLedgers),
    ]);
    return {
      accounts: a!.results as ChangedAccount[],
      interactions: i!.results as ChangedInteraction[],
      plans: p!.results as ChangedPlanRecord[],
      ledgers: l!.results as ChangedPlanRecord[],
    };
  };
  let rows = await read(upTo, chunkSize);
  let bound = upTo;
  for (const list of [rows.accounts, rows.interactions, rows.plans, rows.ledgers]) {
    if (list.length === chunkSize) bound = Math.min(bound, list[list.length - 1]!.version - 1);
  }
  if (bound <= from) {
    // One version holds a whole page (a bulk write): take that version entire.
    bound = from + 1;
    rows = await read(bound, -1);
  }
  const accountIds = new Set<string>();
  const userIds = new Set<string>();
  for (const a of rows.accounts) if (a.version <= bound) accountIds.add(a.id);
  for (const p of [...rows.plans, ...rows.ledgers]) if (p.version <= bound) accountIds.add(p.account_id);
  for (const i of rows.interactions) {
    if (i.version > bound) continue;
    if (i.account_id === null) userIds.add(i.user_id);
    else accountIds.add(i.account_id);
  }
  const next: CronState = { ...state, watermark: bound };
  const scope = { accountIds: [...accountIds], unassignedUserIds: [...userIds] };
  add(run, await recompute(db, inputs, scope, now, [saveState(db, inputs.orgId, next, now)]));
  run.report.chunks++;
  return next;
}
