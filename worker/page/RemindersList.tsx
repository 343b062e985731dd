import { formatWhen } from '../../shared/ui/TimelineRow.tsx';
import type { ActiveReminder } from './queries.ts';

const RULE = {
  'follow-up': 'Follow-up',
  'awaiting-reply': 'Awaiting reply',
  'keep-in-touch': 'Keep in touch',
  'strategic-review': 'Strategic review',
  'alliance-ending': 'Alliance ending',
  balance: 'Balance',
  'plan-review': 'Plan review',
  'kpi-stale': 'KPI not measured',
  'commitment-due': 'Promise due',
  'conflict-sla': 'Conflict past SLA',
  'milestone-due': 'Milestone due',
  celebrate: 'Celebrate',
} as const;

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
            {RULE[r.rule]} · {r.state === 'snoozed' ? 'snoozed until ' : 'due '}
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
