import { and, asc, eq, inArray, isNull, lte, or, type SQL, sql } from 'drizzle-orm';
import type { Context } from 'hono';
import { Hono } from 'hono';
import {
  EmptyBodySchema,
  type MutationName,
  ReminderListQuerySchema,
  SnoozeRequestSchema,
} from '../../shared/schemas/index.ts';
import { type Db, db } from '../db/client.ts';
import { toReminder } from '../db/records.ts';
import { reminders } from '../db/schema.ts';
import type { AppEnv, Caller } from '../env.ts';
import { decodeKey, toPage } from '../http/paging.ts';
import { invalid, notFound, ProblemError, problem } from '../http/problem.ts';
import { jsonBody, query } from '../http/validate.ts';
import { resolveSnoozes } from '../reminders/snooze.ts';
import { applyOne } from '../sync/apply.ts';

/** When a reminder next needs attention: its snooze end if snoozed, else its due time. */
const effectiveDue = sql<string>`COALESCE(${reminders.snoozedUntil}, ${reminders.dueAt})`;

async function loadOwn(d: Db, caller: Caller, id: string) {
  const [row] = await d
    .select()
    .from(reminders)
    .where(
      and(
        eq(reminders.orgId, caller.orgId),
        eq(reminders.userId, caller.userId),
        eq(reminders.id, id),
        isNull(reminders.deletedAt),
      ),
    )
    .limit(1);
  if (!row) throw notFound('Reminder not found');
  return row;
}

/** `done` and `dismiss` take no body; an empty JSON object is accepted too. */
async function emptyBody(c: Context<AppEnv>): Promise<void> {
  const text = await c.req.text();
  if (text.trim() === '') return;
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    throw new ProblemError(
      problem('validation', 400, 'Malformed JSON', { detail: 'The body is not valid JSON.' }),
    );
  }
  const parsed = EmptyBodySchema.safeParse(raw);
  if (!parsed.success) throw invalid(parsed.error);
}

async function act(c: Context<AppEnv>, name: MutationName, args: Record<string, unknown>) {
  const caller = c.get('caller');
  const d = db(c.env);
  const id = c.req.param('id') ?? '';
  await loadOwn(d, caller, id);
  await applyOne(d, caller, name, { ...args, id });
  return c.json(toReminder(await loadOwn(d, caller, id)), 200);
}

/** The caller's own reminders (design §6) and their state changes, through the reminder.* mutators. */
export const reminderRoutes = new Hono<AppEnv>()
  .get('/', async (c) => {
    const q = query(c, ReminderListQuerySchema);
    const caller = c.get('caller');
    const now = new Date();
    const where: (SQL | undefined)[] = [
      eq(reminders.orgId, caller.orgId),
      eq(reminders.userId, caller.userId),
      isNull(reminders.deletedAt),
    ];
    if (q.state === 'active' || q.state === 'due') where.push(inArray(reminders.state, ['open', 'snoozed']));
    else if (q.state !== 'all') where.push(eq(reminders.state, q.state));
    if (q.state === 'due') where.push(lte(effectiveDue, now.toISOString()));
    if (q.accountId) where.push(eq(reminders.accountId, q.accountId));
    if (q.cursor) {
      const [at, id] = decodeKey(q.cursor, 2) as [string, string];
      where.push(
        or(sql`${effectiveDue} > ${at}`, and(sql`${effectiveDue} = ${at}`, sql`${reminders.id} > ${id}`)),
      );
    }
    const rows = await db(c.env)
      .select()
      .from(reminders)
      .where(and(...where))
      .orderBy(effectiveDue, asc(reminders.id))
      .limit(q.limit + 1);
    return c.json(
      toPage(
        rows,
        q.limit,
        (r) => toReminder(r, now),
        (r) => [r.snoozedUntil ?? r.dueAt, r.id],
      ),
      200,
    );
  })
  .post('/:id/done', async (c) => {
    await emptyBody(c);
    return act(c, 'reminder.done', {});
  })
  .post('/:id/dismiss', async (c) => {
    await emptyBody(c);
    return act(c, 'reminder.dismiss', {});
  })
  .post('/:id/snooze', async (c) => {
    const body = await jsonBody(c, SnoozeRequestSchema);
    const id = c.req.param('id');
    const [resolved] = await resolveSnoozes(c.env.DB, c.get('caller'), [
      { name: 'reminder.snooze' as const, args: { ...body, id } },
    ]);
    return act(c, 'reminder.snooze', resolved!.args as Record<string, unknown>);
  });
