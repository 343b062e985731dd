/** What a timeline row needs; structurally an Interaction plus who logged it. */
export interface TimelineItem {
  id: string;
  occurredAt: string;
  kind: string;
  tag: 'tactical' | 'strategic';
  title: string;
  notes: string;
  visibility: 'team' | 'private';
  authorName?: string | null;
}

/** A short, locale-stable date and time in the given IANA zone. */
export function formatWhen(iso: string, timeZone = 'UTC'): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return new Intl.DateTimeFormat('en-GB', {
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    timeZone,
  }).format(d);
}

/**
 * One interaction in an account's timeline. `redacted` hides the title and
 * notes of someone else's private interaction; its tag and time still show.
 * Every string is rendered as text, never as markup.
 */
export function TimelineRow(props: {
  item: TimelineItem;
  redacted: boolean;
  timeZone?: string;
  /** The account the interaction was with, linked (the web page's team lists). */
  account?: { name: string; href: string } | null;
}) {
  const { item, redacted } = props;
  return (
    <li
      class="timeline-row"
      data-testid="timeline-row"
      data-interaction-id={item.id}
      data-tag={item.tag}
      data-private={item.visibility === 'private' ? 'true' : undefined}
    >
      <div class="timeline-head">
        <span class={`tag tag-${item.tag}`}>{item.tag}</span>
        <span class="timeline-title">{redacted ? <em>Private interaction</em> : item.title}</span>
      </div>
      <div class="timeline-meta muted">
        <time dateTime={item.occurredAt}>{formatWhen(item.occurredAt, props.timeZone)}</time>
        {` · ${item.kind}`}
        {item.authorName ? ` · ${item.authorName}` : ''}
        {props.account ? (
          <>
            {' with '}
            <a href={props.account.href}>{props.account.name}</a>
          </>
        ) : null}
        {item.visibility === 'private' ? ' · private' : ''}
      </div>
      {!redacted && item.notes ? <p class="timeline-notes">{item.notes}</p> : null}
    </li>
  );
}
