import { useEffect, useState } from 'preact/hooks';
import type { Role } from '../../shared/schemas/common.ts';
import { toLocalDate } from '../../shared/time/local-day.ts';
import type { Db, LocalAccount, LocalReminder } from '../lib/db.ts';
import { enqueue } from '../lib/outbox.ts';
import { accountInputOf } from './account-form.ts';
import { type AllianceDecision, aYearLater, decide } from './alliance.ts';
import { canEditAccount } from './ContextCard.tsx';
import { formatDate } from './time-format.ts';

interface Props {
  db: Db;
  reminder: LocalReminder;
  userId: string;
  role: Role;
  timeZone: string;
  strategicCadence: number;
  onChanged: () => void;
}

type Step = null | 'renew' | 'strategic' | 'close';

/**
 * The alliance-ending reminder's decisions: *Renew* (a new end date), *Make
 * strategic*, *Close* (set the end, switch the cadence off). Each is one click,
 * then a confirmation that says what will change. The account is saved through
 * the outbox and the reminder marked done, so it works offline.
 */
export function AllianceActions(props: Props) {
  const { reminder: r } = props;
  const [account, setAccount] = useState<LocalAccount | null>(null);
  const [step, setStep] = useState<Step>(null);
  const [date, setDate] = useState('');
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    if (r.accountId)
      void props.db.get('accounts', r.accountId).then((a) => setAccount(a && !a.deletedAt ? a : null));
  }, [r.accountId, r.version]);
  if (!account || !canEditAccount(account, props.userId, props.role)) return null;
  const endsOn = account.endsOn;
  const today = toLocalDate(Date.now(), props.timeZone);

  const open = (s: Step) => {
    setError(null);
    setStep(s);
    // A year past the current end, or past today when the alliance has already ended.
    const from = endsOn && endsOn > today ? endsOn : today;
    if (s === 'renew') setDate(aYearLater(from));
    if (s === 'close') setDate(endsOn ?? today);
  };
  const confirm = async () => {
    let d: AllianceDecision;
    if (step === 'strategic') d = { kind: 'strategic' };
    else if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) return setError('Pick a date.');
    else if (step === 'renew' && date <= today) return setError('A renewal ends after today.');
    else if (account.startsOn && date < account.startsOn)
      return setError('That is before the alliance started.');
    else d = step === 'renew' ? { kind: 'renew', endsOn: date } : { kind: 'close', endsOn: date };
    await enqueue(props.db, 'account.put', decide(accountInputOf(account), d), props.userId);
    await enqueue(props.db, 'reminder.done', { id: r.id }, props.userId);
    setStep(null);
    props.onChanged();
  };

  const what =
    step === 'renew'
      ? `Renew ${account.name}'s alliance until the date below.`
      : step === 'strategic'
        ? `Make ${account.name} a strategic account: keep-in-touch every ${account.cadenceDays ?? props.strategicCadence} days and strategic reviews from now on.`
        : `Close ${account.name}'s alliance: it ends on the date below and keep-in-touch reminders stop.`;
  return (
    <div class="alliance" data-testid="alliance-actions">
      <span class="actions">
        <button type="button" aria-pressed={step === 'renew'} onClick={() => open('renew')}>
          Renew…
        </button>
        <button type="button" aria-pressed={step === 'strategic'} onClick={() => open('strategic')}>
          Make strategic…
        </button>
        <button type="button" aria-pressed={step === 'close'} onClick={() => open('close')}>
          Close…
        </button>
      </span>
      {step && (
        <fieldset class="card inset confirm" data-testid="alliance-confirm">
          <legend>{what}</legend>
          {step !== 'strategic' && (
            <label>
              {step === 'renew' ? 'New end date' : 'Ends on'}
              <input type="date" value={date} onInput={(e) => setDate(e.currentTarget.value)} />
              {endsOn && <span class="muted hint">Now ends {formatDate(endsOn)}.</span>}
            </label>
          )}
          {error && (
            <p role="alert" class="error">
              {error}
            </p>
          )}
          <div class="row start">
            <button type="button" class="primary" onClick={confirm}>
              {step === 'renew' ? 'Renew' : step === 'strategic' ? 'Make strategic' : 'Close alliance'}
            </button>
            <button type="button" onClick={() => setStep(null)}>
              Cancel
            </button>
          </div>
        </fieldset>
      )}
    </div>
  );
}
