import { describe, expect, it } from 'vitest';
import { enqueue, pendingMutations } from '../../../../extension/lib/outbox.ts';
import {
  deleteInteraction,
  loggedFrom,
  restoreInteraction,
  updateInteraction,
} from '../../../../extension/panel/interaction-writes.ts';
import { buildEdit, draftOf, fromLocalInput, toLocalInput } from '../../../../extension/panel/log-draft.ts';
import { freshDb, interaction, USER_ID } from '../lib/support.ts';

const ZONE = 'Europe/Berlin';
const NOW = Date.parse('2026-03-06T14:00:00Z');

describe('times typed in the user zone', () => {
  it('reads and writes datetime-local values on the wall clock of the zone, not the browser', () => {
    expect(toLocalInput('2026-03-06T14:05:00Z', ZONE)).toBe('2026-03-06T15:05');
    expect(toLocalInput('2026-07-06T14:05:00Z', ZONE)).toBe('2026-07-06T16:05');
    expect(toLocalInput('2026-03-06T14:05:00Z', 'America/New_York')).toBe('2026-03-06T09:05');
    expect(fromLocalInput('2026-03-06T15:05', ZONE)).toBe('2026-03-06T14:05:00.000Z');
    expect(fromLocalInput('2026-03-29T02:30', ZONE)).toBe('2026-03-29T01:30:00.000Z'); // skipped hour → forward
    expect(fromLocalInput('tomorrow', ZONE)).toBeNull();
    expect(fromLocalInput('', ZONE)).toBeNull();
  });
});

describe('editing a logged interaction', () => {
  const logged = interaction('QBR prep', {
    tag: 'tactical',
    notes: 'first notes',
    accountId: '0190a6f0-0000-7000-8000-00000000a000',
    contactIds: ['0190a6f0-0000-7000-8000-00000000c000'],
    occurredAt: '2026-03-02T10:00:00.000Z',
    source: { site: 'gmail', ref: 'thread-1', url: 'https://mail.google.com/mail/u/0/#inbox/thread-1' },
    followUpAt: '2026-03-09T08:00:00.000Z',
  });

  it('keeps id, source and contacts, replaces what the editor shows, and keeps the follow-up unless changed', () => {
    const draft = draftOf(logged, ZONE);
    expect(draft).toMatchObject({ followUp: 'keep', when: '2026-03-02T11:00', manual: false });
    const edited = buildEdit({ ...draft, tag: 'strategic', notes: 'better notes' }, logged, NOW, ZONE);
    expect(edited).toEqual({ ...logged, tag: 'strategic', notes: 'better notes' });

    const moved = buildEdit(
      { ...draft, when: '2026-03-03T09:30', followUp: 'none', private: true, awaitingReply: true },
      logged,
      NOW,
      ZONE,
    );
    expect(moved).toMatchObject({
      occurredAt: '2026-03-03T08:30:00.000Z',
      followUpAt: null,
      visibility: 'private',
      awaitingReply: true,
      source: logged.source,
    });
    expect(buildEdit({ ...draft, followUp: 'tomorrow' }, logged, NOW, ZONE)).toMatchObject({
      followUpAt: '2026-03-09T08:00:00.000Z',
    });
  });
  it('explains in plain words what cannot be saved', () => {
    const draft = draftOf(logged, ZONE);
    expect(buildEdit({ ...draft, title: '  ' }, logged, NOW, ZONE)).toBe('Give it a title.');
    expect(buildEdit({ ...draft, when: 'garbage' }, logged, NOW, ZONE)).toBe('That time is not valid.');
    expect(buildEdit({ ...draft, followUp: 'date', followUpDate: '' }, logged, NOW, ZONE)).toBe(
      'Pick a follow-up date.',
    );
  });
});

describe('corrections through the outbox', () => {
  it('edits, deletes and undoes, each a mutation in order, and the replica follows at once', async () => {
    const db = await freshDb();
    const i = interaction('Renewal call', { source: { site: 'gmail', ref: 'thread-9', url: null } });
    await enqueue(db, 'interaction.put', i, USER_ID);
    expect((await loggedFrom(db, USER_ID, 'gmail', 'thread-9')).map((x) => x.id)).toEqual([i.id]);
    expect(await loggedFrom(db, 'someone-else', 'gmail', 'thread-9')).toEqual([]);
    expect(await loggedFrom(db, USER_ID, 'gmail', 'thread-other')).toEqual([]);

    await updateInteraction(db, { ...i, tag: 'strategic', notes: 'edited' }, USER_ID);
    const stored = (await db.get('interactions', i.id))!;
    expect(stored).toMatchObject({ tag: 'strategic', notes: 'edited', pending: true });

    const before = await deleteInteraction(db, stored, USER_ID);
    expect((await db.get('interactions', i.id))!.deletedAt).not.toBeNull();
    expect(await loggedFrom(db, USER_ID, 'gmail', 'thread-9')).toEqual([]);

    await restoreInteraction(db, before, USER_ID);
    expect(await db.get('interactions', i.id)).toMatchObject({
      deletedAt: null,
      notes: 'edited',
      tag: 'strategic',
    });
    expect((await loggedFrom(db, USER_ID, 'gmail', 'thread-9')).map((x) => x.id)).toEqual([i.id]);

    const outbox = await pendingMutations(db);
    expect(outbox.map((m) => m.name)).toEqual([
      'interaction.put',
      'interaction.put',
      'interaction.delete',
      'interaction.put',
    ]);
    expect(outbox[3]!.args).toEqual({ ...i, tag: 'strategic', notes: 'edited' });
  });
  it('lists several logs of one thread newest first, manual logs never', async () => {
    const db = await freshDb();
    const src = { site: 'gmail' as const, ref: 't', url: null };
    const a = interaction('first', { source: src, occurredAt: '2026-03-01T10:00:00.000Z' });
    const b = interaction('second', { source: src, occurredAt: '2026-03-04T10:00:00.000Z' });
    const manual = interaction('call');
    for (const x of [a, b, manual]) await enqueue(db, 'interaction.put', x, USER_ID);
    expect((await loggedFrom(db, USER_ID, 'gmail', 't')).map((x) => x.title)).toEqual(['second', 'first']);
  });
});
