import { createExecutionContext, createScheduledController, waitOnExecutionContext } from 'cloudflare:test';
import { env } from 'cloudflare:workers';
import { uuidv7 } from '../../../shared/uuid.ts';
import worker from '../../../worker/index.ts';

// Data written straight to D1, as an import or another writer would leave it: each row takes a
// fresh org version, but no reminder is recomputed, so only the cron job can find it.

const T0 = '2026-09-01T09:00:00.000Z';
const version = '(SELECT version FROM orgs WHERE id = ?1)';
const bump = (orgId: string) =>
  env.DB.prepare('UPDATE orgs SET version = version + 1 WHERE id = ?1').bind(orgId);

export async function insertAccount(
  orgId: string,
  o: {
    id?: string;
    name?: string;
    tier?: 'strategic' | 'tactical';
    ownerId?: string | null;
    endsOn?: string | null;
  } = {},
) {
  const id = o.id ?? uuidv7();
  await env.DB.batch([
    bump(orgId),
    env.DB.prepare(
      `INSERT INTO accounts (id, org_id, name, domains, stakeholder, tier, owner_id, ends_on, notes, version, created_at, updated_at)
       VALUES (?2, ?1, ?3, '[]', 'customer', ?4, ?5, ?6, '', ${version}, ?7, ?7)`,
    ).bind(
      orgId,
      id,
      o.name ?? `Account ${id.slice(-4)}`,
      o.tier ?? 'tactical',
      o.ownerId ?? null,
      o.endsOn ?? null,
      T0,
    ),
  ]);
  return id;
}

export async function insertInteraction(
  orgId: string,
  userId: string,
  o: {
    id?: string;
    accountId?: string | null;
    occurredAt: string;
    tag?: 'strategic' | 'tactical';
    followUpAt?: string | null;
    awaitingReply?: boolean;
    title?: string;
  },
) {
  const id = o.id ?? uuidv7();
  await env.DB.batch([
    bump(orgId),
    env.DB.prepare(
      `INSERT INTO interactions (id, org_id, user_id, account_id, contact_ids, kind, tag, title, notes, occurred_at, source_site,
         follow_up_at, awaiting_reply, visibility, version, created_at, updated_at)
       VALUES (?2, ?1, ?3, ?4, '[]', 'email', ?5, ?6, '', ?7, 'manual', ?8, ?9, 'team', ${version}, ?7, ?7)`,
    ).bind(
      orgId,
      id,
      userId,
      o.accountId ?? null,
      o.tag ?? 'tactical',
      o.title ?? 'Order status',
      o.occurredAt,
      o.followUpAt ?? null,
      o.awaitingReply ? 1 : 0,
    ),
  ]);
  return id;
}

/** Runs the Worker's `scheduled` handler at `at`, as the Cron Trigger would, and waits for it. */
export async function runCron(at: string) {
  const controller = createScheduledController({ scheduledTime: new Date(at), cron: '*/15 * * * *' });
  const ctx = createExecutionContext();
  await worker.scheduled(controller, env, ctx);
  await waitOnExecutionContext(ctx);
}

export interface StoredReminder {
  id: string;
  user_id: string;
  account_id: string | null;
  interaction_id: string | null;
  rule: string;
  title: string;
  due_at: string;
  state: string;
  snoozed_until: string | null;
  closed_by: string | null;
  version: number;
  deleted_at: string | null;
}

/** Every reminder of an org, tombstones included, in a stable order. */
export async function remindersOf(orgId: string) {
  const rows = await env.DB.prepare('SELECT * FROM reminders WHERE org_id = ?1 ORDER BY rule, due_at, id')
    .bind(orgId)
    .all<StoredReminder>();
  return rows.results;
}
