import type { Summary } from '../../shared/schemas/summary.ts';
import { TimelineRow } from '../../shared/ui/TimelineRow.tsx';
import { ColdAccounts, Upcoming } from './AccountLists.tsx';
import { formatDay } from './format.ts';
import { Layout } from './Layout.tsx';
import { PeopleTable } from './PeopleTable.tsx';
import { PeriodForm } from './PeriodForm.tsx';
import { type Period, periodQuery } from './period.ts';
import { PlansPanelView } from './plan/PlansPanel.tsx';
import type { PlansPanel } from './plan/summary-queries.ts';
import type { RecentInteraction } from './queries.ts';
import type { Viewer } from './session.tsx';
import { WeeklyChart } from './WeeklyChart.tsx';

/** The period as the summary returned it, readable and machine-checkable. */
export function PeriodLine(props: { period: Period; summary: Summary; who: string }) {
  return (
    <p data-testid="period" data-from={props.summary.period.from} data-to={props.summary.period.to}>
      <strong>{props.who}</strong>, {formatDay(props.period.fromDate)} to {formatDay(props.period.toDate)}
    </p>
  );
}

/** `/`: the team's balance, follow-ups and cooling accounts for a period. */
export function TeamView(props: {
  viewer: Viewer;
  period: Period;
  summary: Summary;
  people: { id: string; name: string }[];
  recent: RecentInteraction[];
  plans?: PlansPanel;
}) {
  const { viewer, period, summary } = props;
  const who = period.userId
    ? (props.people.find((p) => p.id === period.userId)?.name ?? 'One person')
    : 'Everyone';
  return (
    <Layout title="Team summary" viewer={viewer} area="summary">
      <h1>Team summary</h1>
      <PeriodForm action="/" period={period} people={props.people} />
      <PeriodLine period={period} summary={summary} who={who} />
      <section aria-labelledby="people-heading">
        <h2 id="people-heading">People</h2>
        <PeopleTable
          people={summary.people}
          timeZone={viewer.timeZone}
          query={periodQuery(period, { userId: null })}
        />
      </section>
      {props.plans && <PlansPanelView panel={props.plans} />}
      <section aria-labelledby="weekly-heading">
        <h2 id="weekly-heading">Tactical and strategic, week by week</h2>
        <WeeklyChart
          weeks={summary.weeks}
          id="weekly"
          caption="Interactions per week, tactical and strategic"
        />
      </section>
      <div class="cards">
        <section class="card" aria-labelledby="cold-heading">
          <h2 id="cold-heading">Strategic accounts going cold</h2>
          <ColdAccounts items={summary.coldAccounts} timeZone={viewer.timeZone} />
        </section>
        <section class="card" aria-labelledby="upcoming-heading">
          <h2 id="upcoming-heading">Coming up</h2>
          <Upcoming items={summary.upcoming} timeZone={viewer.timeZone} />
        </section>
      </div>
      <section aria-labelledby="recent-heading">
        <h2 id="recent-heading">Latest interactions</h2>
        {props.recent.length === 0 ? (
          <p class="muted">Nothing logged in this period.</p>
        ) : (
          <ol class="timeline" data-testid="recent-interactions">
            {props.recent.map((item) => (
              <TimelineRow
                key={item.id}
                item={item}
                redacted={item.redacted}
                timeZone={viewer.timeZone}
                account={
                  item.accountId && item.accountName
                    ? { name: item.accountName, href: `/accounts/${item.accountId}` }
                    : null
                }
              />
            ))}
          </ol>
        )}
      </section>
    </Layout>
  );
}
