import { useState } from 'preact/hooks';
import { effectiveDueAt } from '../../shared/reminders/escalation.ts';
import type { Role } from '../../shared/schemas/common.ts';
import type { SnoozeRequest } from '../../shared/schemas/reminder.ts';
import { localDateTimeToInstant } from '../../shared/time/local-day.ts';
import type { Db, LocalReminder } from '../lib/db.ts';
import { enqueue } from '../lib/outbox.ts';
import { AllianceActions } from './AllianceActions.tsx';
import { formatTime, lateBy } from './time-format.ts';
import { splitDue } from './upcoming.ts';

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
  role: Role;
  timeZone: string;
  /** Due reminders, most overdue first. */
  due: LocalReminder[];
  now: number;
  escalationDays: number;
  strategicCadence: number;
  accountId: string | null;
  accountName: string | null;
  onChanged: () => void;
}

/**
 * Reminders that are due: those escalated (late by more than the org's
 * escalation days) apart and first, then the account in view's, then all
 * others; each says how late it is, with done, snooze and dismiss, and the
 * alliance-ending reminder offers its decisions.
 */
export function Reminders(props: Props) {
  const { escalated, overdue } = splitDue(props.due, props.now, props.escalationDays);
  const forAccount = props.accountId ? overdue.filter((r) => r.accountId === props.accountId) : [];
  const others = overdue.filter((r) => !forAccount.includes(r));
  return (
    <section aria-labelledby="reminders-heading">
      <h2 id="reminders-heading">Reminders due</h2>
      {props.due.length === 0 ? (
        <p class="muted">Nothing due.</p>
      ) : (
        <>
          {escalated.length > 0 && (
            <ReminderList
              label={`Escalated: over ${props.escalationDays} days late, your manager sees these`}
              items={escalated}
              testid="escalated"
              {...props}
            />
          )}
          {forAccount.length > 0 && (
            <ReminderList
              label={`For ${props.accountName ?? 'this account'}`}
              items={forAccount}
              {...props}
            />
          )}
          {others.length > 0 && (
            <ReminderList
              label={forAccount.length > 0 || escalated.length > 0 ? 'All others' : 'All'}
              items={others}
              {...props}
            />
          )}
        </>
      )}
    </section>
  );
}

function ReminderList(props: Props & { label: string; items: LocalReminder[]; testid?: string }) {
  return (
    <div data-testid={props.testid}>
      <h3 class="sub">{props.label}</h3>
      <ul class="reminders">
        {props.items.map((r) => (
          <ReminderRow key={r.id} reminder={r} escalated={props.testid === 'escalated'} {...props} />
        ))}
      </ul>
    </div>
  );
}

function ReminderRow(props: Props & { reminder: LocalReminder; escalated: boolean }) {
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
  const dueAt = effectiveDueAt(r);
  return (
    <li
      data-testid="reminder"
      data-reminder-id={r.id}
      data-rule={r.rule}
      class={props.escalated ? 'escalated' : undefined}
    >
      <span>{r.title}</span>
      <span class="muted">
        due {formatTime(dueAt, props.timeZone)} ·{' '}
        <span class={props.escalated ? 'error' : 'late'} data-testid="overdue">
          overdue {lateBy(dueAt, props.now)}
        </span>
        {r.pending ? ' · not synced yet' : ''}
      </span>
      {r.rule === 'alliance-ending' && (
        <AllianceActions
          db={props.db}
          reminder={r}
          userId={props.userId}
          role={props.role}
          timeZone={props.timeZone}
          strategicCadence={props.strategicCadence}
          onChanged={props.onChanged}
        />
      )}
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
