import type { Interaction } from '../../shared/schemas/index.ts';

export interface ListedInteraction extends Interaction {
  authorName: string;
  accountName: string | null;
}

/** The org's recent interactions with their tags; text is always rendered as text, never markup. */
export function InteractionsList(props: { items: ListedInteraction[] }) {
  if (props.items.length === 0) return <p class="muted">No interactions logged yet.</p>;
  return (
    <div class="table-wrap">
      <table>
        <caption class="muted" style="text-align:left">
          Most recent first
        </caption>
        <thead>
          <tr>
            <th scope="col">When</th>
            <th scope="col">Who</th>
            <th scope="col">Account</th>
            <th scope="col">Interaction</th>
            <th scope="col">Tag</th>
          </tr>
        </thead>
        <tbody>
          {props.items.map((i) => (
            <tr key={i.id} data-interaction-id={i.id}>
              <td>
                <time dateTime={i.occurredAt}>{i.occurredAt.slice(0, 16).replace('T', ' ')}</time>
              </td>
              <td>{i.authorName}</td>
              <td>{i.accountName ?? <span class="muted">—</span>}</td>
              <td>{i.title}</td>
              <td>
                <span class={`tag tag-${i.tag}`} data-tag={i.tag}>
                  {i.tag}
                </span>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
