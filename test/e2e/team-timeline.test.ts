import { describe, expect, inject, it } from 'vitest';
import { uuidv7 } from '../../shared/uuid.ts';
import { connectPanel, openPanel, serveFixture, tabIdOf, useExtensionBrowser } from './browser.ts';
import { api, createOrg } from './server.ts';

const SECRET = 'SECRET-NOTE-8812';

describe("the panel's account timeline includes teammates' team-visible work", () => {
  const browser = useExtensionBrowser();

  it('shows a teammate’s interaction on the open account, and their private one only as private', async () => {
    const org = await createOrg();
    const acme = await api('POST', '/api/accounts', org.token, {
      name: 'Acme',
      domains: ['acme.example'],
      stakeholder: 'customer',
      tier: 'strategic',
    });
    expect(acme.status).toBe(201);
    const invite = await api('POST', '/api/invites', org.token, {
      email: 'mate@example.com',
      role: 'member',
      name: 'Mia Teammate',
    });
    const mate = await api('POST', '/api/auth/redeem', undefined, { code: invite.json.code, device: 'e2e' });
    const base = {
      accountId: acme.json.id,
      contactIds: [],
      kind: 'meeting',
      occurredAt: new Date(Date.now() - 86_400_000).toISOString(),
      source: { site: 'manual', ref: null, url: null },
      followUpAt: null,
      awaitingReply: false,
    };
    const pushed = await api('POST', '/api/sync/push', mate.json.token, {
      clientId: uuidv7(),
      mutations: [
        {
          id: 1,
          name: 'interaction.put',
          args: {
            ...base,
            id: uuidv7(),
            tag: 'strategic',
            title: 'Teammate QBR prep',
            notes: 'Agenda agreed.',
            visibility: 'team',
          },
        },
        {
          id: 2,
          name: 'interaction.put',
          args: {
            ...base,
            id: uuidv7(),
            tag: 'tactical',
            title: 'Secret pricing call',
            notes: SECRET,
            visibility: 'private',
          },
        },
      ],
    });
    expect(pushed.json.rejected).toEqual([]);

    await serveFixture(browser.current.context, 'https://mail.google.com/**', 'gmail/thread-basic.html');
    const gmail = await browser.current.context.newPage();
    await gmail.goto('https://mail.google.com/mail/u/0/#inbox/FMfcgzQbgRnJxWvKqDfLmNpTsHzBcXkP');
    const panel = await openPanel(
      browser.current,
      await tabIdOf(browser.current.worker, 'https://mail.google.com/*'),
    );
    await connectPanel(panel, inject('serverUrl'), org.token);

    const items = panel.getByTestId('recent-item');
    await expect
      .poll(() => items.allTextContents(), { timeout: 20_000 })
      .toEqual(
        expect.arrayContaining([
          expect.stringContaining('Teammate QBR prep'),
          expect.stringContaining('Private interaction'),
        ]),
      );
    // A teammate's rows are named by their author, from the org's people the panel keeps in its replica.
    await expect
      .poll(async () => (await items.filter({ hasText: 'Teammate QBR prep' }).textContent()) ?? '', {
        timeout: 20_000,
      })
      .toContain('Mia Teammate');
    const texts = await items.allTextContents();
    expect(texts.find((t) => t.includes('Private interaction'))).toContain('Mia Teammate');
    expect(texts.join('\n')).not.toContain('a teammate');
    expect(await panel.content()).not.toContain('Secret pricing call');
    expect(await panel.content()).not.toContain(SECRET);
  });
});
