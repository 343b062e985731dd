import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { type Browser, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { ROOT } from '../../scripts/lib/dev-env.ts';
import { uuidv7 } from '../../shared/uuid.ts';
import { CHROMIUM, QUIET_FLAGS } from './browser.ts';
import { api, createOrg } from './server.ts';

const SHOTS = join(ROOT, 'test-results/screenshots');
const HOSTILE = '<img src=x onerror="window.__pwned=1"><script>window.__pwned=1</script>Hostile & Co';
const SECRET = 'SECRET-PRICING-NOTE-4711';

async function invite(adminToken: string, role: 'manager' | 'member', email: string) {
  const inv = await api('POST', '/api/invites', adminToken, { email, role });
  expect(inv.status).toBe(201);
  const red = await api('POST', '/api/auth/redeem', undefined, { code: inv.json.code, device: 'e2e' });
  expect(red.status).toBe(201);
  return red.json as { token: string; user: { id: string; name: string } };
}

/** Logs `n` interactions for a user through the sync push, spread over the last weeks. */
async function logInteractions(
  token: string,
  accountId: string,
  n: number,
  opts: { privateNotes?: string } = {},
) {
  const now = Date.now();
  const mutations = Array.from({ length: n }, (_, i) => ({
    id: i + 1,
    name: 'interaction.put',
    args: {
      id: uuidv7(now - i * 3 * 86_400_000),
      accountId,
      contactIds: [],
      kind: i % 3 === 0 ? 'meeting' : 'email',
      tag: i % 3 === 0 ? 'strategic' : 'tactical',
      title: i === 0 && opts.privateNotes ? 'Private pricing talk' : `Interaction ${i}`,
      notes: i === 0 && opts.privateNotes ? opts.privateNotes : 'Routine.',
      occurredAt: new Date(now - i * 3 * 86_400_000 - 3_600_000).toISOString(),
      source: { site: 'manual', ref: null, url: null },
      followUpAt: null,
      awaitingReply: false,
      visibility: i === 0 && opts.privateNotes ? 'private' : 'team',
    },
  }));
  const res = await api('POST', '/api/sync/push', token, { clientId: uuidv7(), mutations });
  expect(res.status).toBe(200);
  expect(res.json.rejected).toEqual([]);
}

async function signIn(page: Page, token: string): Promise<number> {
  const link = await api<{ url: string }>('POST', '/api/auth/web-link', token);
  expect(link.status).toBe(201);
  await page.goto(link.json.url);
  const [res] = await Promise.all([page.waitForNavigation(), page.getByTestId('link-continue').click()]);
  return res?.status() ?? 0;
}

describe('the manager summary page in Chromium', () => {
  let browser: Browser;
  let team: {
    manager: { token: string };
    member: { token: string; user: { id: string } };
    accountId: string;
  };
  beforeAll(async () => {
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: QUIET_FLAGS,
    });
    const org = await createOrg();
    const manager = await invite(org.token, 'manager', 'manager@example.com');
    const member = await invite(org.token, 'member', 'member@example.com');
    const other = await invite(org.token, 'member', 'other@example.com');
    const accountId = uuidv7();
    const put = await api('POST', '/api/accounts', manager.token, {
      id: accountId,
      name: HOSTILE,
      domains: ['hostile.example'],
      stakeholder: 'customer',
      tier: 'strategic',
      cadenceDays: null,
      ownerId: member.user.id,
      startsOn: null,
      endsOn: null,
      notes: HOSTILE,
    });
    expect(put.status).toBe(201);
    await logInteractions(member.token, accountId, 12, { privateNotes: SECRET });
    await logInteractions(other.token, accountId, 5);
    team = { manager, member, accountId };
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('shows exactly the numbers of GET /api/summary, in the table and the chart', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    expect(await signIn(page, team.manager.token)).toBe(200);
    for (const query of ['', '?preset=90', `?preset=28&userId=${team.member.user.id}`]) {
      await page.goto(`${inject('serverUrl')}/${query}`);
      const period = page.getByTestId('period');
      const from = await period.getAttribute('data-from');
      const to = await period.getAttribute('data-to');
      const userId = new URLSearchParams(query).get('userId');
      const qs = new URLSearchParams({ from: from!, to: to!, ...(userId ? { userId } : {}) });
      const summary = (await api('GET', `/api/summary?${qs}`, team.manager.token)).json;
      expect(summary.people.length).toBeGreaterThan(0);
      const rows = page.locator('tr[data-testid="person-row"]');
      expect(await rows.count()).toBe(summary.people.length);
      for (const p of summary.people) {
        const row = page.locator(`tr[data-testid="person-row"][data-user-id="${p.userId}"]`);
        for (const field of ['total', 'tactical', 'strategic', 'overdueReminders', 'escalatedReminders']) {
          expect(
            await row.locator(`[data-field="${field}"]`).getAttribute('data-value'),
            `${field} of ${p.name}`,
          ).toBe(String(p[field]));
        }
        expect(await row.locator('[data-field="lastActivityAt"]').getAttribute('data-value')).toBe(
          p.lastActivityAt ?? '',
        );
      }
      const bars = page.locator('svg[data-testid="weekly-chart"] rect[data-tag]');
      expect(await bars.count()).toBe(summary.weeks.length * 2);
      for (const w of summary.weeks) {
        for (const tag of ['tactical', 'strategic']) {
          const bar = page.locator(
            `svg[data-testid="weekly-chart"] rect[data-week="${w.weekStart}"][data-tag="${tag}"]`,
          );
          expect(await bar.getAttribute('data-value')).toBe(String(w[tag]));
        }
      }
    }
    await page.close();
  });

  it('never shows a private note, renders hostile names as text, and looks right at 1280 and 360 px', async () => {
    mkdirSync(SHOTS, { recursive: true });
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await signIn(page, team.manager.token);
    for (const path of [
      '/',
      '/?preset=90',
      `/accounts/${team.accountId}`,
      `/people/${team.member.user.id}`,
    ]) {
      await page.goto(`${inject('serverUrl')}${path}`);
      expect(await page.content()).not.toContain(SECRET);
      expect(await page.evaluate(() => (window as any).__pwned)).toBeUndefined();
    }
    await page.goto(`${inject('serverUrl')}/accounts/${team.accountId}`);
    expect(await page.locator('h1').textContent()).toContain('<script>');
    expect(await page.locator('img[src="x"]').count()).toBe(0);
    await page.screenshot({ path: join(SHOTS, 'account-1280.png'), fullPage: true });
    await page.goto(`${inject('serverUrl')}/?preset=90`);
    await page.screenshot({ path: join(SHOTS, 'team-1280.png'), fullPage: true });
    await page.setViewportSize({ width: 360, height: 800 });
    await page.reload();
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    expect(overflow).toBeLessThanOrEqual(0);
    await page.screenshot({ path: join(SHOTS, 'team-360.png'), fullPage: true });
    await page.close();
  });

  it("lands a member's link on the accounts, and keeps the summary from them", async () => {
    const page = await browser.newPage();
    expect(await signIn(page, team.member.token)).toBe(200);
    expect(new URL(page.url()).pathname).toBe('/accounts');
    expect(await page.getByRole('navigation', { name: 'Main' }).getByRole('link').allTextContents()).toEqual([
      'Accounts',
      'Settings',
      'You',
    ]);
    const summary = await page.goto(`${inject('serverUrl')}/people/${team.member.user.id}`);
    expect(summary?.status()).toBe(403);
    expect(await page.getByTestId('forbidden').count()).toBe(1);
    await page.close();
  });

  it('refuses a cross-site POST and keeps the session', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await signIn(page, team.manager.token);
    const server = inject('serverUrl');
    await context.route('https://evil.example/**', (route) =>
      route.fulfill({
        contentType: 'text/html',
        body: `<form id="f" method="post" action="${server}/auth/sign-out"><input name="csrf" value="guess"></form><script>document.getElementById('f').submit()</script>`,
      }),
    );
    const attacked = page.waitForResponse((r) => r.url().startsWith(`${server}/auth/sign-out`));
    await page.goto('https://evil.example/');
    expect((await attacked).status()).toBe(403);
    const back = await page.goto(`${server}/`);
    expect(back?.status()).toBe(200);
    await context.close();
  });
});
