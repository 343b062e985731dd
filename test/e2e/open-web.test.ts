import { describe, expect, inject, it } from 'vitest';
import { connectPanel, openPanel, useExtensionBrowser } from './browser.ts';
import { api, createOrg } from './server.ts';

describe('Open Rapport on the web', () => {
  const browser = useExtensionBrowser();

  it("a member's panel mints a one-time link and signs the browser into the web page, no curl", async () => {
    const org = await createOrg();
    const invite = await api<{ code: string }>('POST', '/api/invites', org.token, {
      email: 'mia.member@acme.example',
      role: 'member',
      name: 'Mia Member',
    });
    const panel = await openPanel(browser.current, 999_999);
    await connectPanel(panel, inject('serverUrl'), invite.json.code);
    const button = panel.getByRole('button', { name: 'Open Rapport on the web' });

    // Unreachable: said in plain words, and no tab opens.
    const server = `${inject('serverUrl').replace(/\/$/, '')}/**`;
    await browser.current.context.route(server, (route) => route.abort('connectionrefused'));
    const pagesBefore = browser.current.context.pages().length;
    await button.click();
    await expect.poll(() => panel.getByTestId('open-web-error').textContent()).toContain('Cannot reach');
    expect(browser.current.context.pages().length).toBe(pagesBefore);
    await browser.current.context.unroute(server);

    const [tab] = await Promise.all([browser.current.context.waitForEvent('page'), button.click()]);
    await tab.waitForURL((u) => u.pathname === '/auth/link');
    expect(await panel.getByTestId('open-web-error').count()).toBe(0);
    const opened = new URL(tab.url());
    expect(opened.origin).toBe(new URL(inject('serverUrl')).origin);
    expect(opened.searchParams.get('code')).toMatch(/^rwl_/);
    expect(await tab.getByTestId('link-user').textContent()).toBe('Mia Member');
    await tab.getByTestId('link-continue').click();
    await tab.waitForURL((u) => u.pathname !== '/auth/link');
    // Signed in: the session cookie is set for the server, and the link is spent.
    const cookies = await browser.current.context.cookies(inject('serverUrl'));
    expect(cookies.some((c) => c.name.startsWith('__Host-'))).toBe(true);
    await tab.goto(opened.toString());
    expect(await tab.getByTestId('link-gone').count()).toBe(1);
  });
});
