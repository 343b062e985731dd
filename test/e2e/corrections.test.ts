import type { BrowserContext, Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { connectPanel, openPanel, serveFixture, tabIdOf, useExtensionBrowser } from './browser.ts';
import { api, createOrg } from './server.ts';

const THREAD_URL = 'https://mail.google.com/mail/u/0/#inbox/FMfcgzQbgRnJxWvKqDfLmNpTsHzBcXkP';
const SUBJECT = 'Q4 renewal — pricing proposal';

type Org = Awaited<ReturnType<typeof createOrg>>;

/** The interaction as the server has it now, deleted ones included. */
async function onServer(org: Org, id: string) {
  const list = await api<{ items: any[] }>(
    'GET',
    '/api/interactions?includeDeleted=true&limit=200',
    org.token,
  );
  return list.json.items.find((i) => i.id === id);
}

/** Runs `step` with the Worker unreachable; the change must reach the server only after it is back. */
async function whileDown(context: BrowserContext, panel: Page, step: () => Promise<void>) {
  const server = `${inject('serverUrl').replace(/\/$/, '')}/**`;
  await context.route(server, (route) => route.abort('connectionrefused'));
  await step();
  await expect
    .poll(() => panel.getByTestId('sync-status').textContent(), { timeout: 15_000 })
    .toMatch(/changes? waiting to sync/);
  await context.unroute(server);
  // Ask the background to sync without moving focus (the undo bar keeps its clock stopped while focused).
  await panel.evaluate(() => (globalThis as any).chrome.runtime.sendMessage({ type: 'sync-now' }));
}

const synced = (panel: Page) =>
  expect
    .poll(() => panel.getByTestId('sync-status').textContent(), { timeout: 30_000 })
    .toContain('Everything is synced');

describe('correcting what was logged', () => {
  const browser = useExtensionBrowser();

  async function logThread() {
    const org = await createOrg();
    const b = browser.current;
    await serveFixture(b.context, 'https://mail.google.com/**', 'gmail/thread-basic.html');
    const gmail = await b.context.newPage();
    await gmail.goto(THREAD_URL);
    const tabId = await tabIdOf(b.worker, 'https://mail.google.com/*');
    let panel = await openPanel(b, tabId);
    await panel.locator('main:not([aria-busy="true"])').waitFor();
    if (
      await panel
        .getByLabel('Server address')
        .isVisible()
        .catch(() => false)
    )
      await connectPanel(panel, inject('serverUrl'), org.token);
    else await connectAgain(panel, org.token);
    await expect
      .poll(() => panel.getByTestId('context-title').textContent(), { timeout: 15_000 })
      .toBe(SUBJECT);
    await panel.locator('body').press('s');
    await panel.getByLabel('Notes').fill('Pricing for the renewal.');
    await panel.getByLabel('Notes').press('Control+Enter');
    let id = '';
    await expect
      .poll(
        async () => {
          const list = await api<{ items: any[] }>('GET', '/api/interactions', org.token);
          id = list.json.items.find((i) => i.title === SUBJECT)?.id ?? '';
          return id;
        },
        { timeout: 30_000 },
      )
      .not.toBe('');
    await synced(panel);

    // Reopened, the panel says the thread is logged and asks before logging it twice.
    await panel.close();
    panel = await openPanel(b, tabId);
    const banner = panel.getByTestId('already-logged');
    await expect.poll(() => banner.textContent(), { timeout: 15_000 }).toMatch(/Logged .* as strategic/);
    expect(await panel.getByTestId('log-form').count()).toBe(0);
    return { org, panel, id, gmail };
  }

  async function connectAgain(panel: Page, token: string) {
    // Another test signed this profile in: sign out, then connect as this test's org.
    await panel.getByRole('button', { name: 'Sign out…' }).click();
    await panel.getByRole('button', { name: 'Sign out now' }).click();
    await connectPanel(panel, inject('serverUrl'), token);
  }

  it('edits the tag and notes, deletes, undoes; the server sees each step', async () => {
    const { org, panel, id, gmail } = await logThread();

    await panel.getByRole('button', { name: 'Update that entry' }).click();
    const form = panel.getByTestId('log-form');
    await form.getByLabel('Tactical').check();
    await form.getByLabel('Notes').fill('Pricing agreed; invoice next.');
    await form.getByRole('button', { name: 'Update' }).click();
    await expect
      .poll(() => onServer(org, id), { timeout: 30_000 })
      .toMatchObject({
        tag: 'tactical',
        notes: 'Pricing agreed; invoice next.',
        deletedAt: null,
      });
    const list = await api<{ items: any[] }>('GET', '/api/interactions', org.token);
    expect(list.json.items.filter((i) => i.title === SUBJECT)).toHaveLength(1);

    const row = panel.locator(`[data-testid="recent-item"][data-interaction-id="${id}"]`);
    await row.getByRole('button', { name: /^Delete/ }).click();
    await expect.poll(() => row.count()).toBe(0);
    expect(await panel.getByTestId('already-logged').count()).toBe(0);
    await expect.poll(async () => (await onServer(org, id))?.deletedAt, { timeout: 30_000 }).toBeTruthy();

    await panel.getByTestId('undo-bar').getByRole('button', { name: 'Undo' }).click();
    await expect.poll(() => row.count()).toBe(1);
    await expect
      .poll(() => onServer(org, id), { timeout: 30_000 })
      .toMatchObject({
        deletedAt: null,
        tag: 'tactical',
        notes: 'Pricing agreed; invoice next.',
      });
    await panel.close();
    await gmail.close();
  });

  it('does the same while the Worker is down, and every step arrives once it is back', async () => {
    const { org, panel, id, gmail } = await logThread();
    const { context } = browser.current;
    const row = panel.locator(`[data-testid="recent-item"][data-interaction-id="${id}"]`);

    await whileDown(context, panel, async () => {
      await row.getByRole('button', { name: /^Edit/ }).click();
      const editor = row.getByTestId('edit-form');
      await editor.getByLabel('Tactical').check();
      await editor.getByLabel('Notes').fill('Edited offline.');
      await editor.getByLabel('Notes').press('Control+Enter');
      await expect.poll(() => row.textContent()).toContain('Edited offline.');
      expect(await row.textContent()).toContain('pending sync');
    });
    await expect
      .poll(() => onServer(org, id), { timeout: 30_000 })
      .toMatchObject({
        tag: 'tactical',
        notes: 'Edited offline.',
      });

    await whileDown(context, panel, async () => {
      await row.getByRole('button', { name: /^Delete/ }).click();
      await expect.poll(() => row.count()).toBe(0);
    });
    await expect.poll(async () => (await onServer(org, id))?.deletedAt, { timeout: 30_000 }).toBeTruthy();

    await whileDown(context, panel, async () => {
      // The bar kept focus, so its clock is stopped; offline, undo still restores at once.
      await panel.getByTestId('undo-bar').getByRole('button', { name: 'Undo' }).click();
      await expect.poll(() => row.count()).toBe(1);
    });
    await expect
      .poll(() => onServer(org, id), { timeout: 30_000 })
      .toMatchObject({
        deletedAt: null,
        notes: 'Edited offline.',
      });
    await synced(panel);
    await panel.close();
    await gmail.close();
  });
});
