import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { pageFixtures } from '../fixtures/pages/index.ts';
import {
  connectPanel,
  type ExtensionBrowser,
  launchWithExtension,
  openPanel,
  removeProfile,
  serveFixture,
  tabIdOf,
} from './browser.ts';
import { api, createOrg } from './server.ts';

type Org = Awaited<ReturnType<typeof createOrg>>;

const CASES = [
  {
    file: 'gmail/thread-basic.html',
    route: 'https://mail.google.com/**',
    tabs: 'https://mail.google.com/*',
    key: 's',
  },
  {
    file: 'google-calendar/event-dialog.html',
    route: 'https://calendar.google.com/**',
    tabs: 'https://calendar.google.com/*',
    key: 's',
  },
  {
    file: 'outlook/mail-reading-pane.html',
    route: 'https://outlook.office.com/mail/**',
    tabs: 'https://outlook.office.com/mail/*',
    key: 't',
  },
  {
    file: 'outlook/calendar-item.html',
    route: 'https://outlook.office.com/calendar/**',
    tabs: 'https://outlook.office.com/calendar/*',
    key: 't',
  },
] as const;

async function findInteraction(token: string, site: string, ref: string) {
  const list = await api<{ items: any[] }>('GET', '/api/interactions?limit=200', token);
  return list.json.items.find((i) => i.source.site === site && i.source.ref === ref);
}

describe('capture: each site family, logged from the panel, lands on the server', () => {
  let b: ExtensionBrowser;
  let org: Org;
  let acme: { id: string };
  let alice: { id: string };
  let panel: Page | null = null;

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

  for (const c of CASES) {
    const fixture = pageFixtures.find((f) => f.file === c.file)!;
    const expected = fixture.expected!;
    const tag = c.key === 's' ? 'strategic' : 'tactical';

    it(`${fixture.site}: ${expected.title}`, async () => {
      await serveFixture(b.context, c.route, c.file);
      const site = await b.context.newPage();
      await site.goto(fixture.url);
      const tabId = await tabIdOf(b.worker, c.tabs);
      const first = panel === null;
      panel = await openPanel(b, tabId);
      if (first) await connectPanel(panel, inject('serverUrl'), org.token);

      await expect
        .poll(() => panel!.getByTestId('context-title').textContent(), { timeout: 15_000 })
        .toBe(expected.title);
      // The directory came down with the pull: Alice is a contact, the account matches by her domain.
      await expect
        .poll(() => panel!.getByTestId('context-account').textContent(), { timeout: 15_000 })
        .toContain('Acme');

      if (fixture.site === 'gmail') {
        // One click makes Bob a contact of Acme; a second click cannot make him twice.
        const add = panel.getByRole('button', { name: 'Add Bob Okafor as a contact' });
        await add.click();
        await expect.poll(() => add.count()).toBe(0);
      }
      if (fixture.site === 'outlook-mail') {
        await panel.getByRole('button', { name: 'Create account for globex.example' }).click();
        // The short form opens with the defaults filled in; Enter takes them.
        await panel.getByTestId('create-account').getByLabel('Account name').press('Enter');
        await expect
          .poll(() => panel!.getByRole('button', { name: 'Create account for globex.example' }).count())
          .toBe(0);
      }

      await panel.locator('body').press(c.key);
      await panel.getByLabel('Notes').fill(`Logged from ${fixture.site}`);
      await panel.getByLabel('Notes').press('Control+Enter');
      await expect.poll(() => panel!.getByTestId('save-status').textContent()).toContain('Saved');

      let saved: any;
      await expect
        .poll(async () => (saved = await findInteraction(org.token, fixture.site, expected.ref)), {
          timeout: 30_000,
        })
        .toBeTruthy();
      expect(saved).toMatchObject({
        tag,
        kind: expected.kind === 'calendar-event' ? 'meeting' : 'email',
        title: expected.title,
        accountId: acme.id,
        notes: `Logged from ${fixture.site}`,
        source: { site: fixture.site, ref: expected.ref, url: expect.stringMatching(/^https:\/\//) },
      });
      expect(saved.contactIds).toContain(alice.id);

      if (fixture.site === 'gmail') {
        const contacts = await api<{ items: any[] }>('GET', '/api/contacts?q=Bob', org.token);
        const bobs = contacts.json.items.filter((x) => x.emails.includes('bob.okafor@acme.example'));
        expect(bobs).toHaveLength(1);
        expect(bobs[0].accountId).toBe(acme.id);
        expect(saved.contactIds).toContain(bobs[0].id);
      }
      if (fixture.site === 'outlook-mail') {
        const accounts = await api<{ items: any[] }>('GET', '/api/accounts?limit=200', org.token);
        const globex = accounts.json.items.filter((a) => a.domains.includes('globex.example'));
        expect(globex).toHaveLength(1);
        expect(globex[0].name).toBe('Globex');
      }
      await site.close();
    });
  }
});
