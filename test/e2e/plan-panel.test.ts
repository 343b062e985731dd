import { mkdirSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { connectPanel, openPanel, serveFixture, tabIdOf, useExtensionBrowser } from './browser.ts';
import { api, createOrg } from './server.ts';

// Issues 13 and 14, in the panel: on a saved Gmail thread, while the Worker cannot be reached,
// a salesperson records a KPI value, marks the meeting as the review, notes a promise of theirs
// and raises a conflict, each with one keystroke. When the Worker is back, every record lands
// on the server linked to the one interaction the panel logged for the thread.

const THREAD_URL = 'https://mail.google.com/mail/u/0/#inbox/FMfcgzQbgRnJxWvKqDfLmNpTsHzBcXkP';
const THREAD_REF = '18c4f2a9b7e3d512';
const SHOTS = process.env.SHOTS_DIR;

async function shoot(panel: Page, name: string): Promise<void> {
  if (!SHOTS) return;
  mkdirSync(SHOTS, { recursive: true });
  await panel.getByTestId('plan').screenshot({ path: `${SHOTS}/${name}.png` });
  await panel.screenshot({ path: `${SHOTS}/${name}-full.png`, fullPage: true });
}

/** Presses a plan key with the focus on the page itself, as after opening the panel. */
async function planKey(panel: Page, key: string, form: string): Promise<void> {
  await panel.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  await panel.keyboard.press(key);
  await panel.getByTestId(form).waitFor();
}

describe('the relationship plan in the panel, offline', () => {
  const browser = useExtensionBrowser();

  it('records a KPI value, the review, a promise of theirs and a conflict offline; all land linked to the thread', async () => {
    const org = await createOrg();
    const me = org.user.id;
    const acme = await api('POST', '/api/accounts', org.token, {
      name: 'Acme',
      domains: ['acme.example'],
      stakeholder: 'customer',
      tier: 'strategic',
      ownerId: me,
    });
    expect(acme.status).toBe(201);
    const accountId = acme.json.id as string;
    const alice = await api('POST', '/api/contacts', org.token, {
      accountId,
      name: 'Alice Chen',
      emails: ['alice.chen@acme.example'],
    });
    expect(alice.status).toBe(201);
    const started = new Date(Date.now() - 100 * 86_400_000).toISOString().slice(0, 10);
    const plan = await api('PUT', `/api/plans/${accountId}`, org.token, {
      startsOn: started,
      vision: 'Acme’s first call for cold-chain logistics',
      alliance: null,
      escalation: [],
    });
    expect(plan.status).toBe(201);
    const objective = await api('POST', '/api/objectives', org.token, {
      accountId,
      title: 'On-time delivery',
      unit: '%',
      baseline: 80,
      target: 95,
      dueOn: `${new Date().getUTCFullYear() + 1}-06-30`,
      ownerId: me,
    });
    expect(objective.status).toBe(201);

    const b = browser.current;
    await serveFixture(b.context, 'https://mail.google.com/**', 'gmail/thread-basic.html');
    const gmail = await b.context.newPage();
    await gmail.goto(THREAD_URL);
    const panel = await openPanel(b, await tabIdOf(b.worker, 'https://mail.google.com/*'));
    await panel.setViewportSize({ width: 400, height: 900 });
    await connectPanel(panel, inject('serverUrl'), org.token);

    // The plan arrives with the first pull: health with its reason, the objective, the next review.
    const section = panel.getByTestId('plan');
    await expect
      .poll(() => section.getByTestId('plan-objectives').textContent(), { timeout: 20_000 })
      .toContain('On-time delivery');
    expect(await section.getByTestId('plan-health-reason').textContent()).not.toBe('');
    expect(await section.getByTestId('plan-next-review').textContent()).toContain('late');
    const scoreBefore = Number(await section.getByTestId('plan-health').getAttribute('data-score'));

    // The Worker goes away.
    const server = `${inject('serverUrl').replace(/\/$/, '')}/**`;
    await b.context.route(server, (route) => route.abort('connectionrefused'));

    // k: record a KPI value, pre-filled with the thread's subject as the note.
    await planKey(panel, 'k', 'kpi-form');
    const kpi = panel.getByTestId('kpi-form');
    expect(await kpi.getByLabel('Note').inputValue()).toBe('Q4 renewal — pricing proposal');
    expect(await kpi.getByTestId('plan-link').textContent()).toContain('Also logs this thread as strategic');
    await kpi.getByLabel('Value (%)').fill('not a number');
    await kpi.getByLabel('Value (%)').press('Control+Enter');
    expect(await kpi.getByTestId('plan-form-error').textContent()).toContain('number');
    await kpi.getByLabel('Value (%)').fill('91.5');
    await kpi.getByLabel('Value (%)').press('Control+Enter');
    await expect.poll(() => panel.getByTestId('plan-status').textContent()).toContain('KPI value recorded');
    await expect.poll(() => section.getByTestId('plan-objectives').textContent()).toContain('91.5 %');

    // r: this meeting is the review, with both ratings.
    await planKey(panel, 'r', 'review-form');
    const review = panel.getByTestId('review-form');
    expect(await review.getByTestId('plan-link').textContent()).toContain(
      'Linked to your log of this thread',
    );
    await review.getByLabel('Our rating').selectOption('4');
    await review.getByLabel('Their rating').selectOption('3');
    expect(await review.getByTestId('rating-gap').textContent()).toContain('We rate it 1 above them');
    await review.getByLabel('What worked').fill('Weekly delivery calls');
    await review.getByRole('button', { name: 'Save review' }).click();
    await expect.poll(() => section.getByTestId('plan-next-review').textContent()).toContain('in ');

    // p: a promise of theirs, due in two weeks.
    await planKey(panel, 'p', 'commitment-form');
    const promise = panel.getByTestId('commitment-form');
    await promise.getByLabel('They did').check();
    expect(await promise.getByLabel('Promised by').inputValue()).toBe(alice.json.id);
    await promise.getByLabel('What').fill('Send the Q1 volume forecast');
    await promise.getByLabel('Due').selectOption('2-weeks');
    await promise.getByLabel('What').press('Control+Enter');
    await expect
      .poll(() => section.getByTestId('plan-commitments').textContent())
      .toContain('Send the Q1 volume forecast');

    // c: a high-severity conflict, handled by me.
    await planKey(panel, 'c', 'conflict-form');
    const conflict = panel.getByTestId('conflict-form');
    await conflict.getByLabel('About').fill('Pallets arrive damaged');
    await conflict.getByLabel('Severity').selectOption('high');
    await conflict.getByRole('button', { name: 'Raise it' }).click();
    await expect.poll(() => section.getByTestId('plan-conflicts').textContent()).toContain('Level 1');

    await expect
      .poll(() => panel.getByTestId('sync-status').textContent(), { timeout: 10_000 })
      .toContain('5 changes waiting to sync');
    const waiting = await api('GET', `/api/measurements?accountId=${accountId}`, org.token);
    expect(waiting.json.items).toEqual([]);
    const scoreOffline = Number(await section.getByTestId('plan-health').getAttribute('data-score'));
    expect(scoreOffline).not.toBe(scoreBefore);

    await panel.emulateMedia({ colorScheme: 'light' });
    await shoot(panel, 'plan-400');
    await panel.setViewportSize({ width: 320, height: 900 });
    await shoot(panel, 'plan-320');
    await panel.emulateMedia({ colorScheme: 'dark' });
    await shoot(panel, 'plan-dark');
    await planKey(panel, 'P', 'close-commitment-form');
    if (SHOTS)
      await panel.getByTestId('close-commitment-form').screenshot({ path: `${SHOTS}/close-dark.png` });
    await panel.keyboard.press('Escape');
    await panel.emulateMedia({ colorScheme: 'light' });

    // The Worker is back: everything lands, linked to the one interaction logged for the thread.
    await b.context.unroute(server);
    await panel.getByRole('button', { name: 'Sync now' }).click();
    await expect
      .poll(() => panel.getByTestId('sync-status').textContent(), { timeout: 45_000 })
      .toContain('Everything is synced');
    const logs = await api('GET', `/api/interactions?accountId=${accountId}&limit=50`, org.token);
    const fromThread = logs.json.items.filter((i: any) => i.source.ref === THREAD_REF);
    expect(fromThread).toHaveLength(1);
    expect(fromThread[0]).toMatchObject({ tag: 'strategic', title: 'Q4 renewal — pricing proposal' });
    const linked = fromThread[0].id;

    const list = async (path: string) =>
      (await api('GET', `${path}?accountId=${accountId}`, org.token)).json.items;
    expect(await list('/api/measurements')).toEqual([
      expect.objectContaining({ objectiveId: objective.json.id, value: 91.5, interactionId: linked }),
    ]);
    expect(await list('/api/reviews')).toEqual([
      expect.objectContaining({
        ourRating: 4,
        theirRating: 3,
        worked: 'Weekly delivery calls',
        interactionId: linked,
      }),
    ]);
    expect(await list('/api/commitments')).toEqual([
      expect.objectContaining({
        side: 'theirs',
        contactId: alice.json.id,
        ownerId: null,
        what: 'Send the Q1 volume forecast',
        state: 'open',
        interactionId: linked,
      }),
    ]);
    expect(await list('/api/conflicts')).toEqual([
      expect.objectContaining({
        title: 'Pallets arrive damaged',
        severity: 'high',
        level: 1,
        ownerId: me,
        interactionId: linked,
      }),
    ]);

    // The server's view of the plan agrees with what the panel showed offline.
    const view = await api('GET', `/api/accounts/${accountId}/plan`, org.token);
    expect(view.status).toBe(200);
    expect(view.json.health.score).toBe(
      Number(await section.getByTestId('plan-health').getAttribute('data-score')),
    );

    // Resolving the conflict from the panel, online now, closes it on the server.
    await planKey(panel, 'C', 'resolve-conflict-form');
    const resolve = panel.getByTestId('resolve-conflict-form');
    await resolve.getByLabel('Resolution').fill('New packaging from March');
    await resolve.getByLabel('Lesson learned').fill('Check packaging at the pilot');
    await resolve.getByRole('button', { name: 'Resolve' }).click();
    await expect
      .poll(async () => (await list('/api/conflicts'))[0]?.state, { timeout: 30_000, interval: 1_000 })
      .toBe('resolved');
    expect(await section.getByTestId('plan-conflicts').count()).toBe(0);
  });
});
