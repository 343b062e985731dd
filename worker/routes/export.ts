import { and, desc, eq, isNull, lt, or } from 'drizzle-orm';
import { Hono } from 'hono';
import { InteractionFilterSchema } from '../../shared/schemas/index.ts';
import { requireRole } from '../auth/middleware.ts';
import { db } from '../db/client.ts';
import { toInteraction } from '../db/records.ts';
import { accounts, interactions, users } from '../db/schema.ts';
import type { AppEnv } from '../env.ts';
import { csvRow } from '../http/csv.ts';
import { query } from '../http/validate.ts';
import { filters } from './interactions.ts';

const PAGE = 500;

export const EXPORT_COLUMNS = [
  'id',
  'occurredAt',
  'userId',
  'userName',
  'accountId',
  'accountName',
  'kind',
  'tag',
  'title',
  'notes',
  'visibility',
  'awaitingReply',
  'followUpAt',
  'sourceSite',
  'sourceUrl',
  'contactIds',
  'createdAt',
  'updatedAt',
] as const;

/**
 * `GET /api/export/interactions.csv`: the interaction list's filters as RFC
 * 4180 CSV, newest first, streamed page by page. Private interactions keep
 * their tag, time and account but not their title, notes or source.
 */
export const exportRoutes = new Hono<AppEnv>().get(
  '/interactions.csv',
  requireRole('manager', 'admin'),
  async (c) => {
    const q = query(c, InteractionFilterSchema);
    const caller = c.get('caller');
    const d = db(c.env);
    const base = [...filters(caller, q), isNull(interactions.deletedAt)];
    let after: [string, string] | null = null;
    let done = false;
    const encoder = new TextEncoder();
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(encoder.encode(csvRow([...EXPORT_COLUMNS])));
      },
      async pull(controller) {
        if (done) return controller.close();
        const key = after;
        const rows = await d
          .select({ i: interactions, userName: users.name, accountName: accounts.name })
          .from(interactions)
          .leftJoin(users, and(eq(users.id, interactions.userId), eq(users.orgId, caller.orgId)))
          .leftJoin(accounts, and(eq(accounts.id, interactions.accountId), eq(accounts.orgId, caller.orgId)))
          .where(
            and(
              ...base,
              key
                ? or(
                    lt(interactions.occurredAt, key[0]),
                    and(eq(interactions.occurredAt, key[0]), lt(interactions.id, key[1])),
                  )
                : undefined,
            ),
          )
          .orderBy(desc(interactions.occurredAt), desc(interactions.id))
          .limit(PAGE);
        let chunk = '';
        for (const r of rows) {
          const x = toInteraction(r.i, caller.userId);
          chunk += csvRow([
            x.id,
            x.occurredAt,
            x.userId,
            r.userName,
            x.accountId,
            r.accountName,
            x.kind,
            x.tag,
            x.title,
            x.notes,
            x.visibility,
            x.awaitingReply,
            x.followUpAt,
            x.source.site,
            x.source.url,
            x.contactIds.join(';'),
            x.createdAt,
            x.updatedAt,
          ]);
        }
        if (chunk) controller.enqueue(encoder.encode(chunk));
        const last = rows[rows.length - 1];
        if (rows.length < PAGE || !last) done = true;
        else after = [last.i.occurredAt, last.i.id];
      },
    });
    const day = new Date().toISOString().slice(0, 10);
    return c.body(stream, 200, {
      'content-type': 'text/csv; charset=utf-8; header=present',
      'content-disposition': `attachment; filename="interactions-${day}.csv"`,
      'cache-control': 'no-store',
    });
  },
);
