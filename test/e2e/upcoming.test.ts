import { describe, expect, inject, it } from 'vitest';
import { connectPanel, openPanel, useExtensionBrowser } from './browser.ts';
import { api, createOrg } from './server.ts';

const inDays = (n: number) => new Date(Date.now() + n * 86_400_000).toISOString().slice(0, 10);

describe('what is coming, and reminders that do what they say', () => {
  const browser = useExtensionBrowser();

  it('lists a follow-up as soon as it is set; alliance-ending decisions change the account on the server', async () => {
    const org = await createOrg();
    const account = async (name: string, endsOn: string) =>
      (
        await api('POST', '/api/accounts', org.token, {
          name,
          tier: 'tactical',
          stakeholder: 'partner',
          ownerId: org.user.id,
          endsOn,
        })
      ).json as { id: string };
    // Decisions are due 14 days before the end: about 4 days ago (overdue) and 11 (escalated).
    const pilot = await account('Pilot Co', inDays(10));
    const trial = await account('Trial Ltd', inDays(3));

    const panel = await openPanel(browser.current, 999_999);
    await connectPanel(panel, inject('serverUrl'), org.token);

    // A follow-up shows in Upcoming at once, before any sync, and stays after it.
    await panel.getByLabel('Title').fill('Call Pilot about the pilot results');
    await panel.getByLabel('Tactical').check();
    await panel.getByLabel('Follow up').selectOption('2-weeks');
    await panel.getByLabel('Title').press('Control+Enter');
    const upcoming = panel
      .getByTestId('upcoming-item')
      .filter({ hasText: 'Call Pilot about the pilot results' });
    await expect.poll(() => upcoming.count()).toBe(1);
    expect(await upcoming.textContent()).toContain('Follow-up · due');
    await expect.poll(() => upcoming.textContent(), { timeout: 30_000 }).not.toContain('not synced yet');

    const decision = (name: string) =>
      panel.locator('[data-testid="reminder"][data-rule="alliance-ending"]').filter({ hasText: name });
    await expect.poll(() => decision('Pilot Co').count(), { timeout: 30_000 }).toBe(1);
    // Late by days (a weekend may move the decision day forward), not yet escalated.
    expect(await decision('Pilot Co').getByTestId('overdue').textContent()).toMatch(/^overdue [1-4] days?$/);
    expect(await panel.getByTestId('escalated').getByText('Pilot Co', { exact: false }).count()).toBe(0);
    // Over the org's 7 escalation days: shown apart.
    expect(await panel.getByTestId('escalated').getByText('Trial Ltd', { exact: false }).count()).toBe(1);

    // Make strategic: one click, then a confirmation that says what changes.
    await decision('Pilot Co').getByRole('button', { name: 'Make strategic…' }).click();
    const confirm = decision('Pilot Co').getByTestId('alliance-confirm');
    expect(await confirm.textContent()).toContain('Make Pilot Co a strategic account');
    await confirm.getByRole('button', { name: 'Make strategic' }).click();
    await expect.poll(() => decision('Pilot Co').count()).toBe(0);
    await expect
      .poll(async () => (await api('GET', `/api/accounts/${pilot.id}`, org.token)).json.tier, {
        timeout: 30_000,
      })
      .toBe('strategic');

    // Close: the end is set and keep-in-touch switched off.
    await decision('Trial Ltd').getByRole('button', { name: 'Close…' }).click();
    const close = decision('Trial Ltd').getByTestId('alliance-confirm');
    await close.getByLabel('Ends on').fill(inDays(1));
    await close.getByRole('button', { name: 'Close alliance' }).click();
    await expect
      .poll(async () => (await api('GET', `/api/accounts/${trial.id}`, org.token)).json, { timeout: 30_000 })
      .toMatchObject({ endsOn: inDays(1), cadenceDays: 0, tier: 'tactical' });
    const open = await api<{ items: { accountId: string; rule: string }[] }>(
      'GET',
      '/api/reminders',
      org.token,
    );
    expect(open.json.items.filter((r) => r.accountId === trial.id)).toEqual([]);
  });
});
