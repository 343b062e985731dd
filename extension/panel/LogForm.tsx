import { useEffect, useRef, useState } from 'preact/hooks';
import type { InteractionInput, Tag } from '../../shared/schemas/index.ts';
import type { PageContext } from '../../shared/schemas/page-context.ts';
import { uuidv7 } from '../../shared/uuid.ts';
import type { Db } from '../lib/db.ts';
import { enqueue } from '../lib/outbox.ts';

/** Builds the interaction a save records from what is open in the tab. */
export function interactionFromContext(
  context: PageContext | null,
  tag: Tag,
  notes: string,
  title: string,
  now: Date,
): InteractionInput {
  return {
    id: uuidv7(now.getTime()),
    accountId: null,
    contactIds: [],
    kind: context?.kind === 'calendar-event' ? 'meeting' : context ? 'email' : 'note',
    tag,
    title: title.trim() || context?.title.trim() || 'Untitled interaction',
    notes,
    occurredAt: context?.occurredAt ?? now.toISOString(),
    source: context
      ? { site: context.site, ref: context.ref, url: context.url }
      : { site: 'manual', ref: null, url: null },
    followUpAt: null,
    awaitingReply: false,
    visibility: 'team',
  };
}

/** The log form: tag toggle (`t` / `s`), notes, save (Ctrl/Cmd+Enter). Saves locally first; sync follows. */
export function LogForm(props: { db: Db; context: PageContext | null; userId: string; onSaved: () => void }) {
  const [tag, setTag] = useState<Tag | null>(null);
  const [notes, setNotes] = useState('');
  const [title, setTitle] = useState('');
  const [message, setMessage] = useState<{ text: string; error?: boolean } | null>(null);
  const [saving, setSaving] = useState(false);
  const formRef = useRef<HTMLFormElement>(null);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const typing =
        e.target instanceof HTMLTextAreaElement ||
        (e.target instanceof HTMLInputElement && e.target.type === 'text');
      if ((e.ctrlKey || e.metaKey) && e.key === 'Enter') {
        e.preventDefault();
        formRef.current?.requestSubmit();
      } else if (!typing && !e.ctrlKey && !e.metaKey && !e.altKey) {
        if (e.key === 't') setTag('tactical');
        if (e.key === 's') setTag('strategic');
      }
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, []);

  const save = async (e: Event) => {
    e.preventDefault();
    if (!tag) {
      setMessage({ text: 'Pick tactical or strategic first.', error: true });
      return;
    }
    setSaving(true);
    try {
      await enqueue(
        props.db,
        'interaction.put',
        interactionFromContext(props.context, tag, notes, title, new Date()),
        props.userId,
      );
      setNotes('');
      setTitle('');
      setTag(null);
      setMessage({ text: 'Saved. It will sync in the background.' });
      props.onSaved();
    } catch (err) {
      setMessage({ text: `Could not save locally: ${String(err)}`, error: true });
    } finally {
      setSaving(false);
    }
  };

  return (
    <section aria-labelledby="log-heading">
      <h2 id="log-heading">Log interaction</h2>
      <form ref={formRef} onSubmit={save} class="card" style="display:grid;gap:10px">
        {!props.context && (
          <label>
            Title
            <input
              type="text"
              value={title}
              onInput={(e) => setTitle(e.currentTarget.value)}
              placeholder="Call with Acme about the renewal"
            />
          </label>
        )}
        <fieldset>
          <legend>
            Tag{' '}
            <span class="muted">
              (<kbd>t</kbd> / <kbd>s</kbd>)
            </span>
          </legend>
          {(['tactical', 'strategic'] as const).map((t) => (
            <label key={t} class={`tag-option ${t}`}>
              <input type="radio" name="tag" value={t} checked={tag === t} onChange={() => setTag(t)} />
              {t === 'tactical' ? 'Tactical' : 'Strategic'}
            </label>
          ))}
        </fieldset>
        <label>
          Notes
          <textarea value={notes} onInput={(e) => setNotes(e.currentTarget.value)} maxLength={10_000} />
        </label>
        <div class="row">
          <button type="submit" class="primary" disabled={saving}>
            Save
          </button>
          <span class="muted">
            <kbd>Ctrl</kbd>+<kbd>Enter</kbd>
          </span>
        </div>
        <p role="status" class={message?.error ? 'error' : 'muted'} aria-live="polite">
          {message?.text ?? ''}
        </p>
      </form>
    </section>
  );
}
