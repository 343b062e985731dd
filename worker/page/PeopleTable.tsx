import type { Summary } from '../../shared/schemas/summary.ts';
import { BalanceBar } from '../../shared/ui/BalanceBar.tsx';
import { formatDay } from './format.ts';

type Person = Summary['people'][number];

/** A number cell an end-to-end test can read: `data-field` names the summary field, `data-value` holds it. */
function Num(props: { field: keyof Person; value: number; label: string }) {
  return (
    <td class="num" data-field={props.field} data-value={props.value} data-label={props.label}>
      {props.value}
    </td>
  );
}

/**
 * The team table: one row per person, every number straight from the summary. Narrow screens
 * stack each row into labelled lines (`table.stack`) rather than hiding columns in a scroller.
 */
export function PeopleTable(props: { people: Person[]; timeZone: string; query: string }) {
  if (props.people.length === 0) return <p class="muted">Nobody to show for this filter.</p>;
  return (
    <table class="stack" data-testid="people-table">
      <caption class="visually-hidden">People</caption>
      <thead>
        <tr>
          <th scope="col">Person</th>
          <th scope="col" class="num">
            Interactions
          </th>
          <th scope="col" class="num">
            Tactical
          </th>
          <th scope="col" class="num">
            Strategic
          </th>
          <th scope="col">Balance</th>
          <th scope="col">Overdue reminders</th>
          <th scope="col">Last activity</th>
        </tr>
      </thead>
      <tbody>
        {props.people.map((p) => (
          <tr key={p.userId} data-testid="person-row" data-user-id={p.userId}>
            <th scope="row">
              <a href={`/people/${p.userId}?${props.query}`} data-field="name">
                {p.name}
              </a>
              {p.former && <span class="muted"> (former)</span>}
            </th>
            <Num field="total" value={p.total} label="Interactions" />
            <Num field="tactical" value={p.tactical} label="Tactical" />
            <Num field="strategic" value={p.strategic} label="Strategic" />
            <td data-label="Balance">
              <BalanceBar tactical={p.tactical} strategic={p.strategic} />
            </td>
            <td data-label="Overdue">
              <span
                data-field="overdueReminders"
                data-value={p.overdueReminders}
                class={p.overdueReminders > 0 ? 'warn' : undefined}
              >
                {p.overdueReminders}
              </span>
              {p.escalatedReminders > 0 ? (
                <span class="esc">
                  <span data-field="escalatedReminders" data-value={p.escalatedReminders}>
                    {p.escalatedReminders}
                  </span>{' '}
                  escalated
                </span>
              ) : (
                <span data-field="escalatedReminders" data-value={0} hidden>
                  0
                </span>
              )}
            </td>
            <td data-field="lastActivityAt" data-value={p.lastActivityAt ?? ''} data-label="Last activity">
              {p.lastActivityAt ? (
                <time dateTime={p.lastActivityAt}>{formatDay(p.lastActivityAt, props.timeZone)}</time>
              ) : (
                <span class="muted">None</span>
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
