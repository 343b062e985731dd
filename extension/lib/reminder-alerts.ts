import { browser } from 'wxt/browser';
import { type Db, getMeta } from './db.ts';
import { FOCUS_KEY, type Focus } from './focus.ts';
import { attentionAt, badgeText, dueReminders, nextDueAt } from './reminder-due.ts';

/** The alarm that fires when the next reminder falls due. */
export const REMINDER_ALARM = 'reminder-due';
const NOTIFICATION_PREFIX = 'reminder:';

/**
 * Brings the badge, the notifications and the next reminder alarm in line
 * with the replica. A reminder is notified once per due time (kept in
 * IndexedDB, so a restarted service worker does not notify again).
 */
export async function refreshReminderAlerts(db: Db, now = Date.now()): Promise<void> {
  const signedIn = (await getMeta(db, 'credentials')) !== undefined;
  const all = signedIn ? await db.getAll('reminders') : [];
  const due = dueReminders(all, now);
  await browser.action.setBadgeText({ text: badgeText(due.length) });
  await browser.action.setBadgeBackgroundColor({ color: '#b42318' }).catch(() => {});

  const notified = (await getMeta<Record<string, number>>(db, 'notified')) ?? {};
  const next: Record<string, number> = {};
  for (const r of due) {
    const at = attentionAt(r) ?? 0;
    next[r.id] = at;
    if (notified[r.id] === at) continue;
    await browser.notifications
      .create(`${NOTIFICATION_PREFIX}${r.id}`, {
        type: 'basic',
        iconUrl: new URL('/icon-128.png', self.location.origin).href,
        title: 'Rapport reminder',
        message: r.title,
        priority: r.escalated ? 2 : 0,
      })
      .catch(() => {});
  }
  await db.put('meta', next, 'notified');

  const upcoming = nextDueAt(all, now);
  if (upcoming === null) await browser.alarms.clear(REMINDER_ALARM);
  else await browser.alarms.create(REMINDER_ALARM, { when: upcoming });
}

/**
 * A click on a reminder notification: remember its account for the panel,
 * then open the panel. The click is a user gesture, which Chrome's
 * `sidePanel.open` needs, so the panel is opened before anything is awaited.
 */
export function onNotificationClicked(db: Promise<Db>, notificationId: string, announce: () => void): void {
  if (!notificationId.startsWith(NOTIFICATION_PREFIX)) return;
  const reminderId = notificationId.slice(NOTIFICATION_PREFIX.length);
  openPanel();
  void (async () => {
    const d = await db;
    const reminder = await d.get('reminders', reminderId);
    const focus: Focus = { accountId: reminder?.accountId ?? null, reminderId, at: Date.now() };
    await d.put('meta', focus, FOCUS_KEY);
    announce();
    await browser.notifications.clear(notificationId);
  })();
}

interface PanelApis {
  sidePanel?: { open(o: { windowId: number }): Promise<void> };
  sidebarAction?: { open(): Promise<void> };
  windows: { getLastFocused(): Promise<{ id?: number }> };
}

function openPanel(): void {
  const apis = browser as unknown as PanelApis;
  if (apis.sidebarAction) {
    void apis.sidebarAction.open().catch(() => {});
    return;
  }
  void apis.windows
    .getLastFocused()
    .then((w) => (w.id === undefined ? undefined : apis.sidePanel?.open({ windowId: w.id })))
    .catch(() => {});
}
