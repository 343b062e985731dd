import { and, desc, eq, isNull } from 'drizzle-orm';
import { Hono } from 'hono';
import type { VNode } from 'preact';
import { render } from 'preact-render-to-string';
import { sessionCaller } from '../auth/middleware.ts';
import { db } from '../db/client.ts';
import { toInteraction } from '../db/records.ts';
import { accounts, interactions, users } from '../db/schema.ts';
import type { AppEnv } from '../env.ts';
import { InteractionsList } from '../page/InteractionsList.tsx';
import { Layout } from '../page/Layout.tsx';

const html = (vnode: VNode) => `<!doctype html>${render(vnode)}`;

/** The manager's summary page at `/`, server-rendered, no client JavaScript needed. */
export const page = new Hono<AppEnv>().get('/', async (c) => {
  c.header(
    'content-security-policy',
    "default-src 'none'; style-src 'unsafe-inline'; img-src 'self' data:; form-action 'self'; frame-ancestors 'none'; base-uri 'none'",
  );
  c.header('cache-control', 'no-store');
  const caller = await sessionCaller(c);
  if (!caller) {
    return c.html(
      html(
        <Layout title="Sign in">
          <h1>Sign in to Rapport</h1>
          <p>
            Open the Rapport extension and choose <em>Open team summary</em>. It signs this browser in with a
            one-time link.
          </p>
        </Layout>,
      ),
      401,
    );
  }
  if (caller.role === 'member') {
    return c.html(
      html(
        <Layout title="Managers only" signedIn>
          <h1>The team summary is for managers and admins</h1>
          <p>
            Your own log and reminders are in the Rapport side panel. Ask an admin if you need manager access.
          </p>
        </Layout>,
      ),
      403,
    );
  }
  const rows = await db(c.env)
    .select({ i: interactions, authorName: users.name, accountName: accounts.name })
    .from(interactions)
    .innerJoin(users, eq(users.id, interactions.userId))
    .leftJoin(accounts, and(eq(accounts.id, interactions.accountId), eq(accounts.orgId, caller.orgId)))
    .where(and(eq(interactions.orgId, caller.orgId), isNull(interactions.deletedAt)))
    .orderBy(desc(interactions.occurredAt))
    .limit(200);
  const items = rows.map((r) => ({
    ...toInteraction(r.i, caller.userId),
    authorName: r.authorName,
    accountName: r.accountName,
  }));
  return c.html(
    html(
      <Layout title="Team summary" signedIn>
        <h1>Team interactions</h1>
        <InteractionsList items={items} />
      </Layout>,
    ),
    200,
  );
});
