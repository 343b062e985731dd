import { browser } from 'wxt/browser';
import { z } from 'zod';
import { CHANGES_CHANNEL, contextKey } from './context-key.ts';
import { openRapportDb } from './db.ts';
import { BackgroundMessageSchema } from './messages.ts';
import { refreshOrgCache } from './org-refresh.ts';
import { onNotificationClicked, REMINDER_ALARM, refreshReminderAlerts } from './reminder-alerts.ts';
import { siteOfUrl } from './sites.ts';
import { syncOnce } from './sync-engine.ts';
import { cacheTeamTimeline } from './team-timeline.ts';

const PERIODIC = 'sync-periodic';
const RETRY = 'sync-retry';
/** Chrome's floor for alarm periods; design §5 asks for at least 30 s. */
const PERIOD_MINUTES = 0.5;

let running: Promise<void> | null = null;
let again = false;
let refreshOrg = false;
const changes = new BroadcastChannel(CHANGES_CHANNEL);

/**
 * Runs one sync round, never two at once: a request that arrives during a
 * round runs one more round after it, so a save is never left waiting for
 * the next alarm. Schedules the retry the round asks for.
 */
export function requestSync(opts: { refreshOrg?: boolean } = {}): Promise<void> {
  if (opts.refreshOrg) refreshOrg = true;
  if (running) {
    again = true;
    return running;
  }
  running = (async () => {
    try {
      do {
        again = false;
        const db = await openRapportDb();
        const outcome = await syncOnce(db);
        // The org's settings and people change rarely; refreshed when stale, never blocking the sync.
        if (outcome.ok) {
          const force = refreshOrg;
          refreshOrg = false;
          await refreshOrgCache(db, { force }).catch(() => false);
        }
        changes.postMessage('sync');
        if (outcome.retryAt !== null) await browser.alarms.create(RETRY, { when: outcome.retryAt });
        else await browser.alarms.clear(RETRY);
        await refreshReminderAlerts(db);
      } while (again);
    } catch {
      // Already recorded in the sync state; the periodic alarm tries again.
    } finally {
      running = null;
    }
  })();
  return running;
}

async function ensurePeriodicAlarm(): Promise<void> {
  const existing = await browser.alarms.get(PERIODIC);
  if (!existing) await browser.alarms.create(PERIODIC, { periodInMinutes: PERIOD_MINUTES });
}

/** Wires the background: panel behaviour, alarms, online events, notifications and the message router. */
export function startBackground(): void {
  // The extension's CSP forbids eval; tell zod not to try compiling parsers with `new Function`.
  z.config({ jitless: true });
  // Chrome opens the side panel on the toolbar button (and the command that presses it).
  (browser as unknown as { sidePanel?: { setPanelBehavior(o: object): Promise<void> } }).sidePanel
    ?.setPanelBehavior({ openPanelOnActionClick: true })
    .catch(() => {});
  // Firefox has no panel behaviour: without this, its toolbar button (which has no popup) does
  // nothing. The listener runs as user input, which `sidebarAction.toggle` requires, so it must
  // call it before awaiting anything.
  const sidebar = (browser as unknown as { sidebarAction?: { toggle(): Promise<void> } }).sidebarAction;
  if (sidebar) browser.action.onClicked.addListener(() => void sidebar.toggle().catch(() => {}));

  void ensurePeriodicAlarm();
  browser.runtime.onInstalled.addListener(() => void ensurePeriodicAlarm());
  browser.runtime.onStartup.addListener(() => void requestSync());
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === PERIODIC || alarm.name === RETRY) void requestSync();
    if (alarm.name === REMINDER_ALARM) void openRapportDb().then((db) => refreshReminderAlerts(db));
  });
  self.addEventListener('online', () => void requestSync());
  browser.notifications.onClicked.addListener((id) =>
    onNotificationClicked(openRapportDb(), id, () => changes.postMessage('focus')),
  );

  browser.runtime.onMessage.addListener((raw, sender) => {
    const parsed = BackgroundMessageSchema.safeParse(raw);
    if (!parsed.success) return undefined;
    const msg = parsed.data;
    if (msg.type === 'sync-now') {
      // Only the extension's own pages may drive sync; a content script never can.
      if (sender.id !== browser.runtime.id || !sender.url?.startsWith(self.location.origin)) return undefined;
      return requestSync({ refreshOrg: msg.refresh === true }).then(() => true);
    }
    if (msg.type === 'account-timeline') {
      if (sender.id !== browser.runtime.id || !sender.url?.startsWith(self.location.origin)) return undefined;
      return (
        openRapportDb()
          .then((db) => cacheTeamTimeline(db, msg.accountId))
          .then((n) => {
            if (n > 0) changes.postMessage('timeline');
            return true;
          })
          // Offline or refused: the timeline simply shows what is stored.
          .catch(() => false)
      );
    }
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
