import { snoozeUntil } from '../../shared/reminders/index.ts';
import { MutationArgsSchemas, type MutationEnvelope } from '../../shared/schemas/index.ts';
import type { Caller } from '../env.ts';
import { parseSettings, toUser } from './inputs.ts';

const CALENDAR = `SELECT u.id, u.time_zone, u.working_hours, o.settings FROM users AS u JOIN orgs AS o ON o.id = u.org_id
  WHERE u.id = ?1 AND u.org_id = ?2`;

/**
 * Resolves every `reminder.snooze` in `mutations` to an explicit `until`
 * inside the caller's working hours (design §6): a preset (later today,
 * tomorrow morning, in 3 business days, next Monday) from `now` in their
 * zone, hours and the org's holidays; a chosen instant snapped to the next
 * working time. The mutator then stores a plain instant. Mutations that do
 * not parse are passed on untouched, for the mutator to reject.
 */
export async function resolveSnoozes<M extends Pick<MutationEnvelope, 'name' | 'args'>>(
  db: D1Database,
  caller: Pick<Caller, 'orgId' | 'userId'>,
  mutations: M[],
  now: Date = new Date(),
): Promise<M[]> {
  if (!mutations.some((m) => m.name === 'reminder.snooze')) return mutations;
  const row = await db
    .prepare(CALENDAR)
    .bind(caller.userId, caller.orgId)
    .first<{ id: string; time_zone: string; working_hours: string | null; settings: string }>();
  if (!row) return mutations;
  const user = toUser(row);
  const settings = parseSettings(row.settings);
  return mutations.map((m) => {
    if (m.name !== 'reminder.snooze') return m;
    const parsed = MutationArgsSchemas['reminder.snooze'].safeParse(m.args);
    if (!parsed.success) return m;
    const request = 'until' in parsed.data ? { until: parsed.data.until } : { preset: parsed.data.preset };
    const until = snoozeUntil(
      request,
      now,
      user.timeZone,
      user.workingHours ?? settings.workingHours,
      settings.holidays,
    );
    return { ...m, args: { id: parsed.data.id, until } };
  });
}
