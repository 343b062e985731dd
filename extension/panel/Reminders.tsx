import { useState } from 'preact/hooks';
import type { SnoozeRequest } from '../../shared/schemas/reminder.ts';
import { localDateTimeToInstant } from '../../shared/time/local-day.ts';
import { formatWhen } from '../../shared/ui/TimelineRow.tsx';
import type { Db, LocalReminder } from '../lib/db.ts';
import { enqueue } from '../lib/outbox.ts';

type Preset = Extract<SnoozeRequest, { preset: string }>['preset'];

const SNOOZES: { preset: Preset; label: string }[] = [
  { preset: 'later-today', label: 'Later today' },
  { preset: 'tomorrow-morning', label: 'Tomorrow morning' },
  { preset: 'in-3-business-days', label: 'In 3 business days' },
  { preset: 'next-monday', label: 'Next Monday' },
];

interface Props {
  db: Db;
  userId: string;
  timeZone: string;
  /** Due reminders, most overdue first. */
  due: LocalReminder[];
  accountId: string | null;
  accountName: string | null;
  onChanged: () => void;
}

/** Reminders due for the account in view, then all others due, each with done, snooze and dismiss. */
export function Reminders(props: Props) {
  const forAccount = props.accountId ? props.due.filter((r) => r.accountId === props.accountId) : [];
  const others = props.due.filter((r) => !forAccount.includes(r));
  return (
    <section aria-labelledby="reminders-heading">
      <h2 id="reminders-heading">Reminders due</h2>
      {props.due.length === 0 ? (
        <p class="muted">Nothing due.</p>
      ) : (
        <>
          {forAccount.length > 0 && (
            <ReminderList
              label={`For ${props.accountName ?? 'this account'}`}
              items={forAccount}
              {...props}
            />
          )}
          {others.length > 0 && (
            <ReminderList label={forAccount.length > 0 ? 'All others' : 'All'} items={others} {...props} />
          )}
        </>
      )}
    </section>
  );
}

function ReminderList(props: Props & { label: string; items: LocalReminder[] }) {
  return (
    <div>
      <h3 class="sub">{props.label}</h3>
      <ul class="reminders">
        {props.items.map((r) => (
          <ReminderRow key={r.id} reminder={r} {...props} />
        ))}
      </ul>
    </div>
  );
}

function ReminderRow(props: Props & { reminder: LocalReminder }) {
  const { reminder: r } = props;
  const [busy, setBusy] = useState(false);
  const act = async (write: () => Promise<unknown>) => {
    setBusy(true);
    try {
      await write();
      props.onChanged();
    } finally {
      setBusy(false);
    }
  };
  const done = () => act(() => enqueue(props.db, 'reminder.done', { id: r.id }, props.userId));
  const dismiss = () => act(() => enqueue(props.db, 'reminder.dismiss', { id: r.id }, props.userId));
  const [date, setDate] = useState('');
  const snooze = (request: SnoozeRequest) =>
    // The server resolves the preset (or moves a chosen time) into the user's working hours, with
    // the org's holidays; the panel marks the reminder snoozed at once and the pull brings the time.
    act(() => enqueue(props.db, 'reminder.snooze', { id: r.id, ...request }, props.userId));
  const snoozeToDate = () => {
    const at = date ? localDateTimeToInstant(date, '09:00', props.timeZone) : Number.NaN;
    if (Number.isFinite(at)) void snooze({ until: new Date(at).toISOString() });
  };
  return (
    <li data-testid="reminder" data-reminder-id={r.id} class={r.escalated ? 'escalated' : undefined}>
      <span>{r.title}</span>
      <span class="muted">
        due {formatWhen(r.dueAt, props.timeZone)}
        {r.escalated ? ' · overdue over a week' : ''}
      </span>
      <span class="actions">
        <button type="button" disabled={busy} onClick={done} aria-label={`Done: ${r.title}`}>
          Done
        </button>
        <details class="snooze">
          <summary aria-label={`Snooze: ${r.title}`}>Snooze</summary>
          <span class="menu">
            {SNOOZES.map((s) => (
              <button
                key={s.preset}
                type="button"
                disabled={busy}
                onClick={() => snooze({ preset: s.preset })}
              >
                {s.label}
              </button>
            ))}
            <span class="row">
              <input
                type="date"
                aria-label={`Snooze until a date: ${r.title}`}
                value={date}
                onInput={(e) => setDate(e.currentTarget.value)}
              />
              <button type="button" disabled={busy || !date} onClick={snoozeToDate}>
                Until then
              </button>
            </span>
          </span>
        </details>
        <button type="button" disabled={busy} onClick={dismiss} aria-label={`Dismiss: ${r.title}`}>
          Dismiss
        </button>
      </span>
    </li>
  );
}
