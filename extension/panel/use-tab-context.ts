import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import type { PageContext } from '../../shared/schemas/page-context.ts';
import { contextKey } from '../lib/context-key.ts';

/** The tab the panel speaks for: `?tabId=` when given, else the active tab of this window. */
async function targetTabId(): Promise<number | null> {
  const fromUrl = Number(new URLSearchParams(location.search).get('tabId'));
  if (Number.isInteger(fromUrl) && fromUrl > 0) return fromUrl;
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return tab?.id ?? null;
}

/** The latest page context the background stored for the target tab, live. */
export function useTabContext(): { context: PageContext | null; loading: boolean } {
  const [state, setState] = useState<{ context: PageContext | null; loading: boolean }>({
    context: null,
    loading: true,
  });
  useEffect(() => {
    let key: string | null = null;
    let cancelled = false;
    const load = async () => {
      const tabId = await targetTabId();
      key = tabId === null ? null : contextKey(tabId);
      const stored = key ? await browser.storage.session.get(key) : {};
      if (!cancelled)
        setState({ context: (key && (stored[key] as PageContext | null)) || null, loading: false });
    };
    const onChanged = (changes: Record<string, { newValue?: unknown }>, area: string) => {
      if (area === 'session' && key && key in changes)
        setState({ context: (changes[key]?.newValue as PageContext) ?? null, loading: false });
    };
    const onActivated = () => void load();
    void load();
    browser.storage.onChanged.addListener(onChanged);
    browser.tabs.onActivated.addListener(onActivated);
    return () => {
      cancelled = true;
      browser.storage.onChanged.removeListener(onChanged);
      browser.tabs.onActivated.removeListener(onActivated);
    };
  }, []);
  return state;
}
