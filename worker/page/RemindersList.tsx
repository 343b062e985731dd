import { formatWhen } from '../../shared/ui/TimelineRow.tsx';
import { RULE_LABEL } from './labels.ts';
import type { ActiveReminder } from './queries.ts';

/** Open and snoozed reminders; overdue and escalated ones are marked in words, not only colour. */
export function RemindersList(props: {
  items: ActiveReminder[];
  timeZone: string;
  show: 'person' | 'account';
  empty: string;
}) {
  if (props.items.length === 0) return <p class="muted">{props.empty}</p>;
  return (
    <ul class="plain" data-testid="reminders">
      {props.items.map((r) => (
        <li
          key={r.id}
          data-testid="reminder"
          data-reminder-id={r.id}
          data-rule={r.rule}
          data-state={r.state}
          data-escalated={r.escalated ? 'true' : 'false'}
        >
          <span class="timeline-title">{r.title}</span>
          {r.escalated ? (
            <span class="esc">escalated</span>
          ) : r.overdue ? (
            <span class="esc">overdue</span>
          ) : null}
          <br />
          <span class="muted">
            {RULE_LABEL[r.rule]} · {r.state === 'snoozed' ? 'snoozed until ' : 'due '}
            <time dateTime={r.snoozedUntil ?? r.dueAt}>
              {formatWhen(r.snoozedUntil ?? r.dueAt, props.timeZone)}
            </time>
            {props.show === 'person' && r.personName ? ` · ${r.personName}` : ''}
            {props.show === 'account' && r.accountId ? (
              <>
                {' · '}
                <a href={`/accounts/${r.accountId}`}>{r.accountName ?? 'account'}</a>
              </>
            ) : null}
          </span>
        </li>
      ))}
    </ul>
  );
}
