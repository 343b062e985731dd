import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { freePort } from '../../scripts/lib/wrangler-dev.ts';
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
    // No scheme: a local server is reached over http.
    await panel.getByLabel('Server address').fill(inject('serverUrl').replace(/^http:\/\//, ''));
    const code = panel.getByLabel('Invite code');
    expect(await code.getAttribute('type')).toBe('text'); // what was pasted stays visible
    await code.fill(invite.json.code);
    await panel.getByRole('button', { name: 'Connect' }).click();
    // Before the code is spent: which team, which role, and the name to confirm.
    const confirm = panel.getByTestId('confirm-name');
    await expect.poll(() => confirm.textContent()).toContain('sam.seller@acme.example, a member of');
    expect(await confirm.getByLabel('Your name').inputValue()).toBe('Sam Seller');
    await confirm.getByLabel('Your name').fill('Samantha Seller');
    await confirm.getByRole('button', { name: 'Join' }).click();
    await panel.getByTestId('log-form').waitFor();
    await expect.poll(() => panel.getByTestId('sync-status').textContent()).toContain('Last synced');
    expect(await panel.getByTestId('signed-in').textContent()).toContain(
      'Signed in as Samantha Seller <sam.seller@acme.example>',
    );
    // Joined with the browser's zone, so there is nothing to offer.
    expect(await panel.getByTestId('zone-offer').count()).toBe(0);

    // The code is spent.
    const again = await api('POST', '/api/auth/redeem', undefined, { code: invite.json.code, device: 'x' });
    expect([400, 410]).toContain(again.status);

    const token = await storedToken(panel);
    expect(token).toMatch(/^rap_/);
    const me = await api<{ user: { id: string; email: string; name: string } }>('GET', '/api/me', token!);
    expect(me.json.user.email).toBe('sam.seller@acme.example');
    expect(me.json.user.name).toBe('Samantha Seller');
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

    // Sign-out asks first and says what it will do; Cancel changes nothing.
    await panel.getByRole('button', { name: 'Sign out…' }).click();
    const ask = panel.getByTestId('sign-out-confirm');
    expect(await ask.textContent()).toContain("revokes this browser's sign-in");
    await ask.getByRole('button', { name: 'Cancel' }).click();
    expect((await api('GET', '/api/me', token!)).status).toBe(200);
    await panel.getByRole('button', { name: 'Sign out…' }).click();
    await panel.getByRole('button', { name: 'Sign out now' }).click();
    await panel.getByRole('heading', { name: "Join your team's Rapport" }).waitFor();
    expect((await api('GET', '/api/me', token!)).status).toBe(401);
    expect(await storedToken(panel)).toBeNull();
  });

  it('tells being offline, a host where nothing answers and a server that is not Rapport apart', async () => {
    const panel = await openPanel(browser.current, 999_999);
    const tryServer = async (address: string) => {
      await panel.getByLabel('Server address').fill(address);
      await panel.getByLabel('Invite code').fill('rinv_whatever');
      await panel.getByRole('button', { name: 'Connect' }).click();
      await expect.poll(() => panel.getByRole('button', { name: 'Connect' }).isEnabled()).toBe(true);
      return panel.locator('#server-error').textContent();
    };
    const nothing = await freePort();
    expect(await tryServer(`127.0.0.1:${nothing}`)).toBe(
      `Nothing answers at 127.0.0.1:${nothing}. Check the address and the port, and that the server is running.`,
    );
    // Something else listens on this port (another web server, say).
    const other = createServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'text/html' });
      res.end('<!doctype html><title>Some other app</title>');
    });
    await new Promise<void>((resolve) => other.listen(0, '127.0.0.1', resolve));
    const port = (other.address() as AddressInfo).port;
    try {
      expect(await tryServer(`http://127.0.0.1:${port}`)).toBe(
        `127.0.0.1:${port} answers, but it is not a Rapport server. Check the address and the port.`,
      );
    } finally {
      other.close();
    }
    await browser.current.context.setOffline(true);
    try {
      expect(await tryServer(inject('serverUrl'))).toBe(
        'You are offline. Connect to the internet, then try again.',
      );
    } finally {
      await browser.current.context.setOffline(false);
    }
    expect(await tryServer('http://rapport.example.com')).toMatch(
      /^Use https:\/\/ for a server on the internet/,
    );
  });

  it('explains a spent or unknown invite code in plain words', async () => {
    const panel = await openPanel(browser.current, 999_999);
    await panel.getByLabel('Server address').fill(inject('serverUrl'));
    await panel.getByLabel('Invite code').fill('not-a-real-code');
    await panel.getByRole('button', { name: 'Connect' }).click();
    // Said by the field it is about.
    await expect.poll(() => panel.locator('#code-error').textContent()).toContain('invite code is not valid');
    expect(await panel.getByLabel('Invite code').getAttribute('aria-invalid')).toBe('true');
  });
});
