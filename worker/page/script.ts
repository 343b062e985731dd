import { contentHash } from './content-hash.ts';

// Served as /page.js with a content hash in the URL, so the CSP can allow 'self' scripts and
// still forbid inline ones. Progressive enhancement only: every page works without it.

export const PAGE_JS = `(() => {
  'use strict';
  // Time zone fields left empty start with the browser's own zone.
  try {
    const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
    for (const i of document.querySelectorAll('input[data-default-zone]')) if (!i.value && zone) i.value = zone;
  } catch {}
  // Copy buttons: hidden in the HTML, shown only here, where they can work.
  for (const b of document.querySelectorAll('button[data-copy]')) b.hidden = false;
  document.addEventListener('click', async (e) => {
    const btn = e.target instanceof Element ? e.target.closest('button[data-copy]') : null;
    if (!btn) return;
    const source = document.getElementById(btn.dataset.copy || '');
    if (!source) return;
    const text = 'value' in source ? source.value : source.textContent || '';
    const say = document.getElementById(btn.dataset.copy + '-copied');
    try {
      await navigator.clipboard.writeText(text.trim());
      if (say) say.textContent = 'Copied.';
    } catch {
      if (typeof source.select === 'function') source.select();
      if (say) say.textContent = 'Selected: press Ctrl+C (or Cmd+C) to copy.';
    }
  });
  // Settings: while reminders are being recomputed, ask every few seconds whether it has finished.
  const status = document.querySelector('[data-recompute-status]');
  if (status) {
    const url = status.getAttribute('data-recompute-status');
    const tick = async () => {
      try {
        const res = await fetch(url, { credentials: 'same-origin', headers: { accept: 'application/json' } });
        const body = res.ok ? await res.json() : null;
        if (body && body.recomputing === false) {
          status.textContent = 'Reminders are up to date with these settings.';
          status.setAttribute('data-state', 'done');
          return;
        }
      } catch {}
      setTimeout(tick, 5000);
    };
    setTimeout(tick, 5000);
  }
})();
`;

export const PAGE_JS_VERSION = contentHash(PAGE_JS);
export const PAGE_JS_HREF = `/page.js?v=${PAGE_JS_VERSION}`;
