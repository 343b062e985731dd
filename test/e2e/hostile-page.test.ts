import { describe, expect, inject, it } from 'vitest';
import { pageFixtures } from '../fixtures/pages/index.ts';
import { connectPanel, openPanel, serveFixture, tabIdOf, useExtensionBrowser } from './browser.ts';
import { createOrg } from './server.ts';

// Design §12: subjects and names that carry markup and script stay text in the panel.
describe('hostile page content in the panel', () => {
  const browser = useExtensionBrowser();

  // Every hostile page, the crafted ones included: their bodies imitate the app's own headers.
  for (const file of pageFixtures.filter((f) => f.hostile).map((f) => f.file)) {
    it(`renders ${file} as text, never as elements or script`, async () => {
      const fixture = pageFixtures.find((f) => f.file === file)!;
      const origin = new URL(fixture.url).origin;
      await serveFixture(browser.current.context, `${origin}/**`, file);
      const site = await browser.current.context.newPage();
      await site.goto(fixture.url);
      const tabId = await tabIdOf(browser.current.worker, `${origin}/*`);
      const panel = await openPanel(browser.current, tabId);
      const dialogs: string[] = [];
      panel.on('dialog', (d) => {
        dialogs.push(d.message());
        void d.dismiss();
      });
      // The panel renders "Loading…" first: wait for either the setup form or the signed-in panel.
      const setup = panel.getByLabel('Server address');
      await setup
        .or(panel.getByRole('heading', { name: 'Log interaction' }))
        .first()
        .waitFor();
      if (await setup.isVisible()) await connectPanel(panel, inject('serverUrl'), (await createOrg()).token);
      await expect
        .poll(() => panel.getByTestId('context-title').textContent(), { timeout: 15_000 })
        .toBe(fixture.expected!.title);
      const card = panel.getByTestId('context-card');
      expect(await card.locator('img, svg, script, iframe, object').count()).toBe(0);
      const names = (await panel.getByTestId('participant').allTextContents()).join('\n');
      for (const p of fixture.expected!.participants) if (p.name) expect(names).toContain(p.name);
      await panel.waitForTimeout(300);
      expect(dialogs).toEqual([]);
      await panel.close();
      await site.close();
    });
  }
});
