/**
 * Copies the text of element `target`. Hidden in the HTML and shown by the page script, so
 * a browser without JavaScript shows no button that does nothing; the text stays selectable.
 */
export function CopyButton(props: { target: string; label: string }) {
  return (
    <>
      <button type="button" class="copy" data-copy={props.target} hidden>
        {props.label}
      </button>
      <span id={`${props.target}-copied`} class="copied muted small" role="status" aria-live="polite" />
    </>
  );
}
