import { useEffect, useRef, useState } from 'preact/hooks';
import type { Db, LocalAccount, LocalInteraction } from '../lib/db.ts';
import { InteractionFields, logKeys } from './InteractionFields.tsx';
import { updateInteraction } from './interaction-writes.ts';
import { buildEdit, draftOf, type LogDraft } from './log-draft.ts';

interface Props {
  db: Db;
  item: LocalInteraction;
  userId: string;
  timeZone: string;
  onDone: (saved: boolean) => void;
}

/**
 * Edits one of the user's own logged interactions in place: every field the
 * log form has, plus when it happened and its account. Escape cancels.
 */
export function EditInteraction(props: Props) {
  const { item } = props;
  const [draft, setDraft] = useState<LogDraft>(() => draftOf(item, props.timeZone));
  const [error, setError] = useState<string | null>(null);
  const [accounts, setAccounts] = useState<LocalAccount[] | null>(null);
  const formRef = useRef<HTMLFormElement>(null);
  const set = (patch: Partial<LogDraft>) => setDraft((d) => ({ ...d, ...patch }));

  useEffect(() => {
    formRef.current?.querySelector('input')?.focus();
    void props.db
      .getAll('accounts')
      .then((all) =>
        setAccounts(all.filter((a) => !a.deletedAt).sort((a, b) => a.name.localeCompare(b.name))),
      );
  }, []);

  const save = async (e: Event) => {
    e.preventDefault();
    const built = buildEdit(draft, item, Date.now(), props.timeZone);
    if (typeof built === 'string') return setError(built);
    try {
      await updateInteraction(props.db, built, props.userId);
      props.onDone(true);
    } catch (err) {
      setError(`Could not save locally: ${String(err)}`);
    }
  };
  return (
    <form
      ref={formRef}
      class="card form edit"
      data-testid="edit-form"
      aria-label={`Edit “${item.title}”`}
      onSubmit={save}
      onKeyDown={(e) => {
        if (e.key === 'Escape') props.onDone(false);
        else logKeys(e, formRef.current, set);
      }}
    >
      <InteractionFields
        draft={draft}
        set={set}
        name={`tag-${item.id}`}
        timeZone={props.timeZone}
        showWhen
        accounts={accounts ?? []}
      />
      <div class="row start">
        <button type="submit" class="primary">
          Save changes
        </button>
        <button type="button" onClick={() => props.onDone(false)}>
          Cancel
        </button>
      </div>
      {error && (
        <p role="alert" class="error">
          {error}
        </p>
      )}
    </form>
  );
}
