import { describe, expect, it } from 'vitest';
import { getTeamWeights } from '../../../../extension/lib/db.ts';
import { enqueue, pendingMutations, restartClient } from '../../../../extension/lib/outbox.ts';
import { applyPull } from '../../../../extension/lib/sync-engine.ts';
import { classify } from '../../../../shared/classify/classify.ts';
import { lexiconOf } from '../../../../shared/classify/team.ts';
import type { PullResponse } from '../../../../shared/schemas/index.ts';
import { freshDb, interaction, USER_ID } from './support.ts';

describe('outbox', () => {
  it('records the mutation and its local effect together, with ids rising by one', async () => {
    const db = await freshDb();
    const a = interaction('First');
    const b = interaction('Second');
    expect(await enqueue(db, 'interaction.put', a, USER_ID)).toBe(1);
    expect(await enqueue(db, 'interaction.put', b, USER_ID)).toBe(2);
    expect((await pendingMutations(db)).map((m) => m.id)).toEqual([1, 2]);
    const local = await db.get('interactions', a.id);
    expect(local).toMatchObject({ title: 'First', userId: USER_ID, pending: true, version: 0 });
  });

  it('rebases: a pull replaces rows with the server copy, then pending writes are re-applied on top', async () => {
    const db = await freshDb();
    const a = interaction('Acked');
    const b = interaction('Still pending', { notes: 'local edit' });
    await enqueue(db, 'interaction.put', a, USER_ID);
    await enqueue(db, 'interaction.put', b, USER_ID);
    const server = (i: ReturnType<typeof interaction>, version: number, notes = i.notes) => ({
      ...i,
      notes,
      userId: USER_ID,
      version,
      createdAt: '2026-03-02T10:00:00.000Z',
      updatedAt: '2026-03-02T10:00:00.000Z',
      deletedAt: null,
    });
    await applyPull(
      db,
      {
        cookie: 7,
        lastMutationId: 1,
        hasMore: false,
        accounts: [],
        contacts: [],
        interactions: [server(a, 6), server(b, 7, 'older server notes')],
        reminders: [],
        plans: [],
        objectives: [],
        measurements: [],
        reviews: [],
        milestones: [],
        responsibilities: [],
        commitments: [],
        conflicts: [],
      },
      USER_ID,
    );
    expect((await pendingMutations(db)).map((m) => m.id)).toEqual([2]);
    expect(await db.get('interactions', a.id)).toMatchObject({ version: 6 });
    expect((await db.get('interactions', a.id))?.pending).toBeUndefined();
    // The pending edit wins locally until the server acknowledges it.
    expect(await db.get('interactions', b.id)).toMatchObject({ notes: 'local edit', pending: true });
    expect(await db.get('meta', 'cookie')).toBe(7);
  });

  it('keeps the org’s learned tag weights from a pull, and the last ones when a page has none', async () => {
    const db = await freshDb();
    expect(await getTeamWeights(db)).toBeNull();
    const page = (cookie: number, teamWeights: PullResponse['teamWeights']) => ({
      cookie,
      lastMutationId: 0,
      hasMore: false,
      accounts: [],
      contacts: [],
      interactions: [],
      reminders: [],
      plans: [],
      objectives: [],
      measurements: [],
      reviews: [],
      milestones: [],
      responsibilities: [],
      commitments: [],
      conflicts: [],
      teamWeights,
    });
    const weights = {
      corrections: 2,
      terms: [['steerco', 2, 2] as [string, number, number]],
      version: 3,
      createdAt: '2026-03-02T10:00:00.000Z',
      updatedAt: '2026-03-02T10:00:00.000Z',
      deletedAt: null,
    };
    await applyPull(db, page(3, weights), USER_ID);
    await applyPull(db, page(5, null), USER_ID);
    expect(await getTeamWeights(db)).toEqual(weights);
    // The panel's classifier reads them: offline, the team's word decides.
    const lexicon = lexiconOf(await getTeamWeights(db));
    expect(classify({ title: 'Steerco on Monday' }, lexicon).reasons[0]).toBe(
      "Your team tags 'steerco' as strategic",
    );
  });

  it('marks reminders done, dismissed or snoozed locally at once', async () => {
    const db = await freshDb();
    const base = {
      userId: USER_ID,
      accountId: null,
      interactionId: null,
      rule: 'follow-up' as const,
      title: 'Follow up',
      dueAt: '2026-03-01T09:00:00.000Z',
      state: 'open' as const,
      snoozedUntil: null,
      escalated: false,
      version: 1,
      createdAt: 'x',
      updatedAt: 'x',
      deletedAt: null,
    };
    await db.put('reminders', { ...base, id: 'r1' });
    await db.put('reminders', { ...base, id: 'r2' });
    await enqueue(db, 'reminder.done', { id: 'r1' }, USER_ID);
    await enqueue(db, 'reminder.snooze', { id: 'r2', until: '2026-03-05T09:00:00.000Z' }, USER_ID);
    expect(await db.get('reminders', 'r1')).toMatchObject({ state: 'done' });
    expect(await db.get('reminders', 'r2')).toMatchObject({
      state: 'snoozed',
      snoozedUntil: '2026-03-05T09:00:00.000Z',
    });
  });

  it('restarts as a new client with the pending mutations renumbered from 1, in order', async () => {
    const db = await freshDb();
    for (const t of ['a', 'b', 'c']) await enqueue(db, 'interaction.put', interaction(t), USER_ID);
    await db.delete('outbox', 1);
    const before = await db.get('meta', 'clientId');
    await restartClient(db);
    const after = await pendingMutations(db);
    expect(after.map((m) => [m.id, m.name === 'interaction.put' && m.args.title])).toEqual([
      [1, 'b'],
      [2, 'c'],
    ]);
    expect(await db.get('meta', 'clientId')).not.toBe(before);
    expect(await enqueue(db, 'interaction.put', interaction('d'), USER_ID)).toBe(3);
  });
});
