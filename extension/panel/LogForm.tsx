import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { classify } from '../../shared/classify/classify.ts';
import type { PageContext } from '../../shared/schemas/page-context.ts';
import type { Db, LocalAccount, LocalInteraction } from '../lib/db.ts';
import { enqueue } from '../lib/outbox.ts';
import { InteractionFields, logKeys } from './InteractionFields.tsx';
import type { ContextMatch } from './local-match.ts';
import {
  buildEdit,
  buildInteraction,
  draftOf,
  emptyDraft,
  fromLocalInput,
  kindOf,
  type LogDraft,
  toLocalInput,
} from './log-draft.ts';
import { formatTime } from './time-format.ts';
import { useTeamLexicon } from './use-team-lexicon.ts';

interface Props {
  db: Db;
  context: PageContext | null;
  match: ContextMatch | null;
  /** The account the log is for unless the user picks another. */
  account: LocalAccount | null;
  userId: string;
  timeZone: string;
  /** The user's own logs of the open thread or event, newest first. */
  logged: LocalInteraction[];
  onSaved: (id: string) => void;
}

/** Either a new log, or the update of one already logged from this page (by id); null: not decided yet. */
type Choice = null | 'new' | { edit: LocalInteraction };

/**
 * The log form: tag toggle with the classifier's suggestion and its reason,
 * kind, notes, follow-up quick picks, awaiting reply and private. `t` / `s`
 * pick the tag, Ctrl/Cmd+Enter saves. Saves locally first; sync follows.
 * On a thread or event already logged it says so, and asks whether to update
 * that entry or log a new one, so nothing is logged twice by accident.
 */
export function LogForm(props: Props) {
  const { context, match, account, logged } = props;
  const [draft, setDraft] = useState<LogDraft>(() => emptyDraft(context, account?.id ?? null));
  const [choice, setChoice] = useState<Choice>(null);
  const [accountTouched, setAccountTouched] = useState(false);
  const [message, setMessage] = useState<{ text: string; error?: boolean } | null>(null);
  const [saving, setSaving] = useState(false);
  const [accounts, setAccounts] = useState<LocalAccount[] | null>(null);
  const team = useTeamLexicon(props.db);
  const formRef = useRef<HTMLFormElement>(null);
  const set = (patch: Partial<LogDraft>) => setDraft((d) => ({ ...d, ...patch }));
  const editing = choice && typeof choice === 'object' ? choice.edit : null;

  // A new thread or event starts a new draft.
  const ref = context ? `${context.site}:${context.ref}` : null;
  useEffect(() => {
    setDraft(emptyDraft(context, account?.id ?? null));
    setAccountTouched(false);
    setChoice(null);
  }, [ref]);
  useEffect(() => {
    if (!accountTouched && !editing) set({ accountId: account?.id ?? null });
  }, [account?.id, accountTouched, editing]);
  useEffect(() => {
    if ((draft.manual || editing) && accounts === null)
      void props.db
        .getAll('accounts')
        .then((all) =>
          setAccounts(all.filter((a) => !a.deletedAt).sort((a, b) => a.name.localeCompare(b.name))),
        );
  }, [draft.manual, editing]);

  // The log keys work anywhere on the panel except inside another form (an editor has its own).
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const form = formRef.current;
      if (!form) return;
      const inOther = e.target instanceof Element && e.target.closest('form') && !form.contains(e.target);
      if (!inOther) logKeys(e, form, set);
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, []);

  const chosenAccount = accounts?.find((a) => a.id === draft.accountId) ?? account;
  const suggestion = useMemo(
    () =>
      classify(
        {
          title: draft.title || context?.title || '',
          notes: draft.notes,
          accountTier: chosenAccount?.tier ?? null,
          kind: draft.kind,
        },
        team,
      ),
    [draft.title, draft.notes, draft.kind, context?.title, chosenAccount?.tier, team],
  );

  // The page shows no time the extractor could read: When is offered to correct, now unless changed.
  const noPageTime = !draft.manual && !editing && context !== null && context.occurredAt === null;

  const save = async (e: Event) => {
    e.preventDefault();
    const now = Date.now();
    const pageTime = noPageTime && draft.when ? fromLocalInput(draft.when, props.timeZone) : null;
    if (noPageTime && draft.when && !pageTime) {
      setMessage({ text: 'That time is not valid.', error: true });
      return;
    }
    const built = editing
      ? buildEdit(draft, editing, now, props.timeZone)
      : buildInteraction(
          draft,
          pageTime ? { ...context!, occurredAt: pageTime } : context,
          match,
          now,
          props.timeZone,
        );
    if (typeof built === 'string') {
      setMessage({ text: built, error: true });
      return;
    }
    setSaving(true);
    try {
      await enqueue(props.db, 'interaction.put', built, props.userId, new Date(now));
      setDraft({
        ...emptyDraft(context, draft.accountId),
        manual: draft.manual,
        when: draft.manual ? draft.when : '',
      });
      setMessage({
        text: editing ? 'Updated. It will sync in the background.' : 'Saved. It will sync in the background.',
      });
      setChoice(null);
      props.onSaved(built.id);
    } catch (err) {
      setMessage({ text: `Could not save locally: ${String(err)}`, error: true });
    } finally {
      setSaving(false);
    }
  };

  const latest = logged[0];
  const askFirst = !draft.manual && latest !== undefined && choice === null;
  const startEdit = (entry: LocalInteraction) => {
    setDraft(draftOf(entry, props.timeZone));
    setChoice({ edit: entry });
    setMessage(null);
  };
  const startNew = () => {
    setDraft(emptyDraft(context, account?.id ?? null));
    setChoice('new');
    setMessage(null);
  };
  const cancelChoice = () => {
    setDraft(emptyDraft(context, account?.id ?? null));
    setChoice(null);
    setMessage(null);
  };
  const toggleManual = () => {
    setChoice(null);
    set({
      manual: !draft.manual,
      kind: draft.manual ? kindOf(context) : 'call',
      title: draft.manual ? (context?.title ?? '') : '',
      when: toLocalInput(Date.now(), props.timeZone),
    });
  };

  const heading = editing ? 'Update the log' : draft.manual ? 'Log by hand' : 'Log interaction';
  return (
    <section aria-labelledby="log-heading">
      <div class="row">
        <h2 id="log-heading">{heading}</h2>
        {context && !editing && (
          <button type="button" class="link" aria-pressed={draft.manual} onClick={toggleManual}>
            {draft.manual ? 'Log this page instead' : 'Log a call or note by hand'}
          </button>
        )}
      </div>
      {latest && !draft.manual && (
        <div class="card notice" data-testid="already-logged">
          <p>
            <strong>
              Logged {formatTime(latest.occurredAt, props.timeZone)} as {latest.tag}
            </strong>
            {logged.length > 1 ? ` (and ${logged.length - 1} earlier)` : ''}
            {latest.pending ? <span class="muted"> · not synced yet</span> : null}
          </p>
          {askFirst ? (
            <div class="row start">
              <button type="button" class="primary" onClick={() => startEdit(latest)}>
                Update that entry
              </button>
              <button type="button" onClick={startNew}>
                Log a new one
              </button>
            </div>
          ) : (
            <p class="muted">
              {editing ? 'Changing that entry. ' : 'This saves a second entry for the same thread. '}
              <button type="button" class="link" onClick={cancelChoice}>
                Cancel
              </button>
            </p>
          )}
        </div>
      )}
      {!askFirst && (
        <form
          ref={formRef}
          onSubmit={save}
          class="card form"
          data-testid="log-form"
          data-mode={editing ? 'edit' : 'new'}
        >
          <InteractionFields
            draft={
              noPageTime && !draft.when ? { ...draft, when: toLocalInput(Date.now(), props.timeZone) } : draft
            }
            set={set}
            name="tag"
            timeZone={props.timeZone}
            suggestion={{ tag: suggestion.tag, reason: suggestion.reasons[0] ?? '' }}
            showWhen={draft.manual || editing !== null || noPageTime}
            accounts={draft.manual || editing ? (accounts ?? (account ? [account] : [])) : null}
            onAccountPicked={() => setAccountTouched(true)}
            titlePlaceholder={draft.manual ? 'Call with Acme about the renewal' : ''}
          />
          {noPageTime && (
            <p class="muted" data-testid="no-page-time">
              The page shows no time Rapport can read: it is logged at When, now unless you change it.
            </p>
          )}
          <div class="row">
            <button type="submit" class="primary" disabled={saving}>
              {editing ? 'Update' : 'Save'}
            </button>
            <span class="muted">
              <kbd>Ctrl</kbd>+<kbd>Enter</kbd>
            </span>
          </div>
        </form>
      )}
      <p
        role="status"
        class={message?.error ? 'error' : 'muted'}
        aria-live="polite"
        data-testid="save-status"
      >
        {message?.text ?? ''}
      </p>
    </section>
  );
}
