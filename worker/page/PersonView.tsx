import type { Summary } from '../../shared/schemas/summary.ts';
import { BalanceBar } from '../../shared/ui/BalanceBar.tsx';
import { formatShortDay } from './format.ts';
import { Layout } from './Layout.tsx';
import { PeopleTable } from './PeopleTable.tsx';
import { PeriodForm } from './PeriodForm.tsx';
import { type Period, periodQuery } from './period.ts';
import type { ActiveReminder } from './queries.ts';
import { RemindersList } from './RemindersList.tsx';
import type { Viewer } from './session.tsx';
import { PeriodLine } from './TeamView.tsx';
import { WeeklyChart } from './WeeklyChart.tsx';

/** The person's balance week by week, as a visible table with a bar per week. */
function WeeklyBalance(props: { weeks: Summary['weeks'] }) {
  return (
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be reachable by keyboard.
    <section class="table-wrap" aria-label="Week by week table" tabIndex={0}>
      <table data-testid="weekly-balance">
        <thead>
          <tr>
            <th scope="col">Week starting</th>
            <th scope="col" class="num">
              Tactical
            </th>
            <th scope="col" class="num">
              Strategic
            </th>
            <th scope="col">Balance</th>
          </tr>
        </thead>
        <tbody>
          {props.weeks.map((w) => (
            <tr key={w.weekStart} data-week={w.weekStart}>
              <th scope="row">
                <time dateTime={w.weekStart}>{formatShortDay(w.weekStart)}</time>
              </th>
              <td class="num" data-tag="tactical">
                {w.tactical}
              </td>
              <td class="num" data-tag="strategic">
                {w.strategic}
              </td>
              <td>
                <BalanceBar tactical={w.tactical} strategic={w.strategic} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

/** `/people/:id`: one person's balance over time and their open follow-ups. */
export function PersonView(props: {
  viewer: Viewer;
  person: { id: string; name: string; role: string };
  period: Period;
  summary: Summary;
  reminders: ActiveReminder[];
}) {
  const { viewer, person, period, summary } = props;
  return (
    <Layout title={person.name} viewer={viewer} area="summary">
      <p>
        <a href={`/?${periodQuery(period, { userId: null })}`}>← Team summary</a>
      </p>
      <h1 data-testid="person-name" data-user-id={person.id}>
        {person.name}
      </h1>
      <PeriodForm action={`/people/${person.id}`} period={period} />
      <PeriodLine period={period} summary={summary} who={person.name} />
      <section aria-labelledby="people-heading">
        <h2 id="people-heading">Totals</h2>
        <PeopleTable
          people={summary.people}
          timeZone={viewer.timeZone}
          query={periodQuery(period, { userId: null })}
        />
      </section>
      <section aria-labelledby="weekly-heading">
        <h2 id="weekly-heading">Balance over time</h2>
        <WeeklyChart weeks={summary.weeks} id="weekly" caption={`${person.name}'s interactions per week`} />
      </section>
      <section aria-labelledby="balance-heading">
        <h2 id="balance-heading">Week by week</h2>
        <WeeklyBalance weeks={summary.weeks} />
      </section>
      <section aria-labelledby="reminders-heading">
        <h2 id="reminders-heading">Open follow-ups</h2>
        <RemindersList
          items={props.reminders}
          timeZone={viewer.timeZone}
          show="account"
          empty={`${person.name} has no open reminders.`}
        />
      </section>
    </Layout>
  );
}
