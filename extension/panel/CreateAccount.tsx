import { useEffect, useRef, useState } from 'preact/hooks';
import type { Db } from '../lib/db.ts';
import { AccountBasics, FieldError } from './AccountFields.tsx';
import { type AccountDraft, type AccountErrors, parseCadence } from './account-form.ts';
import { createAccountForDomain } from './directory-writes.ts';

interface Props {
  db: Db;
  domain: string;
  suggestedName: string;
  userId: string;
  defaultCadence: { strategic: number; tactical: number };
  onCreated: (id: string) => void;
  onCancel: () => void;
}

/**
 * The short form that creates an account for a company on the page: name
 * (suggested from the domain, in the page's spelling when it shows one),
 * tier, stakeholder and cadence. The name field has focus, so Enter creates
 * it with the defaults. Escape cancels.
 */
export function CreateAccount(props: Props) {
  const [draft, setDraft] = useState<AccountDraft>({
    name: props.suggestedName,
    tier: 'tactical',
    stakeholder: 'customer',
    cadence: '',
    ownerId: props.userId,
    domains: props.domain,
    startsOn: '',
    endsOn: '',
  });
  const [errors, setErrors] = useState<AccountErrors>({});
  const [busy, setBusy] = useState(false);
  const nameRef = useRef<HTMLInputElement>(null);
  const set = (p: Partial<AccountDraft>) => setDraft((d) => ({ ...d, ...p }));
  useEffect(() => {
    nameRef.current?.focus();
    nameRef.current?.select();
  }, []);
  const idp = `new-${props.domain.replace(/[^a-z0-9]/g, '-')}`;

  const submit = async (e: Event) => {
    e.preventDefault();
    const next: AccountErrors = {};
    if (!draft.name.trim()) next.name = 'Give the account a name.';
    const cadence = parseCadence(draft.cadence);
    if (typeof cadence === 'string') next.cadence = cadence;
    setErrors(next);
    if (Object.keys(next).length > 0) return;
    setBusy(true);
    try {
      const res = await createAccountForDomain(props.db, props.domain, props.userId, {
        name: draft.name,
        tier: draft.tier,
        stakeholder: draft.stakeholder,
        cadenceDays: cadence as number | null,
      });
      props.onCreated(res.id);
    } catch (err) {
      setErrors({ name: `Could not save locally: ${String(err)}` });
      setBusy(false);
    }
  };
  return (
    <form
      class="card form inset"
      data-testid="create-account"
      aria-label={`New account for ${props.domain}`}
      onSubmit={submit}
      onKeyDown={(e) => e.key === 'Escape' && props.onCancel()}
    >
      <label>
        Account name
        <input
          ref={nameRef}
          type="text"
          value={draft.name}
          maxLength={200}
          aria-invalid={errors.name ? 'true' : undefined}
          aria-describedby={errors.name ? `${idp}-name-error` : undefined}
          onInput={(e) => set({ name: e.currentTarget.value })}
        />
        <FieldError id={`${idp}-name-error`} text={errors.name} />
      </label>
      <AccountBasics
        draft={draft}
        set={set}
        errors={errors}
        idp={idp}
        defaultCadence={props.defaultCadence}
      />
      <p class="muted hint">
        For {props.domain}, owned by you. <kbd>Enter</kbd> creates it as shown.
      </p>
      <div class="row start">
        <button type="submit" class="primary" disabled={busy}>
          Create account
        </button>
        <button type="button" onClick={props.onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}
