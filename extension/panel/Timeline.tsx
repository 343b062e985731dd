import { formatWhen } from '../../shared/ui/TimelineRow.tsx';
import type { LocalInteraction } from '../lib/db.ts';

/** The account's recent timeline (or the user's latest logs), pending writes marked. Text only, never markup. */
export function Timeline(props: {
  heading: string;
  items: LocalInteraction[];
  timeZone: string;
  selfId: string;
}) {
  return (
    <section aria-labelledby="timeline-heading">
      <h2 id="timeline-heading">{props.heading}</h2>
      {props.items.length === 0 ? (
        <p class="muted">Nothing logged yet.</p>
      ) : (
        <ul class="timeline">
          {props.items.map((i) => (
            <li key={i.id} data-tag={i.tag} data-testid="recent-item" data-interaction-id={i.id}>
              <span>{i.title}</span>
              <span class="muted">
                {i.tag} · {i.kind} · {formatWhen(i.occurredAt, props.timeZone)}
                {i.userId !== props.selfId ? ' · a teammate' : ''}
                {i.visibility === 'private' ? ' · private' : ''}
                {i.pending ? ' · pending sync' : ''}
              </span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
