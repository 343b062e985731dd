import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { MAX_TEAM_TERMS } from '../../shared/classify/limits.ts';
import type { InteractionInput, PullResponse } from '../../shared/schemas/index.ts';
import { uuidv7 } from '../../shared/uuid.ts';
import { account, call, createOrg, createTeam, interaction } from './helpers.ts';

// The org's learned tag-suggestion weights (worker/sync/learning.ts): derived on the server
// from each team-visible interaction whose saved tag overrides the suggestion, written in the
// same batch, and delivered to every replica of the org by pull.

/** "SteerCo" is no word of the vocabulary: saved as strategic, it overrides a tactical suggestion. */
const override = (over: Partial<InteractionInput> = {}) =>
  interaction({ title: 'SteerCo prep', notes: 'Decisions we need from their side', kind: 'note', ...over });

async function push(token: string, clientId: string, args: InteractionInput[], first = 1) {
  const mutations = args.map((a, i) => ({ id: first + i, name: 'interaction.put', args: a }));
  const res = await call('POST', '/api/sync/push', { token, body: { clientId, mutations } });
  expect(res.status, res.text).toBe(200);
  expect(res.json.rejected).toEqual([]);
}

async function pull(token: string, cookie = 0): Promise<PullResponse> {
  const res = await call('GET', `/api/sync/pull?clientId=${uuidv7()}&cookie=${cookie}`, { token });
  expect(res.status).toBe(200);
  return res.json;
}

const weightOf = (page: PullResponse, term: string) =>
  page.teamWeights?.terms.find((t) => t[0] === term)?.[1];

describe('team weights', () => {
  it('learn from an override in the push that saves it, and reach every teammate through pull', async () => {
    const { org, admin, member } = await createTeam();
    expect((await pull(member.token)).teamWeights).toBeNull();
    await push(admin.token, uuidv7(), [override()]);
    const page = await pull(member.token);
    expect(page.teamWeights).toMatchObject({ corrections: 1, deletedAt: null });
    expect(weightOf(page, 'steerco')).toBeGreaterThan(0);
    expect(weightOf(page, 'steerco prep')).toBeGreaterThan(0);
    // At the push's version, within the cookie: a pull from there does not send it again.
    expect(page.teamWeights!.version).toBeLessThanOrEqual(page.cookie);
    expect((await pull(member.token, page.cookie)).teamWeights).toBeNull();
    const row = await env.DB.prepare('SELECT corrections FROM team_weights WHERE org_id = ?')
      .bind(org.id)
      .first<number>('corrections');
    expect(row).toBe(1);
  });

  it('learn nothing when the save agrees with the suggestion, or from an edit that keeps the tag', async () => {
    const { token } = await createOrg();
    const clientId = uuidv7();
    await push(token, clientId, [interaction({ title: 'Acme QBR', kind: 'meeting', tag: 'strategic' })]);
    expect((await pull(token)).teamWeights).toBeNull();
    const first = override();
    await push(token, clientId, [first], 2);
    const cookie = (await pull(token)).cookie;
    // Editing the notes with the same tag is no new lesson; changing the tag is.
    await push(token, clientId, [{ ...first, notes: 'Decisions and risks' }], 3);
    expect((await pull(token, cookie)).teamWeights).toBeNull();
    await push(token, clientId, [{ ...first, tag: 'tactical' }], 4);
    const after = await pull(token, cookie);
    expect(after.teamWeights?.corrections).toBe(2);
    expect(weightOf(after, 'steerco') ?? 0).toBeLessThan(weightOf(await pull(token), 'steerco') ?? 1);
  });

  it('never learn from private interactions, so their words never reach a teammate', async () => {
    const { admin, member } = await createTeam();
    await push(admin.token, uuidv7(), [
      override({ visibility: 'private', title: 'Zebracorn steerco', notes: 'Quixotic plan' }),
    ]);
    const page = await pull(member.token);
    expect(page.teamWeights).toBeNull();
    expect(JSON.stringify(page)).not.toMatch(/zebracorn|quixotic/i);
    // A team-visible override of the same person is learned; the private words still are not.
    await push(admin.token, uuidv7(), [override()]);
    const later = await pull(member.token);
    expect(later.teamWeights?.corrections).toBe(1);
    expect(JSON.stringify(later)).not.toMatch(/zebracorn|quixotic/i);
  });

  it('learn from the REST route too, with the account tier the panel sees', async () => {
    const { token } = await createOrg();
    const acct = account({ tier: 'tactical' });
    expect((await call('POST', '/api/accounts', { token, body: acct })).status).toBe(201);
    // "Lunch" leans strategic, a tactical account leans tactical: balanced, so tactical is suggested.
    const res = await call('POST', '/api/interactions', {
      token,
      body: interaction({ title: 'Lunch', notes: '', kind: 'other', accountId: acct.id, tag: 'strategic' }),
    });
    expect(res.status).toBe(201);
    const page = await pull(token);
    expect(page.teamWeights?.corrections).toBe(1);
    expect(weightOf(page, 'lunch')).toBeGreaterThan(0);
  });

  it('stay within the org: another org pulls none of them', async () => {
    const a = await createOrg();
    const b = await createOrg();
    await push(a.token, uuidv7(), [override()]);
    expect((await pull(a.token)).teamWeights?.corrections).toBe(1);
    expect((await pull(b.token)).teamWeights).toBeNull();
  });

  it('learn each override exactly once when people push at the same time', async () => {
    const { admin, manager, member } = await createTeam();
    const lessons = [
      { token: admin.token, args: override() },
      {
        token: admin.token,
        args: override({
          title: 'Hypercare call',
          notes: 'All on track',
          tag: 'tactical',
          kind: 'meeting',
        }),
      },
      { token: manager.token, args: override({ title: 'MBR with Contoso', notes: 'Savings tracker' }) },
      { token: member.token, args: override({ title: 'JBP draft', notes: 'Volumes by quarter' }) },
    ].map((l) => ({ ...l, clientId: uuidv7(), done: false }));
    // Like the sync engine: a push answered 409 (its reads kept going stale) is sent again.
    for (let round = 0; round < 5 && lessons.some((l) => !l.done); round++) {
      await Promise.all(
        lessons
          .filter((l) => !l.done)
          .map(async (l) => {
            const res = await call('POST', '/api/sync/push', {
              token: l.token,
              body: { clientId: l.clientId, mutations: [{ id: 1, name: 'interaction.put', args: l.args }] },
            });
            expect([200, 409]).toContain(res.status);
            l.done = res.status === 200;
          }),
      );
    }
    const page = await pull(member.token);
    expect(page.teamWeights?.corrections).toBe(4);
    for (const term of ['steerco', 'mbr', 'jbp']) expect(weightOf(page, term), term).toBeGreaterThan(0);
    expect(weightOf(page, 'hypercare')).toBeLessThan(0);
  });

  it('stay bounded however much a push teaches', async () => {
    const { token } = await createOrg();
    const words = (k: number) => `Qx${k}a Qy${k}b Qz${k}c`;
    const many = Array.from({ length: 100 }, (_, k) => override({ title: words(k), notes: '' }));
    await push(token, uuidv7(), many);
    const page = await pull(token);
    expect(page.teamWeights?.corrections).toBe(100);
    expect(page.teamWeights?.terms.length).toBe(MAX_TEAM_TERMS);
    // The latest lessons are kept.
    expect(weightOf(page, 'qx99a')).toBeGreaterThan(0);
  });
});
