import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { uuidv7 } from '../../shared/uuid.ts';
import { call, createOrg, interaction } from './helpers.ts';
import { expectDerivedConsistent } from './support/rollup-invariant.ts';

const count = async (sql: string, ...binds: unknown[]) =>
  (await env.DB.prepare(sql)
    .bind(...binds)
    .first<{ n: number }>())!.n;

describe('sync under concurrency', () => {
  it('applies two concurrent identical pushes from one client once', async () => {
    const { token, org } = await createOrg();
    const clientId = uuidv7();
    const items = Array.from({ length: 20 }, () => interaction());
    const body = {
      clientId,
      mutations: items.map((args, i) => ({ id: i + 1, name: 'interaction.put', args })),
    };
    const answers = await Promise.all([1, 2, 3].map(() => call('POST', '/api/sync/push', { token, body })));
    for (const a of answers) {
      expect([200, 409]).toContain(a.status);
      if (a.status === 200) expect(a.json.lastMutationId).toBe(20);
    }
    expect(answers.some((a) => a.status === 200)).toBe(true);
    expect(await count('SELECT count(*) AS n FROM interactions WHERE org_id = ?', org.id)).toBe(20);
    expect(
      await count(
        "SELECT count(*) AS n FROM audit_log WHERE org_id = ? AND action = 'interaction.put'",
        org.id,
      ),
    ).toBe(20);
    expect(await count('SELECT version AS n FROM orgs WHERE id = ?', org.id)).toBe(20);
    await expectDerivedConsistent(org.id);
  });

  it('keeps the roll-ups exact when two clients of one person edit the same interactions at once', async () => {
    const { token, org } = await createOrg();
    const items = Array.from({ length: 10 }, () => interaction());
    const seed = {
      clientId: uuidv7(),
      mutations: items.map((args, i) => ({ id: i + 1, name: 'interaction.put', args })),
    };
    expect((await call('POST', '/api/sync/push', { token, body: seed })).status).toBe(200);
    const edits = (day: number, tag: 'tactical' | 'strategic') => ({
      clientId: uuidv7(),
      mutations: items.map((it, i) => ({
        id: i + 1,
        name: i % 4 === 3 ? 'interaction.delete' : 'interaction.put',
        args: i % 4 === 3 ? { id: it.id } : { ...it, tag, occurredAt: `2026-11-${10 + day}T10:00:00.000Z` },
      })),
    });
    const answers = await Promise.all([
      call('POST', '/api/sync/push', { token, body: edits(1, 'tactical') }),
      call('POST', '/api/sync/push', { token, body: edits(2, 'strategic') }),
      call('POST', '/api/sync/push', { token, body: edits(3, 'tactical') }),
    ]);
    for (const a of answers) expect([200, 409]).toContain(a.status);
    await expectDerivedConsistent(org.id);
  });
});

describe('GET /api/sync/pull paging', () => {
  it('pages 1,200 rows in version order, each once, then serves tombstones from the last cookie', async () => {
    const { token, org } = await createOrg();
    const clientId = uuidv7();
    const items = Array.from({ length: 1200 }, () => interaction());
    for (let i = 0; i < items.length; i += 100) {
      const mutations = items
        .slice(i, i + 100)
        .map((args, j) => ({ id: i + j + 1, name: 'interaction.put', args }));
      expect((await call('POST', '/api/sync/push', { token, body: { clientId, mutations } })).status).toBe(
        200,
      );
    }
    const pullAll = async (from: number) => {
      const seen: { id: string; version: number; deletedAt: string | null }[] = [];
      let cookie = from;
      for (let pages = 0; ; pages++) {
        const res = await call('GET', `/api/sync/pull?clientId=${clientId}&cookie=${cookie}`, { token });
        expect(res.status).toBe(200);
        const rows = res.json.interactions;
        expect(rows.length).toBeLessThanOrEqual(500);
        for (const r of rows) expect(r.version).toBeGreaterThan(cookie);
        expect(res.json.cookie).toBeGreaterThanOrEqual(cookie);
        seen.push(...rows);
        cookie = res.json.cookie;
        if (!res.json.hasMore) return { seen, cookie, pages: pages + 1, last: res.json.lastMutationId };
      }
    };
    const first = await pullAll(0);
    expect(first.pages).toBe(3);
    expect(first.last).toBe(1200);
    expect(new Set(first.seen.map((r) => r.id)).size).toBe(1200);
    expect(first.seen.map((r) => r.version)).toEqual(
      [...first.seen.map((r) => r.version)].sort((a, b) => a - b),
    );
    const dead = items
      .slice(0, 7)
      .map((it, i) => ({ id: 1201 + i, name: 'interaction.delete', args: { id: it.id } }));
    expect(
      (await call('POST', '/api/sync/push', { token, body: { clientId, mutations: dead } })).status,
    ).toBe(200);
    const next = await pullAll(first.cookie);
    expect(next.seen.map((r) => r.id).sort()).toEqual(
      items
        .slice(0, 7)
        .map((i) => i.id)
        .sort(),
    );
    expect(next.seen.every((r) => r.deletedAt !== null)).toBe(true);
    expect(next.cookie).toBe(await count('SELECT version AS n FROM orgs WHERE id = ?', org.id));
    const empty = await pullAll(next.cookie);
    expect(empty.seen).toEqual([]);
    // Fifteen pushes and pulls of 1,200 rows: well past the 5 s default on a loaded machine.
  }, 30_000);
});
