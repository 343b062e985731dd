import { env } from 'cloudflare:workers';
import { describe, it } from 'vitest';
import { uuidv7 } from '../../../shared/uuid.ts';
import { db } from '../../../worker/db/client.ts';
import type { Caller } from '../../../worker/env.ts';
import { pull } from '../../../worker/sync/pull.ts';
import { push } from '../../../worker/sync/push.ts';
import { createOrg, interaction } from '../helpers.ts';
import { report, time } from './report.ts';

const RUNS = 15;

async function admin(): Promise<Caller> {
  const { org, user } = await createOrg();
  return { orgId: org.id, userId: user.id, role: 'admin', tokenId: 'bench' };
}

describe('sync benchmarks', () => {
  it('push of 100 mutations vs raw D1 inserts of the same rows', async () => {
    const caller = await admin();
    const d = db(env);
    const accountIds = Array.from({ length: 5 }, () => uuidv7());
    await push(d, caller, {
      clientId: uuidv7(),
      mutations: accountIds.map((id, i) => ({
        id: i + 1,
        name: 'account.put',
        args: {
          id,
          name: `Account ${i}`,
          domains: [],
          stakeholder: 'customer',
          tier: 'strategic',
          cadenceDays: null,
          ownerId: null,
          startsOn: null,
          endsOn: null,
          notes: '',
        },
      })),
    });
    const batchOf = () =>
      Array.from({ length: 100 }, (_, i) =>
        interaction({
          accountId: i % 2 ? accountIds[i % 5]! : null,
          tag: i % 3 ? 'tactical' : 'strategic',
          occurredAt: new Date(Date.UTC(2026, 10, 1 + (i % 28), 9 + (i % 8))).toISOString(),
        }),
      );
    const pushes = await time(RUNS, async () => {
      const mutations = batchOf().map((args, i) => ({ id: i + 1, name: 'interaction.put' as const, args }));
      await push(d, caller, { clientId: uuidv7(), mutations });
    });
    const insert = env.DB.prepare(
      `INSERT INTO interactions (id, org_id, user_id, account_id, contact_ids, kind, tag, title, notes, occurred_at,
        source_site, source_ref, source_url, follow_up_at, awaiting_reply, visibility, version, created_at, updated_at)
       VALUES (?, ?, ?, ?, '[]', ?, ?, ?, ?, ?, ?, ?, ?, NULL, 0, 'team', 1, ?, ?)`,
    );
    const raw = await time(RUNS, async () => {
      const now = new Date().toISOString();
      await env.DB.batch(
        batchOf().map((a) =>
          insert.bind(
            a.id,
            caller.orgId,
            caller.userId,
            a.accountId,
            a.kind,
            a.tag,
            a.title,
            a.notes,
            a.occurredAt,
            a.source.site,
            a.source.ref,
            a.source.url,
            now,
            now,
          ),
        ),
      );
    });
    report({ key: 'push-100', samples: pushes });
    report({ key: 'raw-insert-100', samples: raw });
  });

  it('pull of 10k interactions', async () => {
    const caller = await admin();
    const n = 10_000;
    await env.DB.prepare(
      `WITH RECURSIVE seq(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM seq WHERE n < ?1)
       INSERT INTO interactions (id, org_id, user_id, account_id, contact_ids, kind, tag, title, notes, occurred_at,
         source_site, source_ref, source_url, awaiting_reply, visibility, version, created_at, updated_at)
       SELECT printf('%08x-0000-7000-8000-%012x', n, n), ?2, ?3, NULL, '[]', 'email',
         CASE WHEN n % 3 = 0 THEN 'strategic' ELSE 'tactical' END, 'Interaction ' || n, 'Some notes about it.',
         strftime('%Y-%m-%dT%H:%M:%fZ', '2026-11-01', '-' || (n % 365) || ' days'), 'gmail', 'thread-' || n,
         'https://mail.google.com/mail/u/0/#inbox/' || n, 0, 'team', n, '2026-11-01T00:00:00.000Z', '2026-11-01T00:00:00.000Z'
       FROM seq`,
    )
      .bind(n, caller.orgId, caller.userId)
      .run();
    await env.DB.prepare('UPDATE orgs SET version = ? WHERE id = ?').bind(n, caller.orgId).run();
    const d = db(env);
    const clientId = uuidv7();
    let pages = 0;
    const samples = await time(
      5,
      async () => {
        let cookie = 0;
        let got = 0;
        pages = 0;
        for (;;) {
          const page = await pull(d, caller, clientId, cookie);
          got += page.interactions.length;
          cookie = page.cookie;
          pages++;
          if (!page.hasMore) break;
        }
        if (got !== n) throw new Error(`pulled ${got} of ${n}`);
      },
      1,
    );
    report({ key: 'pull-10k', samples, extra: { pages } });
  });
});
