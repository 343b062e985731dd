import type { ComponentChildren } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import type { Db } from '../../lib/db.ts';
import { loggedFrom } from '../interaction-writes.ts';
import { formatTime } from '../time-format.ts';
import { interactionFor, type PlanWrite, saveLinked, type ThreadLink } from './plan-writes.ts';

/** What every plan form receives. */
export interface PlanFormProps {
  db: Db;
  userId: string;
  link: ThreadLink;
  /** Called after a save (with what to announce) or a cancel (null). */
  onDone: (saved: string | null) => void;
}

interface Props extends PlanFormProps {
  /** Names the form and its heading, e.g. `Record a KPI value`. */
  title: string;
  testid: string;
  submitLabel: string;
  /** The writes to save, given the interaction they link to; or a plain-words problem. */
  build: (interactionId: string | null, now: number) => PlanWrite[] | string;
  /** Announced after saving. */
  savedText: string;
  children: ComponentChildren;
}

/**
 * The frame of every plan form: the heading, the fields, what it will be linked to, and
 * Save / Cancel. Escape cancels and Ctrl/Cmd+Enter saves; the first field takes the focus.
 * A problem shows by the Save button and nothing typed is cleared.
 */
export function PlanForm(props: Props) {
  const ref = useRef<HTMLFormElement>(null);
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  useEffect(() => {
    ref.current?.querySelector<HTMLElement>('input, select, textarea')?.focus();
  }, []);
  const { link } = props;
  const submit = async (e: Event) => {
    e.preventDefault();
    if (saving) return;
    const now = Date.now();
    // The thread may have been logged a moment ago (by another plan action) and the props not
    // caught up yet: ask the replica, so a thread is never logged twice.
    const logged =
      link.logged ??
      (link.context
        ? ((await loggedFrom(props.db, props.userId, link.context.site, link.context.ref))[0] ?? null)
        : null);
    const thread = interactionFor({ ...link, logged }, now);
    const writes = props.build(thread.id, now);
    if (typeof writes === 'string') {
      setError(writes);
      return;
    }
    setSaving(true);
    try {
      await saveLinked(props.db, props.userId, thread.create, writes, now);
      props.onDone(props.savedText);
    } catch (err) {
      setError(`Could not save locally: ${String(err)}`);
      setSaving(false);
    }
  };
  const id = `${props.testid}-heading`;
  return (
    <form
      ref={ref}
      class="card form plan-form"
      data-testid={props.testid}
      data-plan-form=""
      aria-labelledby={id}
      onSubmit={submit}
      onKeyDown={(e) => {
        if (e.key === 'Escape') {
          e.preventDefault();
          props.onDone(null);
        } else if ((e.ctrlKey || e.metaKey) && e.key === 'Enter') {
          e.preventDefault();
          e.stopPropagation();
          ref.current?.requestSubmit();
        }
      }}
    >
      <h3 class="sub" id={id}>
        {props.title}
      </h3>
      {props.children}
      <p class="muted hint" data-testid="plan-link">
        {link.logged
          ? `Linked to your log of this ${link.context?.kind === 'calendar-event' ? 'event' : 'thread'} (${formatTime(link.logged.occurredAt, link.timeZone)}).`
          : link.context
            ? `Also logs this ${link.context.kind === 'calendar-event' ? 'event' : 'thread'} as strategic, and links to it.`
            : 'No thread or event is open: saved without a link.'}
      </p>
      {error && (
        <p class="error field-error" role="alert" data-testid="plan-form-error">
          {error}
        </p>
      )}
      <div class="row start">
        <button type="submit" class="primary" disabled={saving}>
          {props.submitLabel}
        </button>
        <button type="button" onClick={() => props.onDone(null)}>
          Cancel
        </button>
        <span class="muted">
          <kbd>Ctrl</kbd>+<kbd>Enter</kbd> · <kbd>Esc</kbd>
        </span>
      </div>
    </form>
  );
}
