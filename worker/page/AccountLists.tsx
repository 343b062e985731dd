import type { Summary } from '../../shared/schemas/summary.ts';
import { formatDay } from './format.ts';

const UPCOMING_LABEL = {
  'strategic-review': 'Strategic review due',
  'alliance-ending': 'Alliance ends',
} as const;

/** Strategic accounts with no strategic touch within the review period. */
export function ColdAccounts(props: { items: Summary['coldAccounts']; timeZone: string }) {
  if (props.items.length === 0)
    return <p class="muted">No strategic account has gone cold. Every one had a strategic touch in time.</p>;
  return (
    <ul class="plain" data-testid="cold-accounts">
      {props.items.map((a) => (
        <li
          key={a.accountId}
          data-testid="cold-account"
          data-account-id={a.accountId}
          data-last-strategic-at={a.lastStrategicAt ?? ''}
        >
          <a href={`/accounts/${a.accountId}`}>{a.name}</a>
          <br />
          <span class="muted">
            {a.lastStrategicAt ? (
              <>
                Last strategic touch{' '}
                <time dateTime={a.lastStrategicAt}>{formatDay(a.lastStrategicAt, props.timeZone)}</time>
              </>
            ) : (
              'No strategic touch yet'
            )}
          </span>
        </li>
      ))}
    </ul>
  );
}

/** Reviews falling due and tactical alliances ending soon, soonest first. */
export function Upcoming(props: { items: Summary['upcoming']; timeZone: string }) {
  if (props.items.length === 0) return <p class="muted">No reviews or alliance ends in the next 30 days.</p>;
  return (
    <ul class="plain" data-testid="upcoming">
      {props.items.map((u) => (
        <li
          key={`${u.kind}:${u.accountId}`}
          data-testid="upcoming-item"
          data-kind={u.kind}
          data-account-id={u.accountId}
          data-due-at={u.dueAt}
        >
          <a href={`/accounts/${u.accountId}`}>{u.name}</a>
          <br />
          <span class="muted">
            {UPCOMING_LABEL[u.kind]}{' '}
            <time dateTime={u.dueAt}>
              {formatDay(u.kind === 'alliance-ending' ? u.dueAt.slice(0, 10) : u.dueAt, props.timeZone)}
            </time>
          </span>
        </li>
      ))}
    </ul>
  );
}
