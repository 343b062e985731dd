import { describe, expect, inject, it } from 'vitest';
import { connectPanel, openPanel, serveFixture, tabIdOf, useExtensionBrowser } from './browser.ts';
import { api, createOrg } from './server.ts';

const THREAD_URL = 'https://mail.google.com/mail/u/0/#inbox/FMfcgzQbgRnJxWvKqDfLmNpTsHzBcXkP';
const SUBJECT = 'Q4 renewal — pricing proposal';

describe('walking skeleton: Gmail thread → panel → Worker → summary page', () => {
  const browser = useExtensionBrowser();

  it('logs a strategic interaction from a Gmail thread and shows it on the summary page', async () => {
    const org = await createOrg();
    await serveFixture(browser.current.context, 'https://mail.google.com/**', 'gmail/thread-basic.html');
    const gmail = await browser.current.context.newPage();
    await gmail.goto(THREAD_URL);
    const tabId = await tabIdOf(browser.current.worker, 'https://mail.google.com/*');

    const panel = await openPanel(browser.current, tabId);
    await connectPanel(panel, inject('serverUrl'), org.token);
    await expect
      .poll(() => panel.getByTestId('context-title').textContent(), { timeout: 15_000 })
      .toBe(SUBJECT);
    const people = await panel.getByTestId('participant').allTextContents();
    expect(people.join('\n')).toContain('alice.chen@acme.example');

    await panel.locator('body').press('s');
    expect(await panel.getByLabel('Strategic').isChecked()).toBe(true);
    await panel.getByLabel('Notes').fill('Pricing for the renewal; exec sponsor joins next call.');
    await panel.getByLabel('Notes').press('Control+Enter');
    const item = panel.getByTestId('recent-item').filter({ hasText: SUBJECT });
    await expect.poll(() => item.count()).toBe(1);
    // Shown at once from the local replica, then acknowledged by the server.
    await expect.poll(() => item.textContent(), { timeout: 30_000 }).not.toContain('pending sync');
    expect(await panel.getByTestId('sync-status').textContent()).toContain('Everything is synced');

    const list = await api<{ items: any[] }>('GET', '/api/interactions', org.token);
    expect(list.status).toBe(200);
    const saved = list.json.items.find((i) => i.title === SUBJECT);
    expect(saved).toMatchObject({
      tag: 'strategic',
      userId: org.user.id,
      kind: 'email',
      notes: 'Pricing for the renewal; exec sponsor joins next call.',
      source: { site: 'gmail', url: expect.stringContaining('https://mail.google.com/mail/u/0/') },
    });
    expect(saved.source.ref).toBeTruthy();

    const link = await api<{ url: string }>('POST', '/api/auth/web-link', org.token);
    expect(link.status).toBe(201);
    const summary = await browser.current.context.newPage();
    expect((await summary.goto(link.json.url))?.status()).toBe(200);
    await summary.getByTestId('link-continue').click();
    await summary.waitForURL((u) => u.pathname === '/');
    const row = summary.locator(`[data-testid="timeline-row"][data-interaction-id="${saved.id}"]`);
    await expect.poll(() => row.count()).toBe(1);
    expect(await row.textContent()).toContain('strategic');
  });
});
