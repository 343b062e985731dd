import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type BrowserContext, chromium, type Page, type Worker } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { ROOT } from '../../scripts/lib/dev-env.ts';

export const EXTENSION_DIR = join(ROOT, '.output/chrome-mv3');

/** Debian's Chromium, or CHROMIUM_PATH. */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Launch flags that keep Chromium off the network on this machine (design §3). */
export const QUIET_FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
const FLAGS = [
  ...QUIET_FLAGS,
  `--disable-extensions-except=${EXTENSION_DIR}`,
  `--load-extension=${EXTENSION_DIR}`,
];

export interface ExtensionBrowser {
  context: BrowserContext;
  extensionId: string;
  worker: Worker;
  userDataDir: string;
  close: () => Promise<void>;
}

/** Starts Debian's Chromium with the built extension on a profile (fresh unless one is passed). */
export async function launchWithExtension(
  userDataDir = mkdtempSync(join(tmpdir(), 'rapport-e2e-profile-')),
): Promise<ExtensionBrowser> {
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM,
    headless: true,
    args: FLAGS,
  });
  const worker =
    context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: 30_000 }));
  const extensionId = new URL(worker.url()).host;
  return {
    context,
    extensionId,
    worker,
    userDataDir,
    close: async () => {
      await context.close();
    },
  };
}

/**
 * One browser with the extension for the tests of a `describe`: launched before them, closed
 * and its profile removed after. Read `.current` inside the tests.
 */
export function useExtensionBrowser(): { current: ExtensionBrowser } {
  const ref = {} as { current: ExtensionBrowser };
  beforeAll(async () => {
    ref.current = await launchWithExtension();
  });
  afterAll(async () => {
    if (!ref.current) return;
    await ref.current.close();
    removeProfile(ref.current.userDataDir);
  });
  return ref;
}

export function removeProfile(dir: string): void {
  rmSync(dir, { recursive: true, force: true });
}

/** Serves a saved page at its real URL: the content scripts run on it as on the live site. */
export async function serveFixture(context: BrowserContext, urlPattern: string, file: string): Promise<void> {
  const html = readFileSync(join(ROOT, 'test/fixtures/pages', file), 'utf8');
  await context.route(urlPattern, (route) =>
    route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: html }),
  );
}

/** The id of the first tab whose URL matches, as the extension sees it. */
export async function tabIdOf(worker: Worker, urlPattern: string): Promise<number> {
  return worker.evaluate(async (pattern) => {
    const tabs: { id?: number }[] = await (globalThis as any).chrome.tabs.query({ url: pattern });
    if (!tabs[0]?.id) throw new Error(`no tab matches ${pattern}`);
    return tabs[0].id;
  }, urlPattern);
}

/** Opens the side panel's page in a tab, speaking for `tabId`. */
export async function openPanel(b: ExtensionBrowser, tabId: number): Promise<Page> {
  const panel = await b.context.newPage();
  // Panel errors would otherwise vanish with the page; surface them in the test output.
  panel.on('pageerror', (err) => console.error(`[panel] ${err.message}`));
  panel.on('console', (msg) => {
    if (msg.type() === 'error') console.error(`[panel console] ${msg.text()}`);
  });
  await panel.goto(`chrome-extension://${b.extensionId}/sidepanel.html?tabId=${tabId}`);
  return panel;
}

/** Fills the panel's setup form with a server and a token or invite code (keeping the invite's name). */
export async function connectPanel(panel: Page, serverUrl: string, token: string): Promise<void> {
  await panel.getByLabel('Server address').fill(serverUrl);
  await panel.getByLabel('Invite code').fill(token);
  await panel.getByRole('button', { name: 'Connect' }).click();
  const joined = panel.getByTestId('log-form').or(panel.getByTestId('already-logged'));
  const confirm = panel.getByTestId('confirm-name');
  await joined.or(confirm).first().waitFor();
  if (await confirm.isVisible()) {
    await confirm.getByRole('button', { name: /^(Join|Sign in)$/ }).click();
    await joined.first().waitFor();
  }
}
