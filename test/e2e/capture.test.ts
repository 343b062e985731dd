import { readFileSync } from 'node:fs';
import type { Page, Worker } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { fixturePath, type PageFixture, pageFixtures } from '../fixtures/pages/index.ts';
import {
  connectPanel,
  type ExtensionBrowser,
  launchWithExtension,
  openPanel,
  removeProfile,
  tabIdOf,
  useExtensionBrowser,
} from './browser.ts';
import { api, createOrg } from './server.ts';

type Org = Awaited<ReturnType<typeof createOrg>>;

const fixture = (file: string) => pageFixtures.find((f) => f.file === file)!;
const tabsOf = (f: PageFixture) => `${new URL(f.url).origin}/*`;

/**
 * Opens a saved page at its real URL in a tab whose clock runs in the page's zone, so the
 * content script reads printed times as the user's browser would. Only this tab is routed.
 */
async function openSite(b: ExtensionBrowser, f: PageFixture): Promise<Page> {
  const html = readFileSync(fixturePath(f.file), 'utf8');
  const page = await b.context.newPage();
  const cdp = await b.context.newCDPSession(page);
  await cdp.send('Emulation.setTimezoneOverride', { timezoneId: f.timeZone });
  await page.route(`${new URL(f.url).origin}/**`, (route) =>
    route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: html }),
  );
  await page.goto(f.url);
  return page;
}

/** What the background stored for the tab, as the panel reads it; 'absent' before the first message. */
function storedContext(worker: Worker, tabId: number): Promise<unknown> {
  return worker.evaluate(async (key) => {
    const got = await (globalThis as any).chrome.storage.session.get(key);
    return key in got ? got[key] : 'absent';
  }, `context:${tabId}`);
}

function expectedContext(f: PageFixture) {
  const e = f.expected;
  if (!e) return null;
  return {
    site: f.site,
    kind: e.kind,
    ref: e.ref,
    title: e.title,
    participants: e.participants,
    occurredAt: e.occurredAt,
    ...(e.kind === 'calendar-event' ? { endsAt: e.endsAt ?? null } : {}),
    url: f.url,
  };
}

describe('capture: every saved page, read by the built extension in Chromium, gives exactly its context', () => {
  const browser = useExtensionBrowser();

  for (const f of pageFixtures) {
    it(f.file, async () => {
      const site = await openSite(browser.current, f);
      try {
        const tabId = await tabIdOf(browser.current.worker, tabsOf(f));
        await expect
          .poll(() => storedContext(browser.current.worker, tabId), { timeout: 15_000 })
          .toEqual(expectedContext(f));
      } finally {
        await site.close();
      }
    });
  }
});

// Pages logged through the panel: the four families, and the new classes of page.
const LOGGED = [
  { file: 'gmail/thread-basic.html', key: 's' },
  { file: 'google-calendar/event-dialog.html', key: 's' },
  { file: 'outlook/mail-reading-pane.html', key: 't' },
  { file: 'outlook/calendar-item.html', key: 't' },
  { file: 'google-calendar/event-dialog-guest-list.html', key: 's' },
  { file: 'outlook/calendar-card.html', key: 't' },
  { file: 'gmail/thread-de.html', key: 's' },
  // Times from the message ids, to the second.
  { file: 'gmail/thread-ja.html', key: 't' },
  // No readable time: the panel offers When, set here to 13:00 in the user's zone (Berlin).
  { file: 'google-calendar/event-dialog-ja.html', key: 't', when: '2026-11-26T13:00' },
] as const;

async function findInteraction(token: string, site: string, ref: string) {
  const list = await api<{ items: any[] }>('GET', '/api/interactions?limit=200', token);
  return list.json.items.find((i) => i.source.site === site && i.source.ref === ref);
}

describe('capture: logged from the panel, every page field lands on the server', () => {
  let b: ExtensionBrowser;
  let org: Org;
  let acme: { id: string };
  let alice: { id: string };
  let connected = false;

  beforeAll(async () => {
    org = await createOrg();
    acme = (
      await api('POST', '/api/accounts', org.token, {
        name: 'Acme',
        domains: ['acme.example'],
        stakeholder: 'customer',
        tier: 'strategic',
      })
    ).json;
    alice = (
      await api('POST', '/api/contacts', org.token, {
        name: 'Alice Chen',
        emails: ['alice.chen@acme.example'],
        accountId: acme.id,
      })
    ).json;
    b = await launchWithExtension();
  });
  afterAll(async () => {
    await b?.close();
    if (b) removeProfile(b.userDataDir);
  });

  for (const c of LOGGED) {
    const f = fixture(c.file);
    const expected = f.expected!;
    const tag = c.key === 's' ? 'strategic' : 'tactical';
    const withAlice = expected.participantEmails.includes('alice.chen@acme.example');

    it(`${f.file}: ${expected.title}`, async () => {
      const site = await openSite(b, f);
      const tabId = await tabIdOf(b.worker, tabsOf(f));
      const panel = await openPanel(b, tabId);
      if (!connected) {
        await connectPanel(panel, inject('serverUrl'), org.token);
        connected = true;
      }

      await expect
        .poll(() => panel.getByTestId('context-title').textContent(), { timeout: 15_000 })
        .toBe(expected.title);
      // Every participant is on the card, by name and address; the user as themselves, named.
      const people = (await panel.getByTestId('participant').allTextContents()).join('\n');
      for (const p of expected.participants) {
        expect(people).toContain(p.name ? `${p.name} <${p.email}>` : `<${p.email}>`);
        if (p.isSelf) expect(people).toContain(`${p.name} <${p.email}> (you)`);
      }
      // The directory came down with the pull: the account matches by the Acme domain.
      await expect
        .poll(() => panel.getByTestId('context-account').textContent(), { timeout: 15_000 })
        .toContain('Acme');

      if (c.file === 'gmail/thread-basic.html') {
        // One click makes Bob a contact of Acme; a second click cannot make him twice.
        const add = panel.getByRole('button', { name: 'Add Bob Okafor as a contact' });
        await add.click();
        await expect.poll(() => add.count()).toBe(0);
      }
      if (c.file === 'outlook/mail-reading-pane.html') {
        await panel.getByRole('button', { name: 'Create account for globex.example' }).click();
        // The short form opens with the defaults filled in; Enter takes them.
        await panel.getByTestId('create-account').getByLabel('Account name').press('Enter');
        await expect
          .poll(() => panel.getByRole('button', { name: 'Create account for globex.example' }).count())
          .toBe(0);
      }

      const when = panel.getByTestId('log-form').getByLabel('When');
      if ('when' in c) {
        // The page gave no time: When is offered, at now, to correct.
        await expect.poll(() => when.inputValue()).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/);
        expect(await panel.getByTestId('no-page-time').textContent()).toContain('no time');
        await when.fill(c.when);
        // Leave the field, so the tag key below is a shortcut rather than typing.
        await when.evaluate((el) => (el as HTMLElement).blur());
      } else {
        expect(await when.count()).toBe(0);
        expect(await panel.getByTestId('no-page-time').count()).toBe(0);
      }

      await panel.locator('body').press(c.key);
      await panel.getByLabel('Notes').fill(`Logged from ${f.file}`);
      await panel.getByLabel('Notes').press('Control+Enter');
      await expect.poll(() => panel.getByTestId('save-status').textContent()).toContain('Saved');

      let saved: any;
      await expect
        .poll(async () => (saved = await findInteraction(org.token, f.site, expected.ref)), {
          timeout: 30_000,
        })
        .toBeTruthy();
      expect(saved).toMatchObject({
        tag,
        kind: expected.kind === 'calendar-event' ? 'meeting' : 'email',
        title: expected.title,
        accountId: acme.id,
        notes: `Logged from ${f.file}`,
        occurredAt: 'when' in c ? '2026-11-26T12:00:00.000Z' : expected.occurredAt,
        source: { site: f.site, ref: expected.ref, url: f.url },
      });
      if (withAlice) expect(saved.contactIds).toContain(alice.id);

      if (c.file === 'gmail/thread-basic.html') {
        const contacts = await api<{ items: any[] }>('GET', '/api/contacts?q=Bob', org.token);
        const bobs = contacts.json.items.filter((x) => x.emails.includes('bob.okafor@acme.example'));
        expect(bobs).toHaveLength(1);
        expect(bobs[0].accountId).toBe(acme.id);
        expect(saved.contactIds).toContain(bobs[0].id);
      }
      if (c.file === 'outlook/mail-reading-pane.html') {
        const accounts = await api<{ items: any[] }>('GET', '/api/accounts?limit=200', org.token);
        const globex = accounts.json.items.filter((a) => a.domains.includes('globex.example'));
        expect(globex).toHaveLength(1);
        expect(globex[0].name).toBe('Globex');
      }
      await panel.close();
      await site.close();
    });
  }
});
