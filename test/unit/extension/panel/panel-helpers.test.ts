import { describe, expect, it } from 'vitest';
import { pendingMutations } from '../../../../extension/lib/outbox.ts';
import { badgeText, dueReminders, nextDueAt } from '../../../../extension/lib/reminder-due.ts';
import { createAccountForDomain, createContact } from '../../../../extension/panel/directory-writes.ts';
import { followUpAt } from '../../../../extension/panel/follow-up.ts';
import {
  accountNameFromDomain,
  contactNameOf,
  matchLocally,
} from '../../../../extension/panel/local-match.ts';
import { buildInteraction, emptyDraft } from '../../../../extension/panel/log-draft.ts';
import type { PageContext } from '../../../../shared/schemas/page-context.ts';
import { freshDb, USER_ID } from '../lib/support.ts';

const ZONE = 'Europe/Berlin';
// Friday 2026-03-06, 15:00 in Berlin.
const FRIDAY = Date.parse('2026-03-06T14:00:00Z');

describe('followUpAt', () => {
  it('lands every quick pick inside working hours, in the user zone', () => {
    expect(followUpAt('none', FRIDAY, ZONE)).toBeNull();
    expect(followUpAt('tomorrow', FRIDAY, ZONE)).toBe('2026-03-09T08:00:00.000Z'); // Monday 09:00
    expect(followUpAt('3-business-days', FRIDAY, ZONE)).toBe('2026-03-11T14:00:00.000Z'); // Wednesday 15:00
    expect(followUpAt('next-week', FRIDAY, ZONE)).toBe('2026-03-09T08:00:00.000Z');
    expect(followUpAt('2-weeks', FRIDAY, ZONE)).toBe('2026-03-20T14:00:00.000Z');
    expect(followUpAt('date', FRIDAY, ZONE, '2026-04-04')).toBe('2026-04-06T07:00:00.000Z'); // Sat → Mon, CEST
    expect(followUpAt('date', FRIDAY, ZONE, '')).toBeNull();
  });
});

const context: PageContext = {
  site: 'gmail',
  kind: 'email-thread',
  ref: 'thread-1',
  title: 'QBR prep <script>alert(1)</script>',
  participants: [
    { name: 'Me', email: 'me@rapport.dev', isSelf: true },
    { name: 'Alice Chen', email: 'Alice.Chen@acme.example', isSelf: false },
    { name: 'Bob', email: 'bob@gmail.com', isSelf: false },
  ],
  occurredAt: '2026-03-05T10:00:00.000Z',
  url: 'https://mail.google.com/mail/u/0/#inbox/thread-1',
};

describe('buildInteraction', () => {
  it('records the page as the source, with its time and the matched contacts', () => {
    const draft = {
      ...emptyDraft(context, 'acc'),
      tag: 'strategic' as const,
      followUp: 'tomorrow' as const,
      awaitingReply: true,
      private: true,
    };
    const match = {
      account: null,
      companies: [],
      people: [
        {
          participant: context.participants[1]!,
          contact: { id: 'c1' } as never,
          account: null,
          domain: 'acme.example',
        },
      ],
    };
    const built = buildInteraction(draft, context, match, FRIDAY, ZONE);
    expect(built).toMatchObject({
      accountId: 'acc',
      contactIds: ['c1'],
      kind: 'email',
      tag: 'strategic',
      title: context.title,
      occurredAt: context.occurredAt,
      source: { site: 'gmail', ref: 'thread-1', url: context.url },
      followUpAt: '2026-03-09T08:00:00.000Z',
      awaitingReply: true,
      visibility: 'private',
    });
  });
  it('logs by hand as manual, and explains what is missing', () => {
    const draft = emptyDraft(null, null);
    expect(buildInteraction(draft, null, null, FRIDAY, ZONE)).toBe('Pick tactical or strategic first.');
    expect(buildInteraction({ ...draft, tag: 'tactical' }, null, null, FRIDAY, ZONE)).toBe(
      'Give it a title.',
    );
    const built = buildInteraction(
      { ...draft, tag: 'tactical', title: 'Call with Bob' },
      context,
      null,
      FRIDAY,
      ZONE,
    );
    expect(built).toMatchObject({
      kind: 'call',
      source: { site: 'manual', ref: null, url: null },
      contactIds: [],
    });
  });
});

describe('reminder helpers', () => {
  const r = (id: string, state: string, dueAt: string, snoozedUntil: string | null = null) =>
    ({ id, state, dueAt, snoozedUntil, deletedAt: null }) as never;
  const list = [
    r('a', 'open', '2026-03-01T00:00:00Z'),
    r('b', 'snoozed', '2026-03-01T00:00:00Z', '2026-03-10T00:00:00Z'),
    r('c', 'done', '2026-03-01T00:00:00Z'),
    r('d', 'open', '2026-03-08T00:00:00Z'),
  ];
  it('counts what is due and finds the next due time', () => {
    expect(dueReminders(list, FRIDAY).map((x: { id: string }) => x.id)).toEqual(['a']);
    expect(nextDueAt(list, FRIDAY)).toBe(Date.parse('2026-03-08T00:00:00Z'));
    expect(badgeText(0)).toBe('');
    expect(badgeText(3)).toBe('3');
    expect(badgeText(120)).toBe('99+');
  });
});

describe('local matching and one-click creation', () => {
  it('matches contact email case-insensitively, then account domain, never free mail; creates no duplicates', async () => {
    const db = await freshDb();
    let match = await matchLocally(db, context.participants);
    expect(match.account).toBeNull();
    expect(match.people.map((p) => p.domain)).toEqual(['rapport.dev', 'acme.example', null]);

    const first = await createAccountForDomain(db, 'acme.example', USER_ID);
    const again = await createAccountForDomain(db, 'acme.example', USER_ID);
    expect(first.created).toBe(true);
    expect(again).toEqual({ id: first.id, created: false });
    match = await matchLocally(db, context.participants);
    expect(match.account?.name).toBe('Acme');
    expect(match.people[2]!.account).toBeNull(); // gmail.com never matches by domain

    const alice = context.participants[1]!;
    const c1 = await createContact(db, alice, first.id, USER_ID);
    const c2 = await createContact(db, { ...alice, email: 'alice.chen@ACME.example' }, first.id, USER_ID);
    expect(c2).toEqual({ id: c1.id, created: false });
    match = await matchLocally(db, context.participants);
    expect(match.people[1]!.contact?.id).toBe(c1.id);
    expect((await pendingMutations(db)).map((m) => m.name)).toEqual(['account.put', 'contact.put']);
  });
  it('derives readable names', () => {
    expect(accountNameFromDomain('eu.acme-corp.com')).toBe('Acme Corp');
    expect(contactNameOf({ name: '', email: 'jane.doe@x.com', isSelf: false })).toBe('Jane Doe');
  });
});
