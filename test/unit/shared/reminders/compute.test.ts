import { describe, expect, it } from 'vitest';
import { computeAccountReminders } from '../../../../shared/reminders/compute.ts';
import { account, alice, bob, interaction, NOW, USERS } from '../support/builders.ts';

describe('computeAccountReminders', () => {
  const interactions = [
    interaction({
      userId: bob.id,
      tag: 'strategic',
      occurredAt: '2026-01-05T15:00:00Z',
      followUpAt: '2026-03-20T10:00:00Z',
    }),
    interaction({ userId: alice.id, occurredAt: '2026-03-02T15:00:00Z', awaitingReply: true }),
    interaction({ userId: alice.id, occurredAt: '2026-03-03T15:00:00Z', deletedAt: '2026-03-04T00:00:00Z' }),
    interaction({ userId: alice.id, accountId: 'acct-other', occurredAt: '2026-03-05T15:00:00Z' }),
  ];

  it('returns every applicable rule once, sorted by id', () => {
    const drafts = computeAccountReminders({ account: account(), interactions, users: USERS, now: NOW });
    expect(drafts.map((d) => d.rule).sort()).toEqual([
      'awaiting-reply',
      'follow-up',
      'keep-in-touch',
      'strategic-review',
    ]);
    expect(drafts.map((d) => d.id)).toEqual(drafts.map((d) => d.id).sort());
    expect(drafts.find((d) => d.rule === 'follow-up')?.userId).toBe(bob.id);
    expect(drafts.find((d) => d.rule === 'keep-in-touch')?.interactionId).toBe(interactions[1]!.id);
  });

  it('keeps only the interaction-level reminders users asked for once the account is deleted', () => {
    const drafts = computeAccountReminders({
      account: account({ deletedAt: NOW }),
      interactions,
      users: USERS,
      now: NOW,
    });
    expect(drafts.map((d) => d.rule).sort()).toEqual(['awaiting-reply', 'follow-up']);
  });

  it('does not depend on now for account rules, so a recompute at any time agrees', () => {
    const a = computeAccountReminders({ account: account(), interactions, users: USERS, now: NOW });
    const b = computeAccountReminders({
      account: account(),
      interactions,
      users: USERS,
      now: '2027-01-01T00:00:00Z',
    });
    expect(b).toEqual(a);
  });

  it('accepts Date and epoch-ms instants as well as ISO strings', () => {
    const asDates = interactions.map((i) => ({
      ...i,
      occurredAt: new Date(i.occurredAt as string),
      followUpAt: i.followUpAt === null ? null : Date.parse(i.followUpAt as string),
    }));
    expect(
      computeAccountReminders({ account: account(), interactions: asDates, users: USERS, now: NOW }),
    ).toEqual(computeAccountReminders({ account: account(), interactions, users: USERS, now: NOW }));
  });
});
