import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { classify } from '../../shared/classify/classify.ts';
import type { InteractionKind, Tag } from '../../shared/schemas/index.ts';
import type { PageContext } from '../../shared/schemas/page-context.ts';
import type { Db, LocalAccount } from '../lib/db.ts';
import { enqueue } from '../lib/outbox.ts';
import { FOLLOW_UP_PICKS, type FollowUpPick } from './follow-up.ts';
import type { ContextMatch } from './local-match.ts';
import { buildInteraction, emptyDraft, kindOf, type LogDraft, toLocalInput } from './log-draft.ts';

const KINDS: { value: InteractionKind; label: string }[] = [
  { value: 'email', label: 'Email' },
  { value: 'meeting', label: 'Meeting' },
  { value: 'call', label: 'Call' },
  { value: 'note', label: 'Note' },
  { value: 'other', label: 'Other' },
];

interface Props {
  db: Db;
  context: PageContext | null;
  match: ContextMatch | null;
  /** The account the log is for unless the user picks another. */
  account: LocalAccount | null;
  userId: string;
  timeZone: string;
  onSaved: (id: string) => void;
}

/** Whether a key press lands in a field that takes text (where `t` and `s` are just letters). */
function typing(target: EventTarget | null): boolean {
  if (target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement) return true;
  if (target instanceof HTMLInputElement)
    return !['radio', 'checkbox', 'button', 'submit'].includes(target.type);
  return target instanceof HTMLElement && target.isContentEditable;
}

/**
 * The log form: tag toggle with the classifier's suggestion and its reason,
 * kind, notes, follow-up quick picks, awaiting reply and private. `t` / `s`
 * pick the tag, Ctrl/Cmd+Enter saves. Saves locally first; sync follows.
 */
export function LogForm(props: Props) {
  const { context, match, account } = props;
  const [draft, setDraft] = useState<LogDraft>(() => emptyDraft(context, account?.id ?? null));
  const [accountTouched, setAccountTouched] = useState(false);
  const [message, setMessage] = useState<{ text: string; error?: boolean } | null>(null);
  const [saving, setSaving] = useState(false);
  const [accounts, setAccounts] = useState<LocalAccount[] | null>(null);
  const formRef = useRef<HTMLFormElement>(null);
  const set = (patch: Partial<LogDraft>) => setDraft((d) => ({ ...d, ...patch }));

  // A new thread or event starts a new draft.
  const ref = context ? `${context.site}:${context.ref}` : null;
  useEffect(() => {
    setDraft(emptyDraft(context, account?.id ?? null));
    setAccountTouched(false);
  }, [ref]);
  useEffect(() => {
    if (!accountTouched) set({ accountId: account?.id ?? null });
  }, [account?.id, accountTouched]);
  useEffect(() => {
    if (draft.manual && accounts === null)
      void props.db
        .getAll('accounts')
        .then((all) =>
          setAccounts(all.filter((a) => !a.deletedAt).sort((a, b) => a.name.localeCompare(b.name))),
        );
  }, [draft.manual]);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if ((e.ctrlKey || e.metaKey) && e.key === 'Enter') {
        e.preventDefault();
        formRef.current?.requestSubmit();
      } else if (!typing(e.target) && !e.ctrlKey && !e.metaKey && !e.altKey) {
        if (e.key === 't') set({ tag: 'tactical' });
        if (e.key === 's') set({ tag: 'strategic' });
      }
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, []);

  const chosenAccount = accounts?.find((a) => a.id === draft.accountId) ?? account;
  const suggestion = useMemo(
    () =>
      classify({
        title: draft.title || context?.title || '',
        notes: draft.notes,
        accountTier: chosenAccount?.tier ?? null,
        kind: draft.kind,
      }),
    [draft.title, draft.notes, draft.kind, context?.title, chosenAccount?.tier],
  );

  const save = async (e: Event) => {
    e.preventDefault();
    const now = Date.now();
    const built = buildInteraction(draft, context, match, now, props.timeZone);
    if (typeof built === 'string') {
      setMessage({ text: built, error: true });
      return;
    }
    setSaving(true);
    try {
      await enqueue(props.db, 'interaction.put', built, props.userId, new Date(now));
      setDraft({ ...emptyDraft(context, draft.accountId), manual: draft.manual });
      setMessage({ text: 'Saved. It will sync in the background.' });
      props.onSaved(built.id);
    } catch (err) {
      setMessage({ text: `Could not save locally: ${String(err)}`, error: true });
    } finally {
      setSaving(false);
    }
  };

  const topReason = suggestion.reasons[0] ?? '';
  return (
    <section aria-labelledby="log-heading">
      <div class="row">
        <h2 id="log-heading">{draft.manual ? 'Log by hand' : 'Log interaction'}</h2>
        {context && (
          <button
            type="button"
            class="link"
            aria-pressed={draft.manual}
            onClick={() =>
              set({
                manual: !draft.manual,
                kind: draft.manual ? kindOf(context) : 'call',
                when: toLocalInput(Date.now()),
              })
            }
          >
            {draft.manual ? 'Log this page instead' : 'Log a call or note by hand'}
          </button>
        )}
      </div>
      <form ref={formRef} onSubmit={save} class="card form" data-testid="log-form">
        <label>
          Title
          <input
            type="text"
            value={draft.title}
            maxLength={300}
            onInput={(e) => set({ title: e.currentTarget.value })}
            placeholder={draft.manual ? 'Call with Acme about the renewal' : ''}
          />
        </label>
        <fieldset>
          <legend>
            Tag{' '}
            <span class="muted">
              (<kbd>t</kbd> / <kbd>s</kbd>)
            </span>
          </legend>
          <div class="tags">
            {(['tactical', 'strategic'] as Tag[]).map((t) => (
              <label key={t} class={`tag-option ${t}`}>
                <input
                  type="radio"
                  name="tag"
                  value={t}
                  checked={draft.tag === t}
                  onChange={() => set({ tag: t })}
                />
                {t === 'tactical' ? 'Tactical' : 'Strategic'}
                {suggestion.tag === t && <span class="muted"> · suggested</span>}
              </label>
            ))}
          </div>
          <p class="muted suggestion" data-testid="tag-suggestion">
            Suggests {suggestion.tag}: {topReason}
          </p>
        </fieldset>
        <div class="grid2">
          <label>
            Kind
            <select
              value={draft.kind}
              onChange={(e) => set({ kind: e.currentTarget.value as InteractionKind })}
            >
              {KINDS.map((k) => (
                <option key={k.value} value={k.value}>
                  {k.label}
                </option>
              ))}
            </select>
          </label>
          <label>
            Follow up
            <select
              value={draft.followUp}
              onChange={(e) => set({ followUp: e.currentTarget.value as FollowUpPick })}
            >
              {FOLLOW_UP_PICKS.map((p) => (
                <option key={p.value} value={p.value}>
                  {p.label}
                </option>
              ))}
            </select>
          </label>
        </div>
        {draft.followUp === 'date' && (
          <label>
            Follow-up date
            <input
              type="date"
              value={draft.followUpDate}
              onInput={(e) => set({ followUpDate: e.currentTarget.value })}
            />
          </label>
        )}
        {draft.manual && (
          <div class="grid2">
            <label>
              When
              <input
                type="datetime-local"
                value={draft.when}
                onInput={(e) => set({ when: e.currentTarget.value })}
              />
            </label>
            <label>
              Account
              <select
                value={draft.accountId ?? ''}
                onChange={(e) => {
                  setAccountTouched(true);
                  set({ accountId: e.currentTarget.value || null });
                }}
              >
                <option value="">No account</option>
                {(accounts ?? (account ? [account] : [])).map((a) => (
                  <option key={a.id} value={a.id}>
                    {a.name}
                  </option>
                ))}
              </select>
            </label>
          </div>
        )}
        <label>
          Notes
          <textarea
            value={draft.notes}
            onInput={(e) => set({ notes: e.currentTarget.value })}
            maxLength={10_000}
          />
        </label>
        <div class="checks">
          <label class="check">
            <input
              type="checkbox"
              checked={draft.awaitingReply}
              onChange={(e) => set({ awaitingReply: e.currentTarget.checked })}
            />
            Awaiting reply
          </label>
          <label class="check">
            <input
              type="checkbox"
              checked={draft.private}
              onChange={(e) => set({ private: e.currentTarget.checked })}
            />
            Private
          </label>
        </div>
        <div class="row">
          <button type="submit" class="primary" disabled={saving}>
            Save
          </button>
          <span class="muted">
            <kbd>Ctrl</kbd>+<kbd>Enter</kbd>
          </span>
        </div>
        <p
          role="status"
          class={message?.error ? 'error' : 'muted'}
          aria-live="polite"
          data-testid="save-status"
        >
          {message?.text ?? ''}
        </p>
      </form>
    </section>
  );
}
