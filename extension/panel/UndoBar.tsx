import { useEffect, useRef, useState } from 'preact/hooks';

/** How long a deletion can be undone from the bar. */
export const UNDO_MS = 8_000;

export interface UndoOffer {
  /** Tells one offer from the next, so a new deletion restarts the clock. */
  key: number;
  text: string;
  undo: () => Promise<void>;
}

/**
 * "Deleted “X”. Undo" for a few seconds after a deletion. The deletion is
 * already recorded; undo records the restore, so both reach the server. Focus
 * moves to the button, since the row that held the Delete button is gone.
 * The clock stops while the bar has focus or the pointer (WCAG 2.2.1), and
 * starts again from the full time once they leave.
 */
export function UndoBar(props: { offer: UndoOffer | null; onClose: () => void }) {
  const { offer } = props;
  const button = useRef<HTMLButtonElement>(null);
  const [error, setError] = useState<string | null>(null);
  const [held, setHeld] = useState({ focus: false, pointer: false });
  const paused = held.focus || held.pointer;
  useEffect(() => {
    if (!offer) return;
    setError(null);
    setHeld({ focus: false, pointer: false });
    button.current?.focus();
  }, [offer?.key]);
  useEffect(() => {
    if (!offer || paused) return;
    const timer = setTimeout(props.onClose, UNDO_MS);
    return () => clearTimeout(timer);
  }, [offer?.key, paused]);
  if (!offer) return null;
  const undo = async () => {
    try {
      await offer.undo();
      props.onClose();
    } catch (err) {
      setError(`Could not undo: ${String(err)}`);
    }
  };
  return (
    <div
      class="undo-bar"
      role="status"
      data-testid="undo-bar"
      onFocusIn={() => setHeld((h) => ({ ...h, focus: true }))}
      onFocusOut={() => setHeld((h) => ({ ...h, focus: false }))}
      onMouseEnter={() => setHeld((h) => ({ ...h, pointer: true }))}
      onMouseLeave={() => setHeld((h) => ({ ...h, pointer: false }))}
    >
      <span>{error ?? offer.text}</span>
      <button type="button" ref={button} onClick={undo}>
        Undo
      </button>
    </div>
  );
}
