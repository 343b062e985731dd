import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { type AccountInput, SummarySchema } from '../../shared/schemas/index.ts';
import { uuidv7 } from '../../shared/uuid.ts';
import { db } from '../../worker/db/client.ts';
import { computeSummary } from '../../worker/summary/compute.ts';
import { call, createOrg, interaction } from './helpers.ts';
import { addPerson } from './support/people.ts';
import { expectDerivedConsistent } from './support/rollup-invariant.ts';

const DAY = 86_400_000;
const NOW = new Date('2026-12-02T12:00:00.000Z'); // a Wednesday
const ago = (days: number, hour = 10) =>
  new Date(Date.parse('2026-12-02T00:00:00.000Z') - days * DAY + hour * 3_600_000).toISOString();

function account(overrides: Partial<AccountInput> = {}): AccountInput {
  return {
    id: uuidv7(),
    name: 'Acme',
    domains: [],
    stakeholder: 'customer',
    tier: 'strategic',
    cadenceDays: null,
    ownerId: null,
    startsOn: null,
    endsOn: null,
    notes: '',
    ...overrides,
  };
}

async function pushAll(token: string, mutations: { name: string; args: unknown }[]) {
  const clientId = uuidv7();
  for (let i = 0; i < mutations.length; i += 100) {
    const res = await call('POST', '/api/sync/push', {
      token,
      body: { clientId, mutations: mutations.slice(i, i + 100).map((m, j) => ({ id: i + j + 1, ...m })) },
    });
    expect(res.status, res.text).toBe(200);
    expect(res.json.rejected).toEqual([]);
  }
}

describe('GET /api/summary', () => {
  it('answers members 403, managers and admins the §7.1 shape, anonymous callers 401', async () => {
    const { org, token } = await createOrg();
    const member = await addPerson(org.id, 'member', 'Mia Member');
    const manager = await addPerson(org.id, 'manager', 'Max Manager');
    expect((await call('GET', '/api/summary')).status).toBe(401);
    const forbidden = await call('GET', '/api/summary', { token: member.token });
    expect(forbidden.status).toBe(403);
    expect(forbidden.headers.get('content-type')).toContain('application/problem+json');
    for (const t of [manager.token, token]) {
      const res = await call('GET', '/api/summary', { token: t });
      expect(res.status).toBe(200);
      expect(SummarySchema.parse(res.json).people.map((p) => p.name)).toContain('Mia Member');
    }
    const bad = await call('GET', '/api/summary?from=2026-12-01T00:00:00Z&to=2026-11-01T00:00:00Z', {
      token,
    });
    expect(bad.status).toBe(400);
  });

  it('counts from the roll-ups exactly what the interactions hold, after edits, moves and deletes', async () => {
    const { org, token, user } = await createOrg();
    const bea = await addPerson(org.id, 'member', 'Bea');
    const cal = await addPerson(org.id, 'member', 'Cal');
    const strategic = account({ name: 'Strategic Co' });
    await pushAll(token, [{ name: 'account.put', args: strategic }]);

    const beaItems = Array.from({ length: 30 }, (_, i) =>
      interaction({
        accountId: i % 3 === 0 ? strategic.id : null,
        tag: i % 4 === 0 ? 'strategic' : 'tactical',
        occurredAt: ago(i * 2, 8 + (i % 9)),
        visibility: i % 5 === 0 ? 'private' : 'team',
      }),
    );
    const calItems = Array.from({ length: 12 }, (_, i) =>
      interaction({ tag: 'strategic', occurredAt: ago(i * 5, 23), accountId: null }),
    );
    await pushAll(
      bea.token,
      beaItems.map((args) => ({ name: 'interaction.put', args })),
    );
    await pushAll(
      cal.token,
      calItems.map((args) => ({ name: 'interaction.put', args })),
    );
    // Retag, move to another day (with a non-Z offset), delete twice, revive a tombstone.
    const [a, b, c, e] = [beaItems[0]!, beaItems[1]!, beaItems[2]!, beaItems[4]!];
    await pushAll(bea.token, [
      { name: 'interaction.put', args: { ...a, tag: 'tactical' } },
      {
        name: 'interaction.put',
        args: { ...b, occurredAt: '2026-11-30T23:30:00-05:00', accountId: strategic.id },
      },
      { name: 'interaction.delete', args: { id: c.id } },
      { name: 'interaction.delete', args: { id: c.id } },
      { name: 'interaction.delete', args: { id: e.id } },
      { name: 'interaction.put', args: { ...e, tag: 'strategic' } },
    ]);
    await expectDerivedConsistent(org.id);

    const from = ago(27, 0);
    const to = ago(-1, 0);
    const s = await computeSummary(db(env), org.id, user.id, { from, to }, NOW);
    SummarySchema.parse(s);
    const truth = await env.DB.prepare(
      `SELECT user_id, sum(tag = 'tactical') AS tactical, sum(tag = 'strategic') AS strategic
       FROM interactions WHERE org_id = ? AND deleted_at IS NULL AND occurred_at >= ? AND occurred_at < ?
       GROUP BY user_id`,
    )
      .bind(org.id, from, to)
      .all<{ user_id: string; tactical: number; strategic: number }>();
    for (const t of truth.results) {
      const p = s.people.find((x) => x.userId === t.user_id)!;
      expect(p).toMatchObject({
        tactical: t.tactical,
        strategic: t.strategic,
        total: t.tactical + t.strategic,
      });
    }
    expect(s.people.map((p) => p.name)).toEqual(['Ada Admin', 'Bea', 'Cal']);
    expect(s.people[0]).toMatchObject({ total: 0, lastActivityAt: null });
    expect(s.people.find((p) => p.name === 'Cal')!.lastActivityAt).toBe(ago(0, 23));
    // Weeks are Mondays, contiguous, and add up to the people's totals.
    expect(s.weeks[0]!.weekStart).toBe('2026-11-02');
    expect(s.weeks.at(-1)!.weekStart).toBe('2026-11-30');
    for (const w of s.weeks) expect(new Date(`${w.weekStart}T00:00:00Z`).getUTCDay()).toBe(1);
    const sum = (xs: number[]) => xs.reduce((x, y) => x + y, 0);
    expect(sum(s.weeks.map((w) => w.tactical + w.strategic))).toBe(sum(s.people.map((p) => p.total)));

    // One person only.
    const one = await computeSummary(db(env), org.id, user.id, { from, to, userId: cal.id }, NOW);
    expect(one.people.map((p) => p.name)).toEqual(['Cal']);
    expect(sum(one.weeks.map((w) => w.strategic))).toBe(one.people[0]!.strategic);
  });

  it('lists cold strategic accounts, reviews and alliance ends due, and overdue reminders', async () => {
    const { org, token, user } = await createOrg();
    const cold = account({ name: 'Cold Co' });
    const never = account({ name: 'Never Touched' });
    const fresh = account({ name: 'Fresh Co' });
    const reviewSoon = account({ name: 'Review Soon' });
    const ending = account({ name: 'Short Deal', tier: 'tactical', endsOn: '2026-12-20' });
    const endingLater = account({ name: 'Long Deal', tier: 'tactical', endsOn: '2027-03-01' });
    await pushAll(
      token,
      [cold, never, fresh, reviewSoon, ending, endingLater].map((args) => ({ name: 'account.put', args })),
    );
    await env.DB.prepare('UPDATE accounts SET created_at = ? WHERE org_id = ?').bind(ago(400), org.id).run();
    await pushAll(token, [
      { name: 'interaction.put', args: interaction({ accountId: cold.id, occurredAt: ago(120) }) },
      {
        name: 'interaction.put',
        args: interaction({ accountId: cold.id, occurredAt: ago(5), tag: 'tactical' }),
      },
      { name: 'interaction.put', args: interaction({ accountId: fresh.id, occurredAt: ago(3) }) },
      { name: 'interaction.put', args: interaction({ accountId: reviewSoon.id, occurredAt: ago(80) }) },
    ]);
    await expectDerivedConsistent(org.id);
    // Only the seeded reminders below count here, not the ones the writes above recomputed.
    await env.DB.prepare('DELETE FROM reminders WHERE org_id = ?').bind(org.id).run();
    const due = (days: number, state = 'open') =>
      env.DB.prepare(
        `INSERT INTO reminders (id, org_id, user_id, rule, title, due_at, state, version, created_at, updated_at)
         VALUES (?, ?, ?, 'follow-up', 'Follow up', ?, ?, 1, ?, ?)`,
      ).bind(uuidv7(), org.id, user.id, ago(days), state, ago(days), ago(days));
    await env.DB.batch([due(1), due(10), due(30), due(-2), due(20, 'done')]);

    const s = await computeSummary(db(env), org.id, user.id, { from: ago(28), to: NOW.toISOString() }, NOW);
    expect(s.coldAccounts).toEqual([
      { accountId: never.id, name: 'Never Touched', lastStrategicAt: null },
      { accountId: cold.id, name: 'Cold Co', lastStrategicAt: ago(120) },
    ]);
    expect(s.upcoming).toEqual([
      { kind: 'strategic-review', accountId: reviewSoon.id, name: 'Review Soon', dueAt: ago(-10) },
      {
        kind: 'alliance-ending',
        accountId: ending.id,
        name: 'Short Deal',
        dueAt: '2026-12-20T00:00:00.000Z',
      },
    ]);
    expect(s.people[0]).toMatchObject({ overdueReminders: 3, escalatedReminders: 2 });
  });
});
