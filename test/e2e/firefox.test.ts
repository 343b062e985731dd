import type { Page } from 'puppeteer-core';
import { describe, expect, inject, it } from 'vitest';
import { SITE_MATCHES } from '../../extension/lib/sites.ts';
import {
  clickToolbarButton,
  evaluateInBrowserWindow,
  type FirefoxWithExtension,
  openExtensionPage,
  openFixturePage,
  sidebarShown,
  useFirefox,
} from './firefox.ts';
import { api, createOrg } from './server.ts';

const THREAD_URL = 'https://mail.google.com/mail/u/0/#inbox/FMfcgzQbgRnJxWvKqDfLmNpTsHzBcXkP';
const SUBJECT = 'Q4 renewal — pricing proposal';

/** Text of the first element matching `selector` in the page, or null. */
function textOf(page: Page, selector: string): Promise<string | null> {
  return page.evaluate((s) => document.querySelector(s)?.textContent ?? null, selector);
}

/** Text of the first element matching `selector` in the open Rapport sidebar, or null. */
function sidebarText(page: Page, selector: string): Promise<string | null> {
  return page.evaluate((s) => {
    const [view] = (globalThis as any).browser.extension.getViews({ type: 'sidebar' }) as Window[];
    return view?.document.querySelector(s)?.textContent ?? null;
  }, selector);
}

/**
 * Answers the browser's permission door-hanger for the add-on with "Allow", as a user would
 * (WebDriver cannot see the browser's own UI), and returns what the prompt asked for.
 */
async function allowPermissionPrompt(ff: FirefoxWithExtension): Promise<string[]> {
  const deadline = Date.now() + 15_000;
  while (Date.now() < deadline) {
    const asked = await evaluateInBrowserWindow<string[] | null>(
      ff,
      `(() => {
        const n = PopupNotifications.getNotification('addon-webext-permissions', gBrowser.selectedBrowser);
        if (!n) return null;
        const asked = n.options.customElementOptions.strings.msgs;
        n.mainAction.callback();
        n.remove();
        return asked;
      })()`,
    );
    if (asked) return asked;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error('the permission prompt did not appear');
}

describe('Firefox ESR: onboarding, logging from Gmail, the toolbar button and the sidebar', () => {
  const ff = useFirefox();
  // The tests run in order in one browser: the person who joins in the first logs in the second.
  let org: Awaited<ReturnType<typeof createOrg>>;
  let memberId: string;

  it('joins with an invite code; Connect asks for access to just the team server', async () => {
    org = await createOrg();
    const invite = await api<{ code: string }>('POST', '/api/invites', org.token, {
      email: 'fern.fox@acme.example',
      role: 'member',
      name: 'Fern Fox',
    });
    expect(invite.status).toBe(201);
    const serverUrl = inject('serverUrl');
    const serverOrigin = `http://${new URL(serverUrl).hostname}/*`;

    const panel = await openExtensionPage(ff.current, 'sidepanel.html?tabId=999999');
    const hasServerAccess = () =>
      panel.evaluate(
        (o) => (globalThis as any).browser.permissions.contains({ origins: [o] }) as Promise<boolean>,
        serverOrigin,
      );
    expect(await hasServerAccess()).toBe(false);
    // Firefox grants the manifest's host permissions (the mail and calendar sites) at install.
    expect(
      await panel.evaluate(
        (o) => (globalThis as any).browser.permissions.contains({ origins: o }) as Promise<boolean>,
        SITE_MATCHES,
      ),
    ).toBe(true);
    await panel.locator('input[name="server"]').fill(serverUrl);
    await panel.locator('input[name="code"]').fill(invite.json.code);
    await panel.locator('button[type="submit"]').click();
    // The prompt names only the server: the sites were granted at install.
    expect(await allowPermissionPrompt(ff.current)).toEqual([
      expect.stringContaining(new URL(serverUrl).hostname),
    ]);
    // The person confirms the name the invite carries, then the code is spent.
    await panel.waitForSelector('[data-testid="confirm-name"]', { timeout: 30_000 });
    expect(await panel.$eval('input[name="name"]', (e) => (e as HTMLInputElement).value)).toBe('Fern Fox');
    await panel.locator('[data-testid="confirm-name"] button[type="submit"]').click();
    await panel.waitForSelector('[data-testid="log-form"]', { timeout: 30_000 });
    await expect.poll(() => hasServerAccess()).toBe(true);
    await expect
      .poll(() => textOf(panel, '[data-testid="sync-status"]'), { timeout: 20_000 })
      .toContain('Last synced');
    expect(await textOf(panel, '.status')).toContain('fern.fox@acme.example');

    // The code is spent, and the token the extension holds is this person's, labelled Firefox.
    const again = await api('POST', '/api/auth/redeem', undefined, { code: invite.json.code, device: 'x' });
    expect([400, 410]).toContain(again.status);
    const tokens = await api<{ items: { label: string; userId: string }[] }>(
      'GET',
      '/api/tokens?kind=api',
      org.token,
    );
    const firefoxToken = tokens.json.items.find((t) => t.label === 'Rapport extension, Firefox on Linux');
    expect(firefoxToken).toBeDefined();
    expect(firefoxToken?.userId).not.toBe(org.user.id);
    memberId = firefoxToken!.userId;
    await panel.close();
  });

  it('logs a strategic interaction from a Gmail thread, and it arrives on the server', async () => {
    const gmail = await openFixturePage(
      ff.current,
      'https://mail.google.com/',
      'gmail/thread-basic.html',
      THREAD_URL,
    );
    const panel = await openExtensionPage(ff.current, 'sidepanel.html');
    const tabId = await panel.evaluate(async () => {
      const tabs = await (globalThis as any).browser.tabs.query({ url: 'https://mail.google.com/*' });
      return tabs[0]?.id as number;
    });
    expect(tabId).toBeGreaterThan(0);
    await panel.close();

    const p = await openExtensionPage(ff.current, `sidepanel.html?tabId=${tabId}`);
    await expect.poll(() => textOf(p, '[data-testid="context-title"]'), { timeout: 15_000 }).toBe(SUBJECT);
    const people = await p.$$eval('[data-testid="participant"]', (els) => els.map((e) => e.textContent));
    expect(people.join('\n')).toContain('alice.chen@acme.example');

    await p.locator('body').click();
    await p.keyboard.press('s');
    expect(
      await p.$eval('input[name="tag"][value="strategic"]', (e) => (e as HTMLInputElement).checked),
    ).toBe(true);
    await p.locator('textarea').fill('Pricing for the renewal; exec sponsor joins next call.');
    await p.keyboard.down('Control');
    await p.keyboard.press('Enter');
    await p.keyboard.up('Control');

    const itemText = () =>
      p.evaluate(
        (subject) =>
          [...document.querySelectorAll('[data-testid="recent-item"]')]
            .map((e) => e.textContent ?? '')
            .find((t) => t.includes(subject)) ?? null,
        SUBJECT,
      );
    await expect.poll(itemText).not.toBeNull();
    await expect.poll(itemText, { timeout: 30_000 }).not.toContain('pending sync');
    expect(await textOf(p, '[data-testid="sync-status"]')).toContain('Everything is synced');

    const list = await api<{ items: any[] }>('GET', `/api/interactions?userId=${memberId}`, org.token);
    const saved = list.json.items.find((i) => i.title === SUBJECT);
    expect(saved).toMatchObject({
      tag: 'strategic',
      userId: memberId,
      kind: 'email',
      notes: 'Pricing for the renewal; exec sponsor joins next call.',
      source: { site: 'gmail', ref: '18c4f2a9b7e3d512' },
    });
    expect(saved.source.url).toContain('https://mail.google.com/mail/u/0/');

    // Firefox opens the sidebar once at install (`open_at_install`); the toolbar button toggles
    // it. The sidebar speaks for the window's active tab: here, Gmail.
    await gmail.bringToFront();
    expect(await sidebarShown(ff.current)).toBe(true);
    await clickToolbarButton(ff.current);
    await expect.poll(() => sidebarShown(ff.current)).toBe(false);
    await clickToolbarButton(ff.current);
    await expect.poll(() => sidebarShown(ff.current)).toBe(true);
    await expect
      .poll(() => sidebarText(p, '[data-testid="context-title"]'), { timeout: 15_000 })
      .toBe(SUBJECT);
    await expect.poll(() => sidebarText(p, '[data-testid="recent-item"]')).toContain(SUBJECT);
    expect(await sidebarText(p, '[data-testid="sync-status"]')).toContain('Everything is synced');
  });
});
