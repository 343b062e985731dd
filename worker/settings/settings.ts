// The org's settings (design §6, §13): read them with every default filled in, change them
// (admin), and tell whether the reminder recompute a change causes is still running. Plain
// functions of (db, caller, input, now) that throw ProblemError, shared by the REST routes and
// the web page's forms.
//
// The org's JSON column keeps only what was set, so a default that changes in a later version
// reaches every org that never overrode it; keys this version does not know are kept as they are.

import {
  mergeSettingsPatch,
  type OrgSettings,
  type OrgSettingsPatch,
  OrgSettingsSchema,
  type SettingsResponse,
} from '../../shared/schemas/index.ts';
import { runOrgNow } from '../cron/reminders.ts';
import type { CronStateRow } from '../cron/state.ts';
import { fromRow } from '../cron/state.ts';
import type { Caller } from '../env.ts';
import { forbidden, notFound, ProblemError, problem, zodIssues } from '../http/problem.ts';
import { orgInputs, parseSettings } from '../reminders/inputs.ts';
import { CRON, READ } from '../reminders/sql.ts';

/**
 * How long `updateSettings` works on the recompute before answering; a
 * small org's full pass fits. The cron trigger resumes what is left.
 */
export const RECOMPUTE_BUDGET_MS = 1_000;
const ATTEMPTS = 3;

interface UserRow {
  id: string;
  time_zone: string;
  working_hours: string | null;
}

/** The stored column, its parsed settings, and whether the cron's full pass is behind them. */
async function read(db: D1Database, orgId: string) {
  const [org, people, state] = await db.batch([
    db.prepare(READ.settings).bind(orgId),
    db.prepare(READ.users).bind(orgId),
    db.prepare(CRON.state).bind(orgId),
  ]);
  const row = (org!.results as { settings: string }[])[0];
  if (!row) throw notFound('Organisation not found');
  const inputs = orgInputs(orgId, row.settings, people!.results as UserRow[]);
  const cron = state!.results[0] ? fromRow(state!.results[0] as CronStateRow) : null;
  // An org the cron has never seen has nothing recomputed with other settings; the first run covers it.
  const running = cron !== null && (cron.fullCursor !== null || cron.inputsHash !== inputs.hash);
  return { stored: row.settings, settings: inputs.settings, running };
}

/** The settings as the org stores them: only what was set. A malformed column counts as empty. */
function storedObject(text: string): Record<string, unknown> {
  try {
    const parsed: unknown = JSON.parse(text);
    return typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed)
      ? (parsed as Record<string, unknown>)
      : {};
  } catch {
    return {};
  }
}

/** `GET /api/settings` (every member): all settings, and whether the recompute is still running. */
export async function getSettings(db: D1Database, caller: Caller): Promise<SettingsResponse> {
  const { settings, running } = await read(db, caller.orgId);
  return { settings, recompute: { running } };
}

/** Whether the reminders still reflect earlier settings or people (the cron's full pass is due or running). */
export async function recomputeRunning(db: D1Database, orgId: string): Promise<boolean> {
  return (await read(db, orgId)).running;
}

/** The org's settings, parsed with every default; a malformed column gives the defaults. */
export async function orgSettings(db: D1Database, orgId: string): Promise<OrgSettings> {
  const row = await db.prepare(READ.settings).bind(orgId).first<{ settings: string }>();
  return parseSettings(row?.settings);
}

/**
 * `PATCH /api/settings` (admin): applies a partial settings object (already
 * validated strictly with `OrgSettingsPatchSchema`), checks the merged result
 * as a whole (400 with the issues' paths), stores it, and starts the reminder
 * cron's full pass over the org, working on it for up to `recomputeBudgetMs`.
 * A concurrent change to other settings is never lost: the write only lands
 * on the column it read.
 */
export async function updateSettings(
  db: D1Database,
  caller: Caller,
  patch: OrgSettingsPatch,
  now: Date,
  options: { recomputeBudgetMs?: number } = {},
): Promise<SettingsResponse> {
  if (caller.role !== 'admin') throw forbidden('Only an admin changes the settings.');
  for (let attempt = 1; ; attempt++) {
    const { stored } = await read(db, caller.orgId);
    const merged = mergeSettingsPatch(storedObject(stored), patch);
    const parsed = OrgSettingsSchema.safeParse(merged);
    if (!parsed.success)
      throw new ProblemError(
        problem('validation', 400, 'Invalid settings', { issues: zodIssues(parsed.error) }),
      );
    const at = now.toISOString();
    const [written] = await db.batch([
      db
        .prepare(
          'UPDATE orgs SET settings = ?2, updated_at = ?3 WHERE id = ?1 AND settings = ?4 RETURNING id',
        )
        .bind(caller.orgId, JSON.stringify(merged), at, stored),
      db
        .prepare(
          "INSERT INTO audit_log (org_id, actor_id, action, target, detail, at) SELECT ?1, ?2, 'settings.update', ?1, ?3, ?4 WHERE changes() > 0",
        )
        .bind(caller.orgId, caller.userId, JSON.stringify({ fields: Object.keys(patch) }), at),
    ]);
    if (written!.results.length > 0) break;
    if (attempt >= ATTEMPTS)
      throw new ProblemError(problem('conflict', 409, 'Concurrent change', { detail: 'Retry the request.' }));
  }
  try {
    await runOrgNow(db, caller.orgId, now, { budgetMs: options.recomputeBudgetMs ?? RECOMPUTE_BUDGET_MS });
  } catch (err) {
    console.error('starting the reminder recompute after a settings change failed; the cron will', err);
  }
  return getSettings(db, caller);
}
