import { describe, expect, inject, it } from 'vitest';
import { uuidv7 } from '../../shared/uuid.ts';
import { connectPanel, openPanel, serveFixture, tabIdOf, useExtensionBrowser } from './browser.ts';
import { api, createOrg } from './server.ts';

const note = (title: string, tag: 'tactical' | 'strategic') => ({
  id: uuidv7(),
  accountId: null,
  contactIds: [],
  kind: 'note',
  tag,
  title,
  notes: '',
  occurredAt: new Date(Date.now() - 86_400_000).toISOString(),
  source: { site: 'manual', ref: null, url: null },
  followUpAt: null,
  awaitingReply: false,
  visibility: 'team',
});

async function weightOf(token: string, term: string): Promise<number | undefined> {
  const page = await api('GET', `/api/sync/pull?clientId=${uuidv7()}&cookie=0`, token);
  return page.json.teamWeights?.terms.find((t: [string, number]) => t[0] === term)?.[1];
}

describe('the tag suggestion in the panel', () => {
  const browser = useExtensionBrowser();

  it('weighs the action over the topic, uses what a teammate taught it, and learns from an override', async () => {
    const org = await createOrg();
    // A teammate overrides the suggestion for "SteerCo prep" (no word the vocabulary knows): the server learns it.
    const taught = await api('POST', '/api/interactions', org.token, note('SteerCo prep', 'strategic'));
    expect(taught.status).toBe(201);
    expect(await weightOf(org.token, 'steerco')).toBeGreaterThan(0);

    await serveFixture(browser.current.context, 'https://mail.google.com/**', 'gmail/thread-basic.html');
    const gmail = await browser.current.context.newPage();
    await gmail.goto('https://mail.google.com/mail/u/0/#inbox/FMfcgzQbgRnJxWvKqDfLmNpTsHzBcXkP');
    const panel = await openPanel(
      browser.current,
      await tabIdOf(browser.current.worker, 'https://mail.google.com/*'),
    );
    await connectPanel(panel, inject('serverUrl'), org.token);
    const suggestion = () => panel.getByTestId('tag-suggestion').textContent();
    const title = panel.getByLabel('Title');

    await title.fill('Parking passes for the steering committee visit');
    await expect
      .poll(suggestion)
      .toBe("Suggests tactical: 'parking' is logistics: tactical, even for a steering committee");

    // The weights came down with the first pull and are read from the replica.
    await title.fill('Steerco on Thursday');
    await expect
      .poll(suggestion, { timeout: 20_000 })
      .toBe("Suggests strategic: Your team tags 'steerco' as strategic");

    // Override: "Hypercare check-in" is suggested strategic ("check-in"); saved tactical, it teaches.
    await title.fill('Hypercare check-in');
    await expect.poll(suggestion).toMatch(/^Suggests strategic/);
    await panel.locator('input[name="tag"][value="tactical"]').check();
    await title.press('Control+Enter');
    await expect.poll(() => panel.getByTestId('save-status').textContent()).toContain('Saved');
    await expect.poll(() => weightOf(org.token, 'hypercare'), { timeout: 30_000 }).toBeLessThan(0);

    // The lesson comes back down to the panel (in a new log of the same thread).
    await panel.getByRole('button', { name: 'Log a new one' }).click();
    await title.fill('Hypercare call');
    await expect
      .poll(suggestion, { timeout: 30_000 })
      .toBe("Suggests tactical: Your team tags 'hypercare' as tactical");
  });
});
