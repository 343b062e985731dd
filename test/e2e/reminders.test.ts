import { describe, expect, inject, it } from 'vitest';
import { uuidv7 } from '../../shared/uuid.ts';
import { connectPanel, type ExtensionBrowser, openPanel, useExtensionBrowser } from './browser.ts';
import { api, createOrg } from './server.ts';

const badge = (b: ExtensionBrowser) =>
  b.worker.evaluate(() => (globalThis as any).chrome.action.getBadgeText({}) as Promise<string>);

describe('reminders in the browser', () => {
  const browser = useExtensionBrowser();

  it('shows a due follow-up with a badge, and marking it done in the panel closes it on the server', async () => {
    const org = await createOrg();
    const account = await api<{ id: string }>('POST', '/api/accounts', org.token, {
      name: 'Initech',
      domains: ['initech.example'],
      stakeholder: 'customer',
      tier: 'tactical',
    });
    const past = new Date(Date.now() - 3 * 86_400_000).toISOString();
    const created = await api('POST', '/api/interactions', org.token, {
      id: uuidv7(),
      accountId: account.json.id,
      contactIds: [],
      kind: 'call',
      tag: 'tactical',
      title: 'Call about the TPS reports',
      notes: '',
      occurredAt: new Date(Date.now() - 10 * 86_400_000).toISOString(),
      source: { site: 'manual', ref: null, url: null },
      followUpAt: past,
      awaitingReply: false,
      visibility: 'team',
    });
    expect(created.status).toBe(201);
    const due = await api<{ items: { id: string; rule: string }[] }>(
      'GET',
      '/api/reminders?state=due',
      org.token,
    );
    const followUp = due.json.items.find((r) => r.rule === 'follow-up');
    expect(followUp, 'the Worker computes reminders on write').toBeTruthy();

    const panel = await openPanel(browser.current, 999_999);
    await connectPanel(panel, inject('serverUrl'), org.token);
    const row = panel.locator(`[data-testid="reminder"][data-reminder-id="${followUp!.id}"]`);
    await expect.poll(() => row.count(), { timeout: 20_000 }).toBe(1);
    await expect.poll(() => badge(browser.current), { timeout: 10_000 }).not.toBe('');

    await row.getByRole('button', { name: /^Done: / }).click();
    await expect.poll(() => row.count()).toBe(0);
    await expect
      .poll(
        async () =>
          (
            await api<{ items: { id: string }[] }>('GET', '/api/reminders?state=done', org.token)
          ).json.items.some((r) => r.id === followUp!.id),
        { timeout: 20_000 },
      )
      .toBe(true);
    const stillDue = await api<{ items: { id: string }[] }>('GET', '/api/reminders?state=due', org.token);
    await expect
      .poll(() => badge(browser.current), { timeout: 10_000 })
      .toBe(stillDue.json.items.length ? String(stillDue.json.items.length) : '');
  });
});
