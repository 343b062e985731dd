import { browser } from 'wxt/browser';
import { CHANGES_CHANNEL, contextKey } from './context-key.ts';
import { openRapportDb } from './db.ts';
import { BackgroundMessageSchema } from './messages.ts';
import { siteOfUrl } from './sites.ts';
import { syncOnce } from './sync-engine.ts';

const PERIODIC = 'sync-periodic';
const RETRY = 'sync-retry';

let running: Promise<void> | null = null;
const changes = new BroadcastChannel(CHANGES_CHANNEL);

/** Runs one sync round, never two at once; schedules the retry the round asks for. */
export function requestSync(): Promise<void> {
  running ??= (async () => {
    try {
      const db = await openRapportDb();
      const outcome = await syncOnce(db);
      changes.postMessage('sync');
      if (outcome.retryAt !== null) await browser.alarms.create(RETRY, { when: outcome.retryAt });
      else await browser.alarms.clear(RETRY);
    } finally {
      running = null;
    }
  })();
  return running;
}

/** Wires the background: panel behaviour, alarms, online events and the message router. */
export function startBackground(): void {
  // Chrome opens the side panel on the toolbar button (and the command that presses it).
  (browser as unknown as { sidePanel?: { setPanelBehavior(o: object): Promise<void> } }).sidePanel
    ?.setPanelBehavior({ openPanelOnActionClick: true })
    .catch(() => {});

  browser.runtime.onInstalled.addListener(
    () => void browser.alarms.create(PERIODIC, { periodInMinutes: 0.5 }),
  );
  browser.runtime.onStartup.addListener(() => void requestSync());
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === PERIODIC || alarm.name === RETRY) void requestSync();
  });
  self.addEventListener('online', () => void requestSync());

  browser.runtime.onMessage.addListener((raw, sender) => {
    const parsed = BackgroundMessageSchema.safeParse(raw);
    if (!parsed.success) return undefined;
    const msg = parsed.data;
    if (msg.type === 'sync-now') return requestSync().then(() => true);
    // The tab and origin come from the browser, never from the message.
    const tabId = sender.tab?.id;
    const site = siteOfUrl(sender.url ?? sender.tab?.url);
    if (tabId === undefined || !site || sender.id !== browser.runtime.id) return undefined;
    const context = msg.context;
    if (context && !site.includes(context.site)) return undefined;
    void browser.storage.session.set({ [contextKey(tabId)]: context });
    return undefined;
  });
  browser.tabs.onRemoved.addListener((tabId) => void browser.storage.session.remove(contextKey(tabId)));
}
