import { Hono } from 'hono';
import { db } from '../db/client.ts';
import { toAccount } from '../db/records.ts';
import type { AppEnv } from '../env.ts';
import { AccountView } from '../page/AccountView.tsx';
import { cadenceHealth } from '../page/cadence.ts';
import { peopleCsv, weeksCsv } from '../page/csv.ts';
import { page as render } from '../page/html.ts';
import { NotFoundPage } from '../page/Messages.tsx';
import { PersonView } from '../page/PersonView.tsx';
import { parsePeriod } from '../page/period.ts';
import {
  accountTimeline,
  activeReminders,
  cadenceDefaults,
  findAccount,
  findPerson,
  recentInteractions,
  teamPeople,
} from '../page/queries.ts';
import { pageViewer } from '../page/session.tsx';
import { PAGE_CSS, PAGE_CSS_VERSION } from '../page/styles.ts';
import { TeamView } from '../page/TeamView.tsx';
import { computeSummary } from '../summary/compute.ts';

const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The manager's summary page (design §9): server-rendered, no client
 * JavaScript. Every number comes from `computeSummary`, the function behind
 * `GET /api/summary`, so the page and the API cannot disagree.
 */
export const page = new Hono<AppEnv>()
  .get('/page.css', (c) => {
    // The URL carries the content hash, so the stylesheet can be cached for good.
    const immutable = c.req.query('v') === PAGE_CSS_VERSION;
    return c.body(PAGE_CSS, 200, {
      'content-type': 'text/css; charset=utf-8',
      'cache-control': immutable ? 'public, max-age=31536000, immutable' : 'public, max-age=300',
      'x-content-type-options': 'nosniff',
    });
  })
  .get('/', async (c) => {
    const viewer = await pageViewer(c);
    if (viewer instanceof Response) return viewer;
    const d = db(c.env);
    const now = new Date();
    const people = await teamPeople(d, viewer.orgId);
    const period = parsePeriod(c.req.query(), now);
    if (period.userId && !people.some((p) => p.id === period.userId)) {
      period.userId = null;
      period.error = 'That person is not in your team; showing everyone.';
    }
    const [summary, recent] = await Promise.all([
      computeSummary(
        d,
        viewer.orgId,
        viewer.userId,
        { from: period.from, to: period.to, ...(period.userId ? { userId: period.userId } : {}) },
        now,
      ),
      recentInteractions(d, viewer.orgId, viewer.userId, period),
    ]);
    return render(
      c,
      <TeamView viewer={viewer} period={period} summary={summary} people={people} recent={recent} />,
    );
  })
  .get('/people/:id', async (c) => {
    const viewer = await pageViewer(c);
    if (viewer instanceof Response) return viewer;
    const id = c.req.param('id');
    const d = db(c.env);
    const person = UUID_RE.test(id) ? await findPerson(d, viewer.orgId, id.toLowerCase()) : null;
    if (!person) return render(c, <NotFoundPage viewer={viewer} what="Person" />, 404);
    const now = new Date();
    const period = { ...parsePeriod(c.req.query(), now, '90'), userId: person.id };
    const [summary, reminders] = await Promise.all([
      computeSummary(
        d,
        viewer.orgId,
        viewer.userId,
        { from: period.from, to: period.to, userId: person.id },
        now,
      ),
      activeReminders(d, viewer.orgId, viewer.userId, { userId: person.id }, now),
    ]);
    return render(
      c,
      <PersonView viewer={viewer} person={person} period={period} summary={summary} reminders={reminders} />,
    );
  })
  .get('/accounts/:id', async (c) => {
    const viewer = await pageViewer(c);
    if (viewer instanceof Response) return viewer;
    const id = c.req.param('id');
    const d = db(c.env);
    const found = UUID_RE.test(id) ? await findAccount(d, viewer.orgId, id.toLowerCase()) : null;
    if (!found) return render(c, <NotFoundPage viewer={viewer} what="Account" />, 404);
    const now = new Date();
    const account = toAccount(found.account);
    const [timeline, reminders, cadence] = await Promise.all([
      accountTimeline(d, viewer.orgId, account.id, viewer.userId),
      activeReminders(d, viewer.orgId, viewer.userId, { accountId: account.id }, now),
      cadenceDefaults(d, viewer.orgId),
    ]);
    const health = cadenceHealth(
      timeline[0]?.occurredAt ?? null,
      account.cadenceDays ?? cadence[account.tier],
      now,
    );
    return render(
      c,
      <AccountView
        viewer={viewer}
        account={account}
        ownerName={found.ownerName}
        health={health}
        timeline={timeline}
        reminders={reminders}
      />,
    );
  })
  .get('/export.csv', async (c) => {
    const viewer = await pageViewer(c);
    if (viewer instanceof Response) return viewer;
    const d = db(c.env);
    const now = new Date();
    const period = parsePeriod(c.req.query(), now);
    if (period.error) {
      c.header('content-type', 'text/plain; charset=utf-8');
      return c.body(period.error, 400);
    }
    const summary = await computeSummary(
      d,
      viewer.orgId,
      viewer.userId,
      { from: period.from, to: period.to, ...(period.userId ? { userId: period.userId } : {}) },
      now,
    );
    const weeks = c.req.query('table') === 'weeks';
    const name = `rapport-${weeks ? 'weeks' : 'people'}-${period.fromDate}-to-${period.toDate}.csv`;
    return c.body(weeks ? weeksCsv(summary) : peopleCsv(summary), 200, {
      'content-type': 'text/csv; charset=utf-8',
      'content-disposition': `attachment; filename="${name}"`,
      'cache-control': 'no-store',
      'x-content-type-options': 'nosniff',
    });
  });
