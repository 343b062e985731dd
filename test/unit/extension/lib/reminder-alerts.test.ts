import { beforeEach, describe, expect, it, vi } from 'vitest';

const calls = vi.hoisted(() => ({
  badge: [] as string[],
  notifications: [] as string[],
  cleared: [] as string[],
  alarms: new Map<string, number>(),
  opened: 0,
}));

vi.mock('wxt/browser', () => ({
  browser: {
    action: {
      setBadgeText: async ({ text }: { text: string }) => void calls.badge.push(text),
      setBadgeBackgroundColor: async () => {},
    },
    notifications: {
      create: async (id: string) => void calls.notifications.push(id),
      clear: async (id: string) => void calls.cleared.push(id),
    },
    alarms: {
      create: async (name: string, o: { when: number }) => void calls.alarms.set(name, o.when),
      clear: async (name: string) => void calls.alarms.delete(name),
    },
    windows: { getLastFocused: async () => ({ id: 7 }) },
    sidePanel: { open: async () => void calls.opened++ },
  },
}));

const { onNotificationClicked, refreshReminderAlerts, REMINDER_ALARM } = await import(
  '../../../../extension/lib/reminder-alerts.ts'
);
const { FOCUS_KEY } = await import('../../../../extension/lib/focus.ts');
const { freshDb } = await import('./support.ts');

const NOW = Date.parse('2026-03-06T14:00:00Z');
const reminder = (id: string, dueAt: string, state = 'open') => ({
  id,
  userId: 'u',
  accountId: `acc-${id}`,
  interactionId: null,
  rule: 'follow-up' as const,
  title: `Reminder ${id}`,
  dueAt,
  state: state as 'open',
  snoozedUntil: null,
  escalated: false,
  version: 1,
  createdAt: 'x',
  updatedAt: 'x',
  deletedAt: null,
});

describe('reminder alerts', () => {
  beforeEach(() => {
    calls.badge.length = 0;
    calls.notifications.length = 0;
    calls.alarms.clear();
  });

  it('badges the due count, notifies each due time once, and sets an alarm for the next', async () => {
    vi.stubGlobal('self', { location: { origin: 'chrome-extension://x' } });
    const db = await freshDb();
    await db.put('reminders', reminder('a', '2026-03-06T10:00:00Z'));
    await db.put('reminders', reminder('b', '2026-03-05T10:00:00Z'));
    await db.put('reminders', reminder('c', '2026-03-06T10:00:00Z', 'done'));
    await db.put('reminders', reminder('d', '2026-03-09T08:00:00Z'));
    await refreshReminderAlerts(db, NOW);
    expect(calls.badge.at(-1)).toBe('2');
    expect(calls.notifications.sort()).toEqual(['reminder:a', 'reminder:b']);
    expect(calls.alarms.get(REMINDER_ALARM)).toBe(Date.parse('2026-03-09T08:00:00Z'));

    await refreshReminderAlerts(db, NOW + 60_000);
    expect(calls.notifications).toHaveLength(2);

    // Snoozed until later, then due again: a new due time is a new notification.
    await db.put('reminders', {
      ...reminder('a', '2026-03-06T10:00:00Z', 'snoozed'),
      snoozedUntil: '2026-03-06T14:30:00Z',
    });
    await refreshReminderAlerts(db, NOW + 60 * 60_000);
    expect(calls.notifications.filter((n) => n === 'reminder:a')).toHaveLength(2);
  });

  it('shows nothing once signed out', async () => {
    const db = await freshDb(false);
    await db.put('reminders', reminder('a', '2026-03-06T10:00:00Z'));
    await refreshReminderAlerts(db, NOW);
    expect(calls.badge.at(-1)).toBe('');
    expect(calls.alarms.has(REMINDER_ALARM)).toBe(false);
  });

  it('a click opens the panel first, then leaves the reminder account for it', async () => {
    const db = await freshDb();
    await db.put('reminders', reminder('a', '2026-03-06T10:00:00Z'));
    const announced = new Promise<void>((resolve) =>
      onNotificationClicked(Promise.resolve(db), 'reminder:a', resolve),
    );
    await announced;
    expect(calls.opened).toBe(1);
    expect(await db.get('meta', FOCUS_KEY)).toMatchObject({ accountId: 'acc-a', reminderId: 'a' });
    onNotificationClicked(Promise.resolve(db), 'something-else', () => {});
    expect(calls.opened).toBe(1);
  });
});
