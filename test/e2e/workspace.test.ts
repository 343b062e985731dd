import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DevServer, freePort, migrateLocal, startDevServer } from '../../scripts/lib/wrangler-dev.ts';
import {
  CHROMIUM,
  connectPanel,
  type ExtensionBrowser,
  launchWithExtension,
  openPanel,
  QUIET_FLAGS,
  removeProfile,
  serveFixture,
  tabIdOf,
} from './browser.ts';

// Issue 11's walk through the web workspace: a fresh deployment steered from screens only.
// Every change is made by clicking in real Chromium (the web pages and the extension's
// panel); nothing is sent to the API by the test. It has a server of its own, so /setup
// really meets a deployment with no organisation.

const THREAD_URL = 'https://mail.google.com/mail/u/0/#inbox/FMfcgzQbgRnJxWvKqDfLmNpTsHzBcXkP';
const DAY = 86_400_000;

/** Every browser of this test speaks from its own address, as separate people would. */
async function fromAddress(context: BrowserContext, server: string, ip: string) {
  // Room for a page load on a machine shared by many test runs.
  context.setDefaultTimeout(60_000);
  await context.route(`${server}/**`, (route) =>
    route.continue({ headers: { ...route.request().headers(), 'cf-connecting-ip': ip } }),
  );
}

/** The open keep-in-touch reminder on an account page: its title and due time. */
async function keepInTouch(page: Page) {
  const row = page.locator('[data-testid="reminder"][data-rule="keep-in-touch"]');
  await expect.poll(() => row.count(), { timeout: 20_000 }).toBe(1);
  return {
    title: (await row.locator('.timeline-title').textContent()) ?? '',
    due: Date.parse((await row.locator('time').getAttribute('datetime')) ?? ''),
  };
}

/**
 * A keep-in-touch due time is `cadence` days after the last touch, moved into working hours:
 * at most a weekend and a night later (no holidays are set here).
 */
function expectDueAfter(due: number, from: { earliest: number; latest: number }, days: number) {
  expect(due).toBeGreaterThanOrEqual(from.earliest + days * DAY - 3_600_000);
  expect(due).toBeLessThan(from.latest + (days + 3) * DAY + 3_600_000);
}

describe('the web workspace, steered from screens only', () => {
  let server: DevServer;
  let persistTo: string;
  let setupToken: string;
  let web: Browser;
  const extensions: ExtensionBrowser[] = [];

  beforeAll(async () => {
    persistTo = mkdtempSync(join(tmpdir(), 'rapport-e2e-workspace-'));
    migrateLocal(persistTo);
    setupToken = randomBytes(18).toString('base64url');
    server = await startDevServer({
      port: await freePort(),
      persistTo,
      vars: { SETUP_TOKEN: setupToken },
      quiet: true,
    });
    web = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: QUIET_FLAGS });
  }, 240_000);

  afterAll(async () => {
    for (const b of extensions) {
      await b.close().catch(() => {});
      removeProfile(b.userDataDir);
    }
    await web?.close();
    await server?.stop();
    if (persistTo) rmSync(persistTo, { recursive: true, force: true });
  });

  it('sets up, invites, joins, edits an account, changes settings and roles, deactivates: nothing lost', async () => {
    const url = server.url;

    // The operator: /setup on a deployment with no organisation.
    const adminContext = await web.newContext({ viewport: { width: 1280, height: 900 } });
    await fromAddress(adminContext, url, '2001:db8:11::1');
    const admin = await adminContext.newPage();
    await admin.goto(`${url}/accounts`);
    await admin.getByTestId('sign-in-fresh').getByRole('link', { name: 'set it up' }).click();
    await admin.waitForURL(`${url}/setup`);
    const setup = admin.getByTestId('setup-form');
    await setup.getByLabel('Setup token').fill(setupToken);
    await setup.getByLabel('Organisation name').fill('Northwind');
    await setup.getByLabel('Your name').fill('Ada Admin');
    await setup.getByLabel('Your work email').fill('ada@northwind.example');
    await setup.getByLabel('Your time zone').fill('Europe/Berlin');
    await setup.getByRole('button', { name: 'Create the organisation' }).click();
    expect(await admin.getByTestId('setup-done').textContent()).toContain('Ada Admin');
    expect(await admin.getByTestId('panel-code').textContent()).toMatch(/^rap_/);
    // Setup is over: without the token, /setup is gone for everyone else.
    const stranger = await web.newContext();
    await fromAddress(stranger, url, '2001:db8:11::99');
    expect((await (await stranger.newPage()).goto(`${url}/setup`))?.status()).toBe(404);
    await stranger.close();

    // The admin invites a salesperson and a future manager by name, on /team.
    await admin.getByTestId('go-team').click();
    await admin.waitForURL(`${url}/team`);
    const invite = async (name: string, email: string) => {
      const form = admin.getByTestId('invite-form');
      await form.getByLabel('Name').fill(name);
      await form.getByLabel('Work email').fill(email);
      await form.getByLabel('Role').selectOption('member');
      await form.getByRole('button', { name: 'Create invite' }).click();
      const issued = admin.getByTestId('issued-invite');
      expect(await issued.getByRole('heading').textContent()).toContain(name);
      expect(await issued.getByTestId('join-link').getAttribute('href')).toMatch(/\/join\?code=/);
      return (await issued.getByTestId('invite-code').textContent())!.trim();
    };
    const samCode = await invite('Sam Seller', 'sam@northwind.example');
    const monaCode = await invite('Mona Manager', 'mona@northwind.example');
    expect(await admin.getByTestId('pending-invite').count()).toBe(2);

    // Sam joins from the extension with the code, and logs a Gmail thread with a new account.
    const samBrowser = await launchWithExtension();
    extensions.push(samBrowser);
    await fromAddress(samBrowser.context, url, '2001:db8:11::2');
    await serveFixture(samBrowser.context, 'https://mail.google.com/**', 'gmail/thread-basic.html');
    await (await samBrowser.context.newPage()).goto(THREAD_URL);
    const sam = await openPanel(samBrowser, await tabIdOf(samBrowser.worker, 'https://mail.google.com/*'));
    await connectPanel(sam, url, samCode);
    const globex = sam.getByTestId('company').filter({ hasText: 'globex.example' });
    await globex.getByRole('radio').check();
    await globex.getByRole('button', { name: 'Create account for globex.example' }).click();
    const create = sam.getByTestId('create-account');
    expect(await create.getByLabel('Account name').inputValue()).toBe('Globex');
    await create.getByRole('button', { name: 'Create account' }).click();
    await expect
      .poll(() => sam.getByTestId('context-account').textContent(), { timeout: 20_000 })
      .toContain('Globex');
    await sam.locator('body').press('t');
    await sam.getByTestId('log-form').getByLabel('Notes').fill('Pricing questions answered.');
    await sam.getByTestId('log-form').getByLabel('Notes').press('Control+Enter');
    const logged = sam.getByTestId('recent-item');
    await expect.poll(() => logged.count(), { timeout: 20_000 }).toBe(1);
    await expect.poll(() => logged.textContent(), { timeout: 60_000 }).not.toContain('pending sync');

    // Mona joins too; the admin promotes her to manager on /team.
    const monaBrowser = await launchWithExtension();
    extensions.push(monaBrowser);
    await fromAddress(monaBrowser.context, url, '2001:db8:11::3');
    const mona = await openPanel(monaBrowser, 999_999);
    await connectPanel(mona, url, monaCode);
    await admin.goto(`${url}/team`);
    expect(await admin.getByTestId('pending-invite').count()).toBe(0);
    const monaRow = admin.getByTestId('team-person').filter({ hasText: 'Mona Manager' });
    await monaRow.getByLabel('Role of Mona Manager', { exact: true }).selectOption('manager');
    await monaRow.getByRole('button', { name: 'Change the role of Mona Manager' }).click();
    expect(await admin.getByTestId('done').getAttribute('data-done')).toBe('role-changed');
    expect(await monaRow.getAttribute('data-role')).toBe('manager');

    // The manager opens the web from her panel's button: one-time link, then signed in.
    const [tab] = await Promise.all([
      monaBrowser.context.waitForEvent('page'),
      mona.getByRole('button', { name: 'Open Rapport on the web' }).click(),
    ]);
    await tab.waitForURL((u) => u.pathname === '/auth/link');
    await tab.getByTestId('link-continue').click();
    await tab.waitForURL((u) => u.pathname === '/');
    // Her navigation shows what a manager may use.
    expect(await tab.getByRole('navigation', { name: 'Main' }).getByRole('link').allTextContents()).toEqual([
      'Summary',
      'Accounts',
      'Team',
      'Settings',
      'You',
    ]);

    // She finds Sam's account in the directory and makes it a strategic partner.
    await tab.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Accounts' }).click();
    await tab.getByTestId('directory-filters').getByRole('searchbox').fill('globex');
    await tab.getByTestId('directory-filters').getByRole('searchbox').press('Enter');
    await tab.waitForURL((u) => u.searchParams.get('q') === 'globex');
    expect(await tab.getByTestId('directory-count').getAttribute('data-total')).toBe('1');
    await tab.getByTestId('account-row').getByRole('link', { name: 'Globex' }).click();
    await tab.getByTestId('account-name').waitFor();
    expect(await tab.locator('[data-field="owner"]').textContent()).toBe('Sam Seller');
    await tab.getByTestId('edit-profile').locator('summary').click();
    const profile = tab.getByTestId('account-form');
    await profile.getByLabel('Tier').selectOption('strategic');
    await profile.getByLabel('Stakeholder').selectOption('partner');
    await profile.getByLabel('Keep-in-touch cadence (days)').fill('10');
    await profile.getByLabel('Alliance ends').fill('2027-12-31');
    await profile.getByRole('button', { name: 'Save profile' }).click();
    expect(await tab.getByTestId('done').getAttribute('data-done')).toBe('account-saved');
    expect(await tab.locator('[data-field="tier"]').getAttribute('data-value')).toBe('strategic');
    expect(await tab.locator('[data-field="stakeholder"]').getAttribute('data-value')).toBe('partner');
    expect(await tab.locator('[data-field="cadenceDays"]').getAttribute('data-value')).toBe('10');
    expect(await tab.locator('[data-field="alliance"]').getAttribute('data-ends-on')).toBe('2027-12-31');
    const globexUrl = tab.url();
    // The clock starts at the interaction's own time: the thread's, as the panel read it.
    const occurredAt = Date.parse(
      (await tab.getByTestId('timeline-row').locator('time').getAttribute('datetime')) ?? '',
    );
    const touch = { earliest: occurredAt, latest: occurredAt };
    const globexReminder = await keepInTouch(tab);
    expect(globexReminder.title).toContain('every 10 days');
    expectDueAfter(globexReminder.due, touch, 10);

    // The admin adds a strategic account of her own, which follows the tier's cadence.
    await admin.goto(`${url}/accounts`);
    await admin.getByTestId('new-account').click();
    const created = admin.getByTestId('account-form');
    await created.getByLabel('Name', { exact: true }).fill('Acme');
    await created.getByLabel('Tier').selectOption('strategic');
    await created.getByLabel('Mail domains').fill('acme.example');
    const acmeFrom = Date.now();
    await created.getByRole('button', { name: 'Create account' }).click();
    await admin.getByTestId('account-name').waitFor();
    const acme = { earliest: acmeFrom, latest: Date.now() };
    const acmeUrl = admin.url();
    expect((await keepInTouch(admin)).title).toContain('every 14 days');

    // The admin changes the strategic cadence on /settings: the page says reminders are being recomputed.
    await admin.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Settings' }).click();
    await admin.getByLabel('Strategic accounts, every (days)').fill('21');
    await admin.getByRole('button', { name: 'Save settings' }).click();
    expect(await admin.getByTestId('done').getAttribute('data-done')).toBe('settings-saved');
    // A small org's full pass fits in the request; a larger one's is said to be running until the
    // cron has finished it (the page asks /settings/status), shown in test/worker/page-settings.test.ts.
    const status = admin.getByTestId('recompute-status');
    const state = await status.getAttribute('data-state');
    expect(await status.textContent()).toContain(
      state === 'running' ? 'Recomputing reminders' : 'Reminders are up to date',
    );
    // The Cron Trigger runs every 15 minutes in production; wrangler dev runs it on request.
    await fetch(`${url}/cdn-cgi/local/scheduled`);
    await expect.poll(() => status.getAttribute('data-state'), { timeout: 60_000 }).toBe('done');
    expect(await status.textContent()).toContain('up to date');
    expect(await admin.getByLabel('Strategic accounts, every (days)').inputValue()).toBe('21');
    // After the cron, the tier's keep-in-touch reminder follows the new cadence; the
    // account with a cadence of its own keeps it.
    await admin.goto(acmeUrl);
    const acmeReminder = await keepInTouch(admin);
    expect(acmeReminder.title).toContain('every 21 days');
    expectDueAfter(acmeReminder.due, acme, 21);
    await tab.goto(globexUrl);
    expect(await keepInTouch(tab)).toEqual(globexReminder);

    // The admin deactivates Sam and hands his account to Mona, after confirming.
    await admin.goto(`${url}/team`);
    await admin.getByRole('link', { name: 'Deactivate Sam Seller' }).click();
    await admin.getByLabel('Hand their account to').selectOption({ label: 'Mona Manager (Manager)' });
    await admin.getByRole('button', { name: 'Deactivate Sam Seller' }).click();
    const done = admin.getByTestId('deactivated');
    expect(await done.locator('[data-field="reassignedAccounts"]').getAttribute('data-value')).toBe('1');
    expect(
      Number(await done.locator('[data-field="revokedTokens"]').getAttribute('data-value')),
    ).toBeGreaterThanOrEqual(1);
    await admin.goto(`${url}/team`);
    expect(await admin.getByTestId('former-people').textContent()).toContain('Sam Seller');
    expect(await admin.getByTestId('team-person').filter({ hasText: 'Sam Seller' }).count()).toBe(0);

    // Sam's extension is signed out at its next sync, and asks to connect again.
    // Its own background sync may get there first and take the Sync now button away.
    const connectAgain = sam.getByRole('heading', { name: 'Connect again' });
    const syncNow = sam.getByRole('button', { name: 'Sync now' });
    await connectAgain.or(syncNow).first().waitFor();
    if (await syncNow.isVisible()) await syncNow.click({ timeout: 5_000 }).catch(() => {});
    await expect.poll(() => connectAgain.count(), { timeout: 20_000 }).toBe(1);

    // Nothing is lost: the account is Mona's now, Sam's interaction stays under his name, marked former.
    await tab.goto(globexUrl);
    expect(await tab.locator('[data-field="owner"]').textContent()).toBe('Mona Manager');
    const row = tab.getByTestId('timeline-row');
    expect(await row.count()).toBe(1);
    expect(await row.textContent()).toContain('Sam Seller (former)');
    expect(await tab.locator('[data-field="tier"]').getAttribute('data-value')).toBe('strategic');
    expect(await tab.locator('[data-field="cadenceDays"]').getAttribute('data-value')).toBe('10');
    // Mona's directory lists it under her name.
    await tab.goto(`${url}/accounts`);
    await tab
      .getByTestId('directory-filters')
      .getByLabel('Owner')
      .selectOption({ label: 'Me (Mona Manager)' });
    await tab.getByTestId('directory-filters').getByRole('button', { name: 'Show' }).click();
    await expect
      .poll(() => tab.getByTestId('account-row').allTextContents(), { timeout: 20_000 })
      .toEqual([expect.stringContaining('Globex')]);
  }, 480_000);
});
