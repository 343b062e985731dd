import { describe, expect, it } from 'vitest';
import { account, call, createTeam, interaction } from './helpers.ts';
import { plan } from './support/plans.ts';

// Design §15: private interactions count toward cadence and attention without being shown. The
// plan view and the health list a manager reads reflect the contact, and carry none of its words.

describe('health and private interactions', () => {
  it('counts a private interaction in cadence and attention, and shows nothing of it', async () => {
    const team = await createTeam();
    const acc = account({ tier: 'strategic', ownerId: team.member.user.id });
    expect((await call('POST', '/api/accounts', { token: team.admin.token, body: acc })).status).toBe(201);
    expect(
      (await call('PUT', `/api/plans/${acc.id}`, { token: team.admin.token, body: plan() })).status,
    ).toBe(201);
    const twoDaysAgo = new Date(Date.now() - 2 * 86_400_000 - 3_600_000).toISOString();
    const secret = interaction({
      accountId: acc.id,
      visibility: 'private',
      tag: 'strategic',
      title: 'SECRET-TITLE-merger talks',
      notes: 'SECRET-NOTES-price floor',
      occurredAt: twoDaysAgo,
    });
    expect((await call('POST', '/api/interactions', { token: team.member.token, body: secret })).status).toBe(
      201,
    );
    for (const who of [team.manager, team.admin, team.member]) {
      const view = await call('GET', `/api/accounts/${acc.id}/plan`, { token: who.token });
      expect(view.status).toBe(200);
      const parts = view.json.health.parts as { name: string; score: number; reason: string }[];
      expect(parts.find((p) => p.name === 'cadence')).toMatchObject({ score: 100 });
      expect(parts.find((p) => p.name === 'cadence')!.reason).toMatch(/^Last contact 2 days ago/);
      expect(parts.find((p) => p.name === 'attention')!.reason).toMatch(/2 days ago/);
      const list = await call('GET', '/api/health', { token: who.token });
      for (const text of [view.text, list.text]) {
        expect(text).not.toContain('SECRET');
        expect(text).not.toContain(secret.id);
      }
    }
  }, 30_000);
});
