import type { Account } from '../../shared/schemas/index.ts';
import { TimelineRow } from '../../shared/ui/TimelineRow.tsx';
import type { CadenceHealth } from './cadence.ts';
import { formatDay, plural } from './format.ts';
import { Layout } from './Layout.tsx';
import type { ActiveReminder, accountTimeline } from './queries.ts';
import { TIMELINE_LIMIT } from './queries.ts';
import { RemindersList } from './RemindersList.tsx';
import type { Viewer } from './session.tsx';

const STAKEHOLDER = {
  customer: 'Customer (CRM)',
  supplier: 'Supplier (SRM)',
  partner: 'Partner (PRM)',
  employee: 'Employee (ERM)',
  other: 'Other',
} as const;

function Cadence(props: { health: CadenceHealth }) {
  const { status, daysSince, cadenceDays } = props.health;
  return (
    <span
      data-testid="cadence-health"
      data-status={status}
      data-days-since={daysSince ?? ''}
      data-cadence-days={cadenceDays}
    >
      {status === 'never' ? (
        <span class="warn">No interaction yet</span>
      ) : (
        <>
          {plural(daysSince ?? 0, 'day')} since the last interaction, cadence {plural(cadenceDays, 'day')}:{' '}
          {status === 'overdue' ? (
            <span class="warn">overdue by {plural((daysSince ?? 0) - cadenceDays, 'day')}</span>
          ) : (
            <span class="ok">on track</span>
          )}
        </>
      )}
    </span>
  );
}

/** `/accounts/:id`: who owns it, how it is kept up, what is open, and its timeline. */
export function AccountView(props: {
  viewer: Viewer;
  account: Account;
  ownerName: string | null;
  health: CadenceHealth;
  timeline: Awaited<ReturnType<typeof accountTimeline>>;
  reminders: ActiveReminder[];
}) {
  const { viewer, account: a } = props;
  return (
    <Layout title={a.name} viewer={viewer}>
      <p>
        <a href="/">← Team summary</a>
      </p>
      <h1 data-testid="account-name" data-account-id={a.id}>
        {a.name}
      </h1>
      <dl class="facts" data-testid="account-facts">
        <dt>Tier</dt>
        <dd data-field="tier" data-value={a.tier}>
          <span class={`tag tag-${a.tier}`}>{a.tier}</span>
        </dd>
        <dt>Stakeholder</dt>
        <dd data-field="stakeholder" data-value={a.stakeholder}>
          {STAKEHOLDER[a.stakeholder]}
        </dd>
        <dt>Owner</dt>
        <dd data-field="owner" data-value={a.ownerId ?? ''}>
          {a.ownerId && props.ownerName ? (
            <a href={`/people/${a.ownerId}`}>{props.ownerName}</a>
          ) : (
            <span class="muted">Nobody</span>
          )}
        </dd>
        <dt>Cadence</dt>
        <dd>
          <Cadence health={props.health} />
        </dd>
        {a.endsOn && (
          <>
            <dt>Alliance</dt>
            <dd>
              {a.startsOn ? `${formatDay(a.startsOn)} to ` : 'ends '}
              {formatDay(a.endsOn)}
            </dd>
          </>
        )}
        {a.domains.length > 0 && (
          <>
            <dt>Domains</dt>
            <dd>{a.domains.join(', ')}</dd>
          </>
        )}
      </dl>
      {a.notes && <p class="timeline-notes">{a.notes}</p>}
      <section aria-labelledby="reminders-heading">
        <h2 id="reminders-heading">Open reminders</h2>
        <RemindersList
          items={props.reminders}
          timeZone={viewer.timeZone}
          show="person"
          empty="No open reminders on this account."
        />
      </section>
      <section aria-labelledby="timeline-heading">
        <h2 id="timeline-heading">Timeline</h2>
        {props.timeline.length === 0 ? (
          <p class="muted">Nothing logged with this account yet.</p>
        ) : (
          <ol class="timeline" data-testid="timeline">
            {props.timeline.map((i) => (
              <TimelineRow key={i.id} item={i} redacted={i.redacted} timeZone={viewer.timeZone} />
            ))}
          </ol>
        )}
        {props.timeline.length === TIMELINE_LIMIT && (
          <p class="muted">Showing the latest {TIMELINE_LIMIT} interactions.</p>
        )}
      </section>
    </Layout>
  );
}
