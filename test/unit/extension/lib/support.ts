import 'fake-indexeddb/auto';
import { type Db, openRapportDb } from '../../../../extension/lib/db.ts';
import type { InteractionInput } from '../../../../shared/schemas/index.ts';
import { uuidv7 } from '../../../../shared/uuid.ts';

let n = 0;

/** A fresh, empty replica in fake IndexedDB, optionally signed in. */
export async function freshDb(signedIn = true): Promise<Db> {
  const db = await openRapportDb(`rapport-test-${++n}-${Math.random()}`);
  if (signedIn)
    await db.put(
      'meta',
      {
        serverUrl: 'https://rapport.test/',
        token: 'rap_test',
        user: {
          id: '0190a6f0-0000-7000-8000-000000000001',
          name: 'U',
          email: 'u@acme.test',
          role: 'member',
          timeZone: 'Europe/Berlin',
        },
      },
      'credentials',
    );
  return db;
}

export const USER_ID = '0190a6f0-0000-7000-8000-000000000001';

export function interaction(title: string, patch: Partial<InteractionInput> = {}): InteractionInput {
  return {
    id: uuidv7(),
    accountId: null,
    contactIds: [],
    kind: 'email',
    tag: 'tactical',
    title,
    notes: '',
    occurredAt: '2026-03-02T10:00:00.000Z',
    source: { site: 'manual', ref: null, url: null },
    followUpAt: null,
    awaitingReply: false,
    visibility: 'team',
    ...patch,
  };
}
