import type { Page, Route } from 'playwright-core';
import { afterEach, describe, expect, inject, it } from 'vitest';
import {
  connectPanel,
  type ExtensionBrowser,
  launchWithExtension,
  openPanel,
  removeProfile,
} from './browser.ts';
import { api, createOrg } from './server.ts';

// Design §12: no acknowledged write is ever lost, and none is applied twice.
// The panel has no page open here, so it logs by hand.

const NO_TAB = 999_999;

async function logByHand(panel: Page, title: string): Promise<void> {
  const field = panel.getByLabel('Title');
  await field.fill(title);
  await panel.getByLabel('Tactical').check();
  await field.press('Control+Enter');
  await expect.poll(() => field.inputValue()).toBe('');
}

/** How many times each title exists on the server. */
async function serverCounts(token: string, titles: string[]): Promise<number[]> {
  const list = await api<{ items: { title: string }[] }>('GET', '/api/interactions?limit=200', token);
  return titles.map((t) => list.json.items.filter((i) => i.title === t).length);
}

const syncStatus = (panel: Page) => panel.getByTestId('sync-status').textContent();
const titlesFor = (run: string) => [1, 2, 3].map((n) => `${run} call ${n}`);

describe('no data loss, end to end', () => {
  const profiles: string[] = [];
  let b: ExtensionBrowser | null = null;
  afterEach(async () => {
    await b?.close().catch(() => {});
    b = null;
    for (const p of profiles.splice(0)) removeProfile(p);
  });

  async function start() {
    const org = await createOrg();
    b = await launchWithExtension();
    profiles.push(b.userDataDir);
    const panel = await openPanel(b, NO_TAB);
    await connectPanel(panel, inject('serverUrl'), org.token);
    return { org, panel, browser: b };
  }

  it('keeps writes made while the Worker is unreachable and delivers each once when it is back', async () => {
    const { org, panel, browser } = await start();
    const server = `${inject('serverUrl').replace(/\/$/, '')}/**`;
    await browser.context.route(server, (route) => route.abort('connectionrefused'));
    const titles = titlesFor('Offline');
    for (const t of titles) await logByHand(panel, t);
    await expect.poll(() => syncStatus(panel), { timeout: 10_000 }).toContain('3 changes waiting to sync');
    await expect
      .poll(() => panel.getByTestId('sync-error').textContent())
      .toContain('Cannot reach the server');
    expect(await panel.getByTestId('recent-item').filter({ hasText: 'pending sync' }).count()).toBe(3);
    expect(await serverCounts(org.token, titles)).toEqual([0, 0, 0]);

    await browser.context.unroute(server);
    // No click: the backoff alarm retries on its own.
    await expect
      .poll(() => serverCounts(org.token, titles), { timeout: 45_000, interval: 1_000 })
      .toEqual([1, 1, 1]);
    await expect.poll(() => syncStatus(panel), { timeout: 15_000 }).toContain('Everything is synced');
  });

  it('delivers each write once through 500s, time-outs and a response lost after the server applied it', async () => {
    const { org, panel, browser } = await start();
    const failures: ((route: Route) => Promise<void>)[] = [
      (r) =>
        r.fulfill({
          status: 500,
          contentType: 'application/problem+json',
          body: '{"type":"x","title":"boom","status":500}',
        }),
      (r) => r.abort('timedout'),
      // The server applies the push, but the answer never reaches the extension.
      async (r) => {
        await r.fetch();
        await r.fulfill({ status: 502, body: 'bad gateway' });
      },
      (r) => r.fulfill({ status: 503, headers: { 'retry-after': '1' }, body: '' }),
    ];
    let pushes = 0;
    await browser.context.route(`${inject('serverUrl').replace(/\/$/, '')}/api/sync/push`, async (route) => {
      pushes++;
      const fail = failures.shift();
      if (fail) await fail(route);
      else await route.continue();
    });
    const titles = titlesFor('Flaky');
    for (const t of titles) await logByHand(panel, t);
    await expect
      .poll(() => serverCounts(org.token, titles), { timeout: 45_000, interval: 1_000 })
      .toEqual([1, 1, 1]);
    await expect.poll(() => syncStatus(panel), { timeout: 15_000 }).toContain('Everything is synced');
    expect(failures).toHaveLength(0);
    expect(pushes).toBeGreaterThanOrEqual(5);
  });

  it('survives the browser closing mid-sync: relaunched on the same profile, each write arrives once', async () => {
    const { org, panel, browser } = await start();
    const titles = titlesFor('Restart');
    let applied!: () => void;
    const pushApplied = new Promise<void>((resolve) => (applied = resolve));
    await browser.context.route(`${inject('serverUrl').replace(/\/$/, '')}/api/sync/push`, async (route) => {
      // Let the server apply the push, then hold the answer until the browser is gone.
      await route.fetch().catch(() => {});
      applied();
      await new Promise(() => {});
    });
    for (const t of titles) await logByHand(panel, t);
    await pushApplied;
    await expect.poll(() => serverCounts(org.token, titles), { timeout: 15_000 }).not.toEqual([0, 0, 0]);
    expect(await syncStatus(panel)).toMatch(/changes? waiting to sync/);
    const profile = browser.userDataDir;
    profiles.splice(profiles.indexOf(profile), 1);
    await browser.close().catch(() => {});

    b = await launchWithExtension(profile);
    profiles.push(profile);
    const again = await openPanel(b, NO_TAB);
    await expect.poll(() => syncStatus(again), { timeout: 45_000 }).toContain('Everything is synced');
    expect(await serverCounts(org.token, titles)).toEqual([1, 1, 1]);
    const shown = await again.getByTestId('recent-item').allTextContents();
    for (const t of titles) expect(shown.filter((s) => s.includes(t))).toHaveLength(1);
  });
});
