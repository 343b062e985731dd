import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { createOrg, interaction } from './helpers.ts';
import { addAccount, addPerson, addReminder, browse, logAs, teamWithManager } from './page-helpers.ts';

const daysAgo = (n: number) => new Date(Date.now() - n * 86_400_000).toISOString();

describe('summary page account and person views', () => {
  it('shows an account’s tier, stakeholder, owner, cadence health, reminders and timeline', async () => {
    const { org, member, cookie } = await teamWithManager();
    const acc = await addAccount(org, {
      name: 'Globex',
      tier: 'strategic',
      stakeholder: 'partner',
      ownerId: member.id,
    });
    const custom = await addAccount(org, { name: 'Slow Co', tier: 'tactical', cadenceDays: 60 });
    const quiet = await addAccount(org, { name: 'Quiet Co', tier: 'tactical' });
    await logAs(member.token, [
      interaction({ accountId: acc, occurredAt: daysAgo(20), title: 'Roadmap session' }),
      interaction({ accountId: custom, occurredAt: daysAgo(40), tag: 'tactical' }),
    ]);
    // Only the seeded reminders count here, not the ones the writes above recomputed.
    await env.DB.prepare('DELETE FROM reminders WHERE org_id = ?').bind(org.org.id).run();
    await addReminder(org, { userId: member.id, accountId: acc, dueAt: daysAgo(9), rule: 'keep-in-touch' });
    await addReminder(org, { userId: member.id, accountId: acc, dueAt: daysAgo(1), state: 'done' });

    const res = await browse(`/accounts/${acc}`, cookie);
    expect(res.status).toBe(200);
    expect(res.text).toContain('data-field="tier" data-value="strategic"');
    expect(res.text).toContain('data-field="stakeholder" data-value="partner"');
    expect(res.text).toContain(`data-field="owner" data-value="${member.id}"`);
    expect(res.text).toMatch(
      /data-testid="cadence-health" data-status="overdue" data-days-since="(19|20)" data-cadence-days="14"/,
    );
    expect(res.text.match(/data-testid="reminder"/g)).toHaveLength(1);
    expect(res.text).toContain('data-escalated="true"');
    expect(res.text).toContain('Roadmap session');

    const slow = await browse(`/accounts/${custom}`, cookie);
    expect(slow.text).toMatch(/data-status="on-track" data-days-since="(39|40)" data-cadence-days="60"/);
    expect((await browse(`/accounts/${quiet}`, cookie)).text).toContain('data-status="never"');
  });

  it('shows a person’s weekly balance and open follow-ups', async () => {
    const { org, member, cookie } = await teamWithManager();
    await logAs(member.token, [
      interaction({ tag: 'tactical', occurredAt: daysAgo(2) }),
      interaction({ tag: 'strategic', occurredAt: daysAgo(30) }),
    ]);
    await addReminder(org, { userId: member.id, dueAt: daysAgo(-2), title: 'Send the proposal' });
    const res = await browse(`/people/${member.id}`, cookie);
    expect(res.status).toBe(200);
    expect(res.text).toContain('data-testid="weekly-balance"');
    expect(res.text).toContain('Send the proposal');
    expect(res.text).toContain('aria-current="true" data-preset="90"');
    expect(res.text.match(/data-testid="person-row"/g)).toHaveLength(1);
  });

  it('answers 404 for another org’s account or person, exactly as for a missing one', async () => {
    const { cookie } = await teamWithManager();
    const other = await createOrg();
    const theirs = await addAccount(other, { name: 'Their Account' });
    const them = await addPerson(other, 'member', 'Their Person');
    for (const path of [`/accounts/${theirs}`, `/accounts/${crypto.randomUUID()}`, '/accounts/nope']) {
      const res = await browse(path, cookie);
      expect(res.status, path).toBe(404);
      expect(res.text).not.toContain('Their Account');
    }
    for (const path of [`/people/${them.id}`, `/people/${crypto.randomUUID()}`]) {
      const res = await browse(path, cookie);
      expect(res.status, path).toBe(404);
      expect(res.text).not.toContain('Their Person');
    }
    const filtered = await browse(`/?userId=${them.id}`, cookie);
    expect(filtered.text).not.toContain('Their Person');
  });
});
