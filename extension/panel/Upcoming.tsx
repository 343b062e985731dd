import type { Db } from '../lib/db.ts';
import { enqueue } from '../lib/outbox.ts';
import { formatTime } from './time-format.ts';
import type { UpcomingItem } from './upcoming.ts';

interface Props {
  db: Db;
  userId: string;
  timeZone: string;
  items: UpcomingItem[];
  accountId: string | null;
  accountName: string | null;
  /** Account names by id, to say whom each item is about. */
  accountNames: ReadonlyMap<string, string>;
  onChanged: () => void;
}

const RULE_TEXT = { 'follow-up': 'Follow-up', 'awaiting-reply': 'Awaiting reply' } as const;

/**
 * What is coming: the follow-ups and awaiting-reply items not due yet, this
 * account's first, then all of the user's others, each with its due time.
 * Nothing set vanishes: a change not yet synced shows what it will bring.
 */
export function Upcoming(props: Props) {
  const mine = props.accountId ? props.items.filter((i) => i.accountId === props.accountId) : [];
  const others = props.items.filter((i) => !mine.includes(i));
  return (
    <section aria-labelledby="upcoming-heading" data-testid="upcoming">
      <h2 id="upcoming-heading">Upcoming</h2>
      {props.items.length === 0 ? (
        <p class="muted">No follow-ups or replies to wait for.</p>
      ) : (
        <>
          {mine.length > 0 && (
            <List {...props} label={`For ${props.accountName ?? 'this account'}`} items={mine} />
          )}
          {others.length > 0 && (
            <List {...props} label={mine.length > 0 ? 'All your others' : 'All yours'} items={others} />
          )}
        </>
      )}
    </section>
  );
}

function List(props: Props & { label: string; items: UpcomingItem[] }) {
  return (
    <div>
      <h3 class="sub">{props.label}</h3>
      <ul class="reminders upcoming">
        {props.items.map((i) => {
          const account = i.accountId ? props.accountNames.get(i.accountId) : null;
          return (
            <li key={i.key} data-testid="upcoming-item" data-rule={i.rule}>
              <span>{i.title}</span>
              <span class="muted">
                {RULE_TEXT[i.rule]} · due {formatTime(i.dueAt, props.timeZone)}
                {account && i.accountId !== props.accountId ? ` · ${account}` : ''}
                {i.reminder ? '' : ' · not synced yet'}
              </span>
              {i.reminder && (
                <span class="actions">
                  <button
                    type="button"
                    aria-label={`Done early: ${i.title}`}
                    onClick={async () => {
                      await enqueue(props.db, 'reminder.done', { id: i.reminder!.id }, props.userId);
                      props.onChanged();
                    }}
                  >
                    Done
                  </button>
                </span>
              )}
            </li>
          );
        })}
      </ul>
    </div>
  );
}
