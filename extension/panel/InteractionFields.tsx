import type { InteractionKind, Tag } from '../../shared/schemas/index.ts';
import type { LocalAccount } from '../lib/db.ts';
import { FOLLOW_UP_PICKS } from './follow-up.ts';
import type { FollowUpChoice, LogDraft } from './log-draft.ts';
import { formatTime } from './time-format.ts';

const KINDS: { value: InteractionKind; label: string }[] = [
  { value: 'email', label: 'Email' },
  { value: 'meeting', label: 'Meeting' },
  { value: 'call', label: 'Call' },
  { value: 'note', label: 'Note' },
  { value: 'other', label: 'Other' },
];

interface Props {
  draft: LogDraft;
  set: (patch: Partial<LogDraft>) => void;
  /** Tells this form's radio group apart from another open on the panel. */
  name: string;
  timeZone: string;
  /** The classifier's pick and its top reason, shown beside the tag. */
  suggestion?: { tag: Tag; reason: string } | null;
  /** Show "When" (manual logs and edits). */
  showWhen: boolean;
  /** Offer an account picker with these accounts (manual logs and edits). */
  accounts?: LocalAccount[] | null;
  onAccountPicked?: () => void;
  titlePlaceholder?: string;
}

/**
 * The fields of a log: title, tag, kind, follow-up, when and account, notes,
 * awaiting reply, private. Shared by the log form and the editor of a logged
 * row, so both read and behave the same.
 */
export function InteractionFields(props: Props) {
  const { draft, set, suggestion } = props;
  return (
    <>
      <label>
        Title
        <input
          type="text"
          value={draft.title}
          maxLength={300}
          onInput={(e) => set({ title: e.currentTarget.value })}
          placeholder={props.titlePlaceholder ?? ''}
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
                name={props.name}
                value={t}
                checked={draft.tag === t}
                onChange={() => set({ tag: t })}
              />
              {t === 'tactical' ? 'Tactical' : 'Strategic'}
              {suggestion?.tag === t && <span class="muted"> · suggested</span>}
            </label>
          ))}
        </div>
        {suggestion && (
          <p class="muted suggestion" data-testid="tag-suggestion">
            Suggests {suggestion.tag}: {suggestion.reason}
          </p>
        )}
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
            onChange={(e) => set({ followUp: e.currentTarget.value as FollowUpChoice })}
          >
            {draft.keptFollowUpAt && (
              <option value="keep">Keep: {formatTime(draft.keptFollowUpAt, props.timeZone)}</option>
            )}
            {FOLLOW_UP_PICKS.map((p) => (
              <option key={p.value} value={p.value}>
                {p.value === 'none' && draft.keptFollowUpAt ? 'Remove the follow-up' : p.label}
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
      {(props.showWhen || props.accounts) && (
        <div class="grid2">
          {props.showWhen && (
            <label>
              When
              <input
                type="datetime-local"
                value={draft.when}
                onInput={(e) => set({ when: e.currentTarget.value })}
              />
            </label>
          )}
          {props.accounts && (
            <label>
              Account
              <select
                value={draft.accountId ?? ''}
                onChange={(e) => {
                  props.onAccountPicked?.();
                  set({ accountId: e.currentTarget.value || null });
                }}
              >
                <option value="">No account</option>
                {props.accounts.map((a) => (
                  <option key={a.id} value={a.id}>
                    {a.name}
                  </option>
                ))}
              </select>
            </label>
          )}
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
    </>
  );
}

/** Whether a key press lands in a field that takes text (where `t` and `s` are just letters). */
export function typing(target: EventTarget | null): boolean {
  if (target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement) return true;
  if (target instanceof HTMLInputElement)
    return !['radio', 'checkbox', 'button', 'submit'].includes(target.type);
  return target instanceof HTMLElement && target.isContentEditable;
}

/**
 * The log keys inside one form: `t` / `s` pick the tag, Ctrl/Cmd+Enter saves.
 * Returns true when the key was handled.
 */
export function logKeys(e: KeyboardEvent, form: HTMLFormElement | null, set: (p: Partial<LogDraft>) => void) {
  if ((e.ctrlKey || e.metaKey) && e.key === 'Enter') {
    e.preventDefault();
    form?.requestSubmit();
    return true;
  }
  if (typing(e.target) || e.ctrlKey || e.metaKey || e.altKey) return false;
  if (e.key === 't') set({ tag: 'tactical' });
  else if (e.key === 's') set({ tag: 'strategic' });
  else return false;
  return true;
}
