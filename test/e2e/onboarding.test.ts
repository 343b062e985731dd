import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { openPanel, useExtensionBrowser } from './browser.ts';
import { api, createOrg } from './server.ts';

/** The token as the extension stored it, read from its own IndexedDB (content scripts cannot). */
function storedToken(panel: Page): Promise<string | null> {
  return panel.evaluate(
    () =>
      new Promise<string | null>((resolve, reject) => {
        const open = indexedDB.open('rapport');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const get = open.result.transaction('meta').objectStore('meta').get('credentials');
          get.onsuccess = () => resolve((get.result as { token: string } | undefined)?.token ?? null);
        };
      }),
  );
}

describe('onboarding with an invite code, and sign-out', () => {
  const browser = useExtensionBrowser();

  it('joins with the server address and an invite code, logs, then signs out and revokes the token', async () => {
    const org = await createOrg();
    const invite = await api<{ code: string }>('POST', '/api/invites', org.token, {
      email: 'sam.seller@acme.example',
      role: 'member',
      name: 'Sam Seller',
    });
    expect(invite.status).toBe(201);

    const panel = await openPanel(browser.current, 999_999);
    await panel.getByLabel('Server address').fill(inject('serverUrl'));
    await panel.getByLabel('Invite code').fill(invite.json.code);
    await panel.getByRole('button', { name: 'Connect' }).click();
    await panel.getByTestId('log-form').waitFor();
    await expect.poll(() => panel.getByTestId('sync-status').textContent()).toContain('Last synced');
    expect(await panel.locator('.status').textContent()).toContain('sam.seller@acme.example');

    // The code is spent.
    const again = await api('POST', '/api/auth/redeem', undefined, { code: invite.json.code, device: 'x' });
    expect([400, 410]).toContain(again.status);

    const token = await storedToken(panel);
    expect(token).toMatch(/^rap_/);
    const me = await api<{ user: { id: string; email: string } }>('GET', '/api/me', token!);
    expect(me.json.user.email).toBe('sam.seller@acme.example');
    const tokens = await api<{ items: { userId: string; label: string }[] }>(
      'GET',
      '/api/tokens?kind=api',
      org.token,
    );
    expect(tokens.json.items.find((t) => t.userId === me.json.user.id)?.label).toMatch(
      /^Rapport extension, /,
    );

    await panel.getByLabel('Title').fill('Intro call with Acme');
    await panel.getByLabel('Strategic').check();
    await panel.getByRole('button', { name: 'Save' }).click();
    const item = panel.getByTestId('recent-item').filter({ hasText: 'Intro call with Acme' });
    await expect.poll(() => item.count()).toBe(1);
    await expect.poll(() => item.textContent(), { timeout: 20_000 }).not.toContain('pending sync');
    await expect
      .poll(() => panel.getByTestId('sync-status').textContent(), { timeout: 20_000 })
      .toContain('Everything is synced');
    const list = await api<{ items: { title: string; userId: string }[] }>(
      'GET',
      '/api/interactions',
      token!,
    );
    expect(list.json.items.find((i) => i.title === 'Intro call with Acme')?.userId).toBe(me.json.user.id);

    panel.on('dialog', (d) => void d.accept());
    await panel.getByRole('button', { name: 'Sign out' }).click();
    await panel.getByRole('heading', { name: "Join your team's Rapport" }).waitFor();
    expect((await api('GET', '/api/me', token!)).status).toBe(401);
    expect(await storedToken(panel)).toBeNull();
  });

  it('explains a spent or unknown invite code in plain words', async () => {
    const panel = await openPanel(browser.current, 999_999);
    await panel.getByLabel('Server address').fill(inject('serverUrl'));
    await panel.getByLabel('Invite code').fill('not-a-real-code');
    await panel.getByRole('button', { name: 'Connect' }).click();
    await expect.poll(() => panel.getByRole('alert').textContent()).toContain('invite code is not valid');
  });
});
