import type { LocalInteraction } from '../lib/db.ts';

/** The most recent interactions in the local replica, pending ones marked. */
export function RecentList(props: { items: LocalInteraction[] }) {
  return (
    <section aria-labelledby="recent-heading">
      <h2 id="recent-heading">Recent</h2>
      {props.items.length === 0 ? (
        <p class="muted">Nothing logged yet.</p>
      ) : (
        <ul class="timeline">
          {props.items.map((i) => (
            <li key={i.id} data-tag={i.tag} data-testid="recent-item">
              <span>{i.title}</span>
              <span class="muted">
                {i.tag} · {new Date(i.occurredAt).toLocaleString()}
                {i.pending ? ' · pending sync' : ''}
              </span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
