import { useState } from 'preact/hooks';
import type { Db, LocalInteraction } from '../lib/db.ts';
import { EditInteraction } from './EditInteraction.tsx';
import { formatTime } from './time-format.ts';

interface Props {
  db: Db;
  heading: string;
  items: LocalInteraction[];
  timeZone: string;
  selfId: string;
  /** Teammates' names by id (from the cached people list); unknown ids read "a teammate". */
  names: ReadonlyMap<string, string>;
  onChanged: () => void;
  onDelete: (item: LocalInteraction) => void;
}

/**
 * The account's recent timeline (or the user's latest logs), pending writes
 * marked. The user's own rows open for editing and can be deleted (with undo).
 * Text only, never markup.
 */
export function Timeline(props: Props) {
  const [editing, setEditing] = useState<string | null>(null);
  return (
    <section aria-labelledby="timeline-heading">
      <h2 id="timeline-heading">{props.heading}</h2>
      {props.items.length === 0 ? (
        <p class="muted">Nothing logged yet.</p>
      ) : (
        <ul class="timeline">
          {props.items.map((i) => {
            const own = i.userId === props.selfId;
            return (
              <li key={i.id} data-tag={i.tag} data-testid="recent-item" data-interaction-id={i.id}>
                {editing === i.id ? (
                  <EditInteraction
                    db={props.db}
                    item={i}
                    userId={props.selfId}
                    timeZone={props.timeZone}
                    onDone={(saved) => {
                      setEditing(null);
                      if (saved) props.onChanged();
                    }}
                  />
                ) : (
                  <>
                    <span class="timeline-title">{i.title}</span>
                    <span class="muted">
                      {i.tag} · {i.kind} · {formatTime(i.occurredAt, props.timeZone)}
                      {own ? '' : ` · ${props.names.get(i.userId) ?? 'a teammate'}`}
                      {i.visibility === 'private' ? ' · private' : ''}
                      {i.followUpAt ? ` · follow up ${formatTime(i.followUpAt, props.timeZone)}` : ''}
                      {i.awaitingReply ? ' · awaiting reply' : ''}
                      {i.pending ? ' · pending sync' : ''}
                    </span>
                    {i.notes && <span class="timeline-notes">{i.notes}</span>}
                    {own && (
                      <span class="actions">
                        <button
                          type="button"
                          onClick={() => setEditing(i.id)}
                          aria-label={`Edit “${i.title}”`}
                        >
                          Edit
                        </button>
                        <button
                          type="button"
                          onClick={() => props.onDelete(i)}
                          aria-label={`Delete “${i.title}”`}
                        >
                          Delete
                        </button>
                      </span>
                    )}
                  </>
                )}
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
