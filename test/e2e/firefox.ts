import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { afterAll, beforeAll } from 'vitest';
import { ROOT } from '../../scripts/lib/dev-env.ts';

export const FIREFOX_EXTENSION_DIR = join(ROOT, '.output/firefox-mv3');

/** Debian's Firefox ESR, or FIREFOX_PATH. */
export const FIREFOX = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';

/** The add-on id from `wxt.config.ts` (`browser_specific_settings.gecko.id`). */
const ADDON_ID = 'rapport@rapport.dev';

/**
 * Firefox gives each profile a random internal UUID for an add-on; pinning it through a pref
 * gives the extension's pages a known origin, `moz-extension://<uuid>`.
 */
const ADDON_UUID = '5c4a3c1e-0d7b-4b8e-9a57-3f1d2b6c7e90';
export const EXTENSION_ORIGIN = `moz-extension://${ADDON_UUID}`;

/** The sidebar's id in Firefox's SidebarController: the widget id of the add-on plus a suffix. */
export const SIDEBAR_ID = `${ADDON_ID.replace(/[^a-z0-9_-]/gi, '_')}-sidebar-action`;

export interface FirefoxWithExtension {
  browser: Browser;
  close: () => Promise<void>;
}

/**
 * Starts Firefox ESR over WebDriver BiDi on a fresh profile and installs the built extension as
 * a temporary add-on (what `about:debugging` does). Two things need system access
 * (`--remote-allow-system-access`): navigating a tab to a `moz-extension:` page, and evaluating
 * in the browser window itself, where the toolbar button and the sidebar live.
 */
export async function launchFirefoxWithExtension(): Promise<FirefoxWithExtension> {
  const browser = await puppeteer.launch({
    browser: 'firefox',
    protocol: 'webDriverBiDi',
    executablePath: FIREFOX,
    headless: true,
    args: ['--remote-allow-system-access'],
    // Startup on a busy 2-core machine can take far longer than the default 30 s.
    timeout: 120_000,
    protocolTimeout: 120_000,
    extraPrefsFirefox: {
      'extensions.webextensions.uuids': JSON.stringify({ [ADDON_ID]: ADDON_UUID }),
      // Keep the browser off the network: no captive-portal or connectivity probes, no
      // remote settings, no telemetry (puppeteer's profile covers updates and safe browsing).
      'network.captive-portal-service.enabled': false,
      'network.connectivity-service.enabled': false,
      'toolkit.telemetry.enabled': false,
      'browser.ping-centre.telemetry': false,
    },
  });
  try {
    await browser.installExtension(FIREFOX_EXTENSION_DIR);
  } catch (err) {
    await browser.close();
    throw err;
  }
  return { browser, close: () => browser.close() };
}

/** One Firefox with the extension for the tests of a `describe`. Read `.current` inside the tests. */
export function useFirefox(): { current: FirefoxWithExtension } {
  const ref = {} as { current: FirefoxWithExtension };
  beforeAll(async () => {
    ref.current = await launchFirefoxWithExtension();
  });
  afterAll(async () => {
    await ref.current?.close();
  });
  return ref;
}

/**
 * Opens one of the extension's pages in a new tab. Firefox does not report load events for
 * documents in the extension process over BiDi, so `goto` would never settle: start the
 * navigation without waiting, then wait until the page itself says it is loaded.
 */
export async function openExtensionPage(b: FirefoxWithExtension, path: string): Promise<Page> {
  const page = await b.browser.newPage();
  page.on('pageerror', (err) => console.error(`[firefox page] ${(err as Error).message}`));
  page.on('console', (msg) => {
    if (msg.type() === 'error') console.error(`[firefox console] ${msg.text()}`);
  });
  const url = `${EXTENSION_ORIGIN}/${path}`;
  void page.goto(url, { timeout: 0 }).catch(() => {});
  // Evaluating while the tab swaps into the extension process can fail on Firefox's side
  // ("realm destroyed", a null result): those are retried like a not-yet-loaded page.
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    const loaded = await page
      .evaluate((u) => location.href === u && document.readyState === 'complete', url)
      .catch(() => false);
    if (loaded) return page;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`${url} did not load`);
}

/**
 * Opens a site page in a new tab with a saved page served at its real URL through BiDi
 * request interception; any other request from the tab is refused, so nothing leaves the machine.
 */
export async function openFixturePage(
  b: FirefoxWithExtension,
  urlPrefix: string,
  file: string,
  url: string,
): Promise<Page> {
  const html = readFileSync(join(ROOT, 'test/fixtures/pages', file), 'utf8');
  const page = await b.browser.newPage();
  await page.setRequestInterception(true);
  page.on('request', (req) => {
    if (req.url().startsWith(urlPrefix))
      void req.respond({ status: 200, contentType: 'text/html; charset=utf-8', body: html });
    else void req.abort();
  });
  await page.goto(url);
  return page;
}

interface BidiConnection {
  send(method: string, params: object): Promise<{ result: any }>;
}

/**
 * The WebDriver BiDi connection under puppeteer, for the two Firefox-only commands it has no
 * API for. Not part of puppeteer's typed surface (its BiDi browser exposes it as `connection`).
 */
function bidi(b: FirefoxWithExtension): BidiConnection {
  return (b.browser as unknown as { connection: BidiConnection }).connection;
}

/** The browser's first window, as the browser's own (chrome) code sees it. */
async function chromeWindowContext(b: FirefoxWithExtension): Promise<string> {
  const tree = (await bidi(b).send('browsingContext.getTree', { 'moz:scope': 'chrome' })) as {
    result: { contexts: { context: string; url: string }[] };
  };
  const win = tree.result.contexts.find((c) => c.url === 'chrome://browser/content/browser.xhtml');
  if (!win) throw new Error('no browser window');
  return win.context;
}

/**
 * Evaluates an expression in the browser window's chrome code (system access), for what
 * WebDriver cannot reach: the toolbar button and the sidebar. The result must be JSON-able.
 */
export async function evaluateInBrowserWindow<T>(b: FirefoxWithExtension, expression: string): Promise<T> {
  const context = await chromeWindowContext(b);
  const res = (await bidi(b).send('script.evaluate', {
    expression: `(async () => JSON.stringify(await (${expression})))()`,
    target: { context },
    awaitPromise: true,
  })) as {
    result: { type: string; result?: { value?: string }; exceptionDetails?: { text: string } };
  };
  if (res.result.type !== 'success')
    throw new Error(`chrome evaluation failed: ${res.result.exceptionDetails?.text}`);
  const value = res.result.result?.value;
  return (value === undefined ? undefined : JSON.parse(value)) as T;
}

/**
 * Presses the extension's toolbar button in the front window: the same call Firefox makes for a
 * click or for the add-on's `_execute_action` shortcut, and `action.onClicked` listeners run as
 * user input, as they do for a real click.
 */
export function clickToolbarButton(b: FirefoxWithExtension): Promise<void> {
  return evaluateInBrowserWindow(
    b,
    `(() => {
      const { ExtensionParent } = ChromeUtils.importESModule('resource://gre/modules/ExtensionParent.sys.mjs');
      const extension = WebExtensionPolicy.getByID(${JSON.stringify(ADDON_ID)}).extension;
      ExtensionParent.apiManager.global.browserActionFor(extension).triggerAction(window);
      return null;
    })()`,
  );
}

/** Whether the browser window shows this extension's sidebar. */
export function sidebarShown(b: FirefoxWithExtension): Promise<boolean> {
  return evaluateInBrowserWindow(
    b,
    `SidebarController.isOpen && SidebarController.currentID === ${JSON.stringify(SIDEBAR_ID)}`,
  );
}
