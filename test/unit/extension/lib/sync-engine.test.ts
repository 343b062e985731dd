import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { getSyncState } from '../../../../extension/lib/db.ts';
import { enqueue, pendingMutations } from '../../../../extension/lib/outbox.ts';
import { parseRetryAfter } from '../../../../extension/lib/server.ts';
import { backoffMs, fitBatch, syncOnce } from '../../../../extension/lib/sync-engine.ts';
import { FakeSyncServer, json } from './fake-server.ts';
import { freshDb, interaction, USER_ID } from './support.ts';

describe('backoffMs', () => {
  it('honours Retry-After when the server gives one', () => {
    expect(backoffMs(5, 7000)).toBe(7000);
  });
  it('grows exponentially with full jitter in [cap/2, cap] and is capped at five minutes', () => {
    expect(backoffMs(0, null, () => 0)).toBe(500);
    expect(backoffMs(0, null, () => 1)).toBe(1000);
    expect(backoffMs(3, null, () => 0)).toBe(4000);
    expect(backoffMs(3, null, () => 1)).toBe(8000);
    expect(backoffMs(40, null, () => 1)).toBe(300_000);
    const samples = Array.from({ length: 50 }, () => backoffMs(4, null));
    expect(new Set(samples).size).toBeGreaterThan(1);
    for (const s of samples) expect(s).toBeGreaterThanOrEqual(8000);
  });
});

describe('parseRetryAfter', () => {
  it('reads delta-seconds and HTTP dates', () => {
    expect(parseRetryAfter('120')).toBe(120_000);
    const now = Date.parse('2026-03-02T10:00:00Z');
    expect(parseRetryAfter('Mon, 02 Mar 2026 10:00:30 GMT', now)).toBe(30_000);
    expect(parseRetryAfter(null)).toBeNull();
    expect(parseRetryAfter('soon')).toBeNull();
  });
});

describe('fitBatch', () => {
  it('keeps a push under the byte cap, but always sends at least one mutation', () => {
    const big = (id: number) =>
      ({ id, name: 'interaction.put', args: interaction('x'.repeat(200)) }) as never;
    const batch = [big(1), big(2), big(3)];
    expect(fitBatch(batch, 1_000)).toHaveLength(1);
    expect(fitBatch(batch, 10_000)).toHaveLength(3);
    expect(fitBatch([big(1)], 10)).toHaveLength(1);
  });
});

describe('syncOnce', () => {
  let server: FakeSyncServer;
  beforeEach(() => {
    server = new FakeSyncServer();
    vi.stubGlobal('fetch', server.fetch);
  });
  afterEach(() => vi.unstubAllGlobals());

  const keys = () => server.applied.map((a) => a.key);

  it('delivers every write exactly once through 500s, drops after apply, and timeouts', async () => {
    const db = await freshDb();
    const writes = ['a', 'b', 'c'].map((t) => interaction(t));
    for (const w of writes) await enqueue(db, 'interaction.put', w, USER_ID);
    const failures: (Response | 'apply-then-drop' | 'throw')[] = [
      json(500, { type: 'x', title: 'boom', status: 500 }),
      'apply-then-drop',
      'throw',
      json(503, { type: 'x', title: 'busy', status: 503 }, { 'retry-after': '7' }),
    ];
    server.intercept = (path) => {
      if (path !== '/api/sync/push') return null;
      const next = failures.shift();
      if (next === 'throw') throw new TypeError('Failed to fetch');
      return next ?? null;
    };
    const outcomes = [];
    for (let i = 0; i < 6; i++) outcomes.push(await syncOnce(db, 1_000_000));
    expect(outcomes.at(-1)).toEqual({ ok: true, retryAt: null });
    // The 503's Retry-After was honoured for its retry.
    expect(outcomes[3]).toEqual({ ok: false, retryAt: 1_000_000 + 7_000 });
    expect(keys()).toEqual(writes.map((w) => w.id));
    expect(await pendingMutations(db)).toEqual([]);
    const local = await db.get('interactions', writes[0]!.id);
    expect(local?.pending).toBeUndefined();
    expect((await getSyncState(db)).error).toBeNull();
  });

  it('backs off exponentially while the server is unreachable, and records why in plain words', async () => {
    const db = await freshDb();
    await enqueue(db, 'interaction.put', interaction('a'), USER_ID);
    server.intercept = () => {
      throw new TypeError('Failed to fetch');
    };
    const first = await syncOnce(db, 0);
    const second = await syncOnce(db, 0);
    const third = await syncOnce(db, 0);
    expect(first.retryAt).toBeGreaterThanOrEqual(500);
    expect(third.retryAt!).toBeGreaterThan(second.retryAt! / 2);
    expect(third.retryAt).toBeGreaterThanOrEqual(2_000);
    const state = await getSyncState(db);
    expect(state.error).toMatch(/Cannot reach the server/);
    expect(state.attempt).toBe(3);
  });

  it('stops on 401 and waits for the user to connect again, keeping the outbox', async () => {
    const db = await freshDb();
    await enqueue(db, 'interaction.put', interaction('a'), USER_ID);
    server.intercept = () => json(401, { type: 'unauthorized', title: 'Unauthorized', status: 401 });
    expect(await syncOnce(db)).toEqual({ ok: false, retryAt: null });
    const before = server.requests;
    expect(await syncOnce(db)).toEqual({ ok: false, retryAt: null });
    expect(server.requests).toBe(before);
    expect((await getSyncState(db)).signedOut).toBe(true);
    expect(await pendingMutations(db)).toHaveLength(1);
  });

  it('recovers from a gap by continuing as a new client, still delivering each write once', async () => {
    const db = await freshDb();
    const a = interaction('a');
    const b = interaction('b');
    await enqueue(db, 'interaction.put', a, USER_ID);
    await syncOnce(db);
    await enqueue(db, 'interaction.put', b, USER_ID);
    server.clients.clear(); // the server forgot this client (a restored database)
    await db.put('meta', 5, 'nextMutationId');
    await db.delete('outbox', 2);
    await enqueue(db, 'interaction.put', b, USER_ID); // id 5: a gap for the server
    expect((await syncOnce(db)).ok).toBe(true);
    expect(keys()).toEqual([a.id, b.id]);
    expect(await pendingMutations(db)).toEqual([]);
  });

  it('reports refused mutations in plain words and drops their local effect', async () => {
    const db = await freshDb();
    const bad = interaction('Bad one');
    const good = interaction('Good one');
    server.reject.add(bad.id);
    await enqueue(db, 'interaction.put', bad, USER_ID);
    await enqueue(db, 'interaction.put', good, USER_ID);
    expect((await syncOnce(db)).ok).toBe(true);
    const state = await getSyncState(db);
    expect(state.rejected.map((r) => r.title)).toEqual([
      'The log “Bad one” was not saved: No account X in this organisation.',
    ]);
    expect(await db.get('interactions', bad.id)).toBeUndefined();
    expect(await db.get('interactions', good.id)).toBeDefined();
    expect(await pendingMutations(db)).toEqual([]);
  });

  it('pulls page after page, asking for the next before writing the current, and resumes after a failure', async () => {
    const db = await freshDb();
    const rows = ['a', 'b', 'c', 'd', 'e'].map((t) => interaction(t));
    for (const [i, r] of rows.entries())
      server.interactions.set(r.id, {
        ...r,
        version: i + 1,
        userId: USER_ID,
        createdAt: 'x',
        updatedAt: 'x',
        deletedAt: null,
      });
    server.version = rows.length;
    server.pageSize = 2;
    // How many rows the replica held when each page was asked for.
    const asked: Promise<number>[] = [];
    let failThird = true;
    server.intercept = (path, attempt) => {
      if (path !== '/api/sync/pull') return null;
      // Started now, a read sees the replica as it is before any write begun after this request.
      asked.push(db.count('interactions'));
      if (failThird && attempt === 3) {
        failThird = false;
        return json(503, { type: 'x', title: 'busy', status: 503 });
      }
      return null;
    };
    const first = await syncOnce(db, 0);
    expect(first.ok).toBe(false);
    // Pages one and two were written; the third failed, so the cookie stays at page two's.
    expect(await db.count('interactions')).toBe(4);
    expect(await db.get('meta', 'cookie')).toBe(4);
    expect((await syncOnce(db, 0)).ok).toBe(true);
    expect(await db.count('interactions')).toBe(5);
    expect(await db.get('meta', 'cookie')).toBe(5);
    // Page two was asked for before page one was written.
    expect((await Promise.all(asked)).slice(0, 2)).toEqual([0, 0]);
  });

  it('does nothing when not signed in', async () => {
    const db = await freshDb(false);
    expect(await syncOnce(db)).toEqual({ ok: false, retryAt: null });
    expect(server.requests).toBe(0);
  });
});
