import { Hono } from 'hono';
import { db } from '../../db/client.ts';
import type { AppEnv } from '../../env.ts';
import { peopleCsv, weeksCsv } from '../../page/csv.ts';
import { page as render } from '../../page/html.ts';
import { PersonView } from '../../page/PersonView.tsx';
import { parsePeriod } from '../../page/period.ts';
import { plansPanel } from '../../page/plan/summary-queries.ts';
import { activeReminders, findPerson, recentInteractions, teamPeople } from '../../page/queries.ts';
import { MANAGERS, pageViewer } from '../../page/session.tsx';
import { TeamView } from '../../page/TeamView.tsx';
import { computeSummary } from '../../summary/compute.ts';
import { idParam, notFoundPage } from './shared.tsx';

/**
 * The manager's summary (design §9): `/`, `/people/:id` and the CSV export.
 * Every number comes from `computeSummary`, the function behind
 * `GET /api/summary`, so the page and the API cannot disagree. A member who
 * opens `/` lands on the accounts instead.
 */
export const summaryPages = new Hono<AppEnv>()
  .get('/', async (c) => {
    const viewer = await pageViewer(c);
    if (viewer instanceof Response) return viewer;
    if (viewer.role === 'member') return c.redirect('/accounts', 303);
    const d = db(c.env);
    const now = new Date();
    const people = await teamPeople(d, viewer.orgId);
    const period = parsePeriod(c.req.query(), now);
    if (period.userId && !people.some((p) => p.id === period.userId)) {
      period.userId = null;
      period.error = 'That person is not in your team; showing everyone.';
    }
    const [summary, recent, plans] = await Promise.all([
      computeSummary(
        d,
        viewer.orgId,
        viewer.userId,
        { from: period.from, to: period.to, ...(period.userId ? { userId: period.userId } : {}) },
        now,
      ),
      recentInteractions(d, viewer.orgId, viewer.userId, period),
      plansPanel(d, viewer.orgId, period),
    ]);
    return render(
      c,
      <TeamView
        viewer={viewer}
        period={period}
        summary={summary}
        people={people}
        recent={recent}
        plans={plans}
      />,
    );
  })
  .get('/people/:id', async (c) => {
    const viewer = await pageViewer(c, MANAGERS);
    if (viewer instanceof Response) return viewer;
    const id = idParam(c, 'id');
    const d = db(c.env);
    const person = id ? await findPerson(d, viewer.orgId, id) : null;
    if (!person) return notFoundPage(c, viewer, 'Person');
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
  .get('/export.csv', async (c) => {
    const viewer = await pageViewer(c, MANAGERS);
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
