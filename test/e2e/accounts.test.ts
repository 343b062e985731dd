import { describe, expect, inject, it } from 'vitest';
import { connectPanel, openPanel, serveFixture, tabIdOf, useExtensionBrowser } from './browser.ts';
import { api, createOrg } from './server.ts';

const THREAD_URL = 'https://mail.google.com/mail/u/0/#inbox/FMfcgzQbgRnJxWvKqDfLmNpTsHzBcXkP';

describe('accounts set up right where the thread is', () => {
  const browser = useExtensionBrowser();

  it('shows the colleague as a colleague, lets the user pick the second company and create it as asked', async () => {
    const org = await createOrg();
    const b = browser.current;
    // The thread (saved page): Jane (the user) and her colleague Dan at northwind.example, Alice
    // and Bob at acme.example, Carol at globex.example.
    await serveFixture(b.context, 'https://mail.google.com/**', 'gmail/thread-basic.html');
    const gmail = await b.context.newPage();
    await gmail.goto(THREAD_URL);
    const panel = await openPanel(b, await tabIdOf(b.worker, 'https://mail.google.com/*'));
    await connectPanel(panel, inject('serverUrl'), org.token);

    const dan = panel.getByTestId('participant').filter({ hasText: 'dan.wright@northwind.example' });
    await expect.poll(() => dan.getAttribute('data-colleague'), { timeout: 15_000 }).toBe('true');
    expect(await dan.textContent()).toContain('colleague');
    expect(await dan.getByRole('button').count()).toBe(0);
    expect(await panel.getByRole('button', { name: 'Create account for northwind.example' }).count()).toBe(0);

    const companies = panel.getByTestId('company');
    expect(await companies.allTextContents()).toEqual([
      expect.stringContaining('acme.example'),
      expect.stringContaining('globex.example'),
    ]);
    await companies.nth(1).getByRole('radio').check();
    await companies.nth(1).getByRole('button', { name: 'Create account for globex.example' }).click();
    const form = panel.getByTestId('create-account');
    expect(await form.getByLabel('Account name').inputValue()).toBe('Globex');
    await form.getByLabel('Strategic').check();
    await form.getByLabel('Stakeholder').selectOption('supplier');
    await form.getByLabel('Cadence (days)').fill('21');
    await form.getByRole('button', { name: 'Create account' }).click();
    await expect.poll(() => panel.getByTestId('context-account').textContent()).toContain('Globex');

    let created: any;
    await expect
      .poll(
        async () => {
          const list = await api<{ items: any[] }>('GET', '/api/accounts?limit=200', org.token);
          created = list.json.items;
          return created.length;
        },
        { timeout: 30_000 },
      )
      .toBe(1);
    const { id, version: _v, createdAt: _c, updatedAt: _u, deletedAt: _d, ...fields } = created[0];
    expect(fields).toEqual({
      name: 'Globex',
      domains: ['globex.example'],
      stakeholder: 'supplier',
      tier: 'strategic',
      cadenceDays: 21,
      ownerId: org.user.id,
      startsOn: null,
      endsOn: null,
      notes: '',
    });

    // The log is about the picked company.
    await panel.locator('body').press('s');
    await panel.getByTestId('log-form').getByLabel('Notes').press('Control+Enter');
    await expect
      .poll(
        async () =>
          (await api<{ items: any[] }>('GET', '/api/interactions', org.token)).json.items[0]?.accountId,
        {
          timeout: 30_000,
        },
      )
      .toBe(id);

    // The account's Edit disclosure: a second domain and the alliance's end, through the outbox.
    await panel.getByTestId('context-card').locator('summary', { hasText: 'Edit' }).click();
    const edit = panel.getByTestId('edit-account');
    await edit.getByLabel('Domains').fill('globex.example, globex.co.uk');
    await edit.getByLabel('Alliance ends').fill('2027-06-30');
    await edit.getByLabel('Cadence (days)').fill('400');
    await edit.getByRole('button', { name: 'Save account' }).click();
    expect(await edit.getByRole('alert').textContent()).toContain('Whole days up to 365');
    await edit.getByLabel('Cadence (days)').fill('21');
    await edit.getByRole('button', { name: 'Save account' }).click();
    await expect
      .poll(async () => (await api<any>('GET', `/api/accounts/${id}`, org.token)).json, { timeout: 30_000 })
      .toMatchObject({ domains: ['globex.example', 'globex.co.uk'], endsOn: '2027-06-30', cadenceDays: 21 });
  });
});
