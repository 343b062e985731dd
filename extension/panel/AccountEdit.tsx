import { useState } from 'preact/hooks';
import type { Db, LocalAccount } from '../lib/db.ts';
import type { OrgPerson } from '../lib/org-cache.ts';
import { AccountBasics, FieldError } from './AccountFields.tsx';
import {
  type AccountDraft,
  type AccountErrors,
  accountDraftOf,
  accountInputOf,
  buildAccount,
} from './account-form.ts';
import { saveAccount } from './directory-writes.ts';

interface Props {
  db: Db;
  account: LocalAccount;
  userId: string;
  /** The org's people, for the owner picker; null when the server does not list them. */
  people: OrgPerson[] | null;
  defaultCadence: { strategic: number; tactical: number };
  onSaved: () => void;
}

/**
 * The account's *Edit* disclosure (design §13), for its owner, managers and
 * admins: name, tier, stakeholder, cadence, owner, domains, alliance start
 * and end. Saved through the outbox, so it works offline; a refusal by the
 * server shows in the sync status and the replica goes back to the server's.
 */
export function AccountEdit(props: Props) {
  const { account } = props;
  const [open, setOpen] = useState(false);
  const [draft, setDraft] = useState<AccountDraft>(() => accountDraftOf(account));
  const [errors, setErrors] = useState<AccountErrors>({});
  const [saved, setSaved] = useState(false);
  const set = (p: Partial<AccountDraft>) => setDraft((d) => ({ ...d, ...p }));
  const idp = `edit-${account.id}`;

  const toggle = (e: Event) => {
    const isOpen = (e.currentTarget as HTMLDetailsElement).open;
    setOpen(isOpen);
    // Each opening starts from the account as it is now (a sync may have changed it).
    if (isOpen) {
      setDraft(accountDraftOf(account));
      setErrors({});
      setSaved(false);
    }
  };
  const submit = async (e: Event) => {
    e.preventDefault();
    const built = buildAccount(draft, accountInputOf(account));
    if (!('id' in built)) return setErrors(built);
    setErrors({});
    await saveAccount(props.db, built, props.userId);
    setSaved(true);
    setOpen(false);
    props.onSaved();
  };

  const owners = ownerOptions(props.people, account.ownerId, props.userId);
  return (
    <>
      <details class="edit-account" open={open} onToggle={toggle}>
        <summary aria-label={`Edit ${account.name}`}>Edit</summary>
        <form class="card form inset" data-testid="edit-account" onSubmit={submit}>
          <label>
            Name
            <input
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
          <label>
            Owner
            <select value={draft.ownerId} onChange={(e) => set({ ownerId: e.currentTarget.value })}>
              <option value="">No owner</option>
              {owners.map((o) => (
                <option key={o.id} value={o.id}>
                  {o.label}
                </option>
              ))}
            </select>
          </label>
          <label>
            Domains
            <input
              type="text"
              value={draft.domains}
              placeholder="acme.com, acme.co.uk"
              aria-invalid={errors.domains ? 'true' : undefined}
              aria-describedby={errors.domains ? `${idp}-domains-error` : undefined}
              onInput={(e) => set({ domains: e.currentTarget.value })}
            />
            <FieldError id={`${idp}-domains-error`} text={errors.domains} />
          </label>
          <div class="grid2">
            <label>
              Alliance starts
              <input
                type="date"
                value={draft.startsOn}
                onInput={(e) => set({ startsOn: e.currentTarget.value })}
              />
              <FieldError id={`${idp}-starts-error`} text={errors.startsOn} />
            </label>
            <label>
              Alliance ends
              <input
                type="date"
                value={draft.endsOn}
                aria-invalid={errors.endsOn ? 'true' : undefined}
                aria-describedby={errors.endsOn ? `${idp}-ends-error` : undefined}
                onInput={(e) => set({ endsOn: e.currentTarget.value })}
              />
              <FieldError id={`${idp}-ends-error`} text={errors.endsOn} />
            </label>
          </div>
          <div class="row start">
            <button type="submit" class="primary">
              Save account
            </button>
            <button type="button" onClick={() => setOpen(false)}>
              Cancel
            </button>
          </div>
        </form>
      </details>
      {saved && !open && (
        <span class="muted" role="status">
          Saved.
        </span>
      )}
    </>
  );
}

/** The owner picker's people: the org's, else at least the current owner and the user. */
function ownerOptions(people: OrgPerson[] | null, ownerId: string | null, userId: string) {
  const list = (people ?? [])
    .filter((p) => p.active !== false)
    .map((p) => ({ id: p.id, label: p.id === userId ? `${p.name} (you)` : p.name }));
  if (!list.some((o) => o.id === userId)) list.unshift({ id: userId, label: 'You' });
  if (ownerId && !list.some((o) => o.id === ownerId)) {
    const former = people?.find((p) => p.id === ownerId);
    list.push({ id: ownerId, label: former ? `${former.name} (former)` : 'The current owner' });
  }
  return list.sort((a, b) => a.label.localeCompare(b.label));
}
