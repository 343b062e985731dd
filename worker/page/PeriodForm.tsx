import { type Period, PRESETS, periodQuery } from './period.ts';

/**
 * Period presets as links and a plain GET form for custom dates and the person
 * filter: both work without JavaScript, and the URL is shareable.
 */
export function PeriodForm(props: {
  action: string;
  period: Period;
  people?: { id: string; name: string }[];
}) {
  const { period, people } = props;
  return (
    <section aria-labelledby="period-heading">
      <h2 id="period-heading" class="visually-hidden">
        Period and filters
      </h2>
      <ul class="presets" aria-label="Period presets">
        {PRESETS.map((p) => (
          <li key={p.id}>
            <a
              href={`${props.action}?${new URLSearchParams(
                period.userId ? { preset: p.id, userId: period.userId } : { preset: p.id },
              )}`}
              aria-current={period.preset === p.id ? 'true' : undefined}
              data-preset={p.id}
            >
              {p.label}
            </a>
          </li>
        ))}
      </ul>
      <form method="get" action={props.action} class="filters" data-testid="period-form">
        <label>
          From
          <input type="date" name="from" value={period.fromDate} required />
        </label>
        <label>
          To (inclusive)
          <input type="date" name="to" value={period.toDate} required />
        </label>
        {people && (
          <label>
            Person
            <select name="userId">
              <option value="">Everyone</option>
              {people.map((p) => (
                <option key={p.id} value={p.id} selected={p.id === period.userId}>
                  {p.name}
                </option>
              ))}
            </select>
          </label>
        )}
        <button type="submit">Show</button>
      </form>
      {period.error && (
        <p class="notice" role="alert">
          {period.error}
        </p>
      )}
      <p class="period muted">
        <span class="visually-hidden">Period query: </span>
        <a href={`/export.csv?${periodQuery(period)}`} data-testid="export-csv" download>
          Download CSV
        </a>
      </p>
    </section>
  );
}
