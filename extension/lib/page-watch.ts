import { browser } from 'wxt/browser';

/** Extraction result shape as content scripts see it; the background validates it. */
type Extract = (doc: Document, url: string) => unknown;

const DEBOUNCE_MS = 250;

/**
 * Re-extracts the page context when the DOM or the URL changes (the apps are
 * single-page), debounced, and sends it to the background only when it changed.
 * Nothing leaves the browser until the user saves.
 */
export function watchPage(extract: Extract, win: Window = window): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let last = '';
  const run = () => {
    timer = undefined;
    let context: unknown = null;
    try {
      context = extract(win.document, win.location.href) ?? null;
    } catch {
      context = null;
    }
    const serialised = JSON.stringify(context);
    if (serialised === last) return;
    last = serialised;
    browser.runtime.sendMessage({ type: 'page-context', context }).catch(() => {});
  };
  const schedule = () => {
    if (timer === undefined) timer = setTimeout(run, DEBOUNCE_MS);
  };
  const observer = new MutationObserver(schedule);
  observer.observe(win.document.documentElement, {
    subtree: true,
    childList: true,
    characterData: false,
    attributes: false,
  });
  win.addEventListener('hashchange', schedule);
  win.addEventListener('popstate', schedule);
  run();
  return () => {
    observer.disconnect();
    win.removeEventListener('hashchange', schedule);
    win.removeEventListener('popstate', schedule);
    if (timer !== undefined) clearTimeout(timer);
  };
}
