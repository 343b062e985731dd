import { describe, expect, inject, it } from 'vitest';
import { connectPanel, openPanel, useExtensionBrowser } from './browser.ts';
import { api, createOrg } from './server.ts';

describe('the time zone the panel works in', () => {
  const browser = useExtensionBrowser();

  it("offers the browser's zone when the stored one differs, and stores it on the server", async () => {
    const org = await createOrg();
    // A zone this machine is not in.
    const away = (await api('PATCH', '/api/me', org.token, { timeZone: 'Pacific/Chatham' })).json;
    expect(away.timeZone).toBe('Pacific/Chatham');
    const panel = await openPanel(browser.current, 999_999);
    await connectPanel(panel, inject('serverUrl'), org.token);
    const browserZone = await panel.evaluate(() => Intl.DateTimeFormat().resolvedOptions().timeZone);
    expect(await panel.getByTestId('signed-in').textContent()).toContain('Times are in Pacific/Chatham.');

    const offer = panel.getByTestId('zone-offer');
    await expect.poll(() => offer.textContent()).toContain(`This browser is on ${browserZone} time`);
    await offer.getByRole('button', { name: `Use ${browserZone}` }).click();
    await expect.poll(() => offer.count()).toBe(0);
    expect((await api('GET', '/api/me', org.token)).json.user.timeZone).toBe(browserZone);
    expect(await panel.getByTestId('signed-in').textContent()).toContain(`Times are in ${browserZone}.`);

    // Declining is remembered for that pair of zones.
    await api('PATCH', '/api/me', org.token, { timeZone: 'Pacific/Chatham' });
    await panel.getByRole('button', { name: 'Sync now' }).click();
    await panel.reload();
    await expect.poll(() => offer.count(), { timeout: 20_000 }).toBe(1);
    await offer.getByRole('button', { name: 'Keep Pacific/Chatham' }).click();
    await panel.reload();
    await panel.getByTestId('signed-in').waitFor();
    expect(await offer.count()).toBe(0);
    expect((await api('GET', '/api/me', org.token)).json.user.timeZone).toBe('Pacific/Chatham');
  });
});
