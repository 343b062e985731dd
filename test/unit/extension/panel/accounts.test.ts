import { describe, expect, it } from 'vitest';
import { pendingMutations } from '../../../../extension/lib/outbox.ts';
import { buildAccount, parseCadence, parseDomains } from '../../../../extension/panel/account-form.ts';
import { fold, suggestAccountName } from '../../../../extension/panel/account-name.ts';
import { createAccountForDomain } from '../../../../extension/panel/directory-writes.ts';
import {
  accountNameFromDomain,
  internalDomainsOf,
  matchLocally,
} from '../../../../extension/panel/local-match.ts';
import type { AccountInput } from '../../../../shared/schemas/index.ts';
import type { Participant } from '../../../../shared/schemas/page-context.ts';
import { freshDb, USER_ID } from '../lib/support.ts';

const p = (name: string, email: string, isSelf = false): Participant => ({ name, email, isSelf });

describe('account names from the page', () => {
  it('keeps the accents, capitals and spaces the page shows for the domain’s name', () => {
    expect(suggestAccountName('lakesidecafe.com', ['Lakeside Café', 'Order #12'])).toBe('Lakeside Café');
    expect(suggestAccountName('lakeside-cafe.com', ['Re: your order at Lakeside Café, Zürich'])).toBe(
      'Lakeside Café',
    );
    expect(suggestAccountName('muller-sohne.de', ['Anna Schmidt', 'Angebot von Müller & Söhne'])).toBe(
      'Müller & Söhne',
    );
    expect(suggestAccountName('globex.example', ['Carol Díaz', 'Q4 renewal'])).toBe('Globex');
    expect(suggestAccountName('acme.co.uk', [])).toBe('Acme');
    expect(accountNameFromDomain('eu.acme-corp.com')).toBe('Acme Corp');
    expect(fold('Zürich Café')).toBe('zurichcafe');
  });
});

describe('colleagues and client companies', () => {
  const page = [
    p('Jane Doe', 'jane@northwind.example', true),
    p('Dan Wright', 'dan@northwind.example'),
    p('Li Wei', 'li@eu.northwind.example'),
    p('Alice Chen', 'alice@acme.example'),
    p('Bob Okafor', 'bob@acme.example'),
    p('Carol Díaz', 'carol@globex.example'),
    p('Pat', 'pat@gmail.com'),
  ];
  it('shows the org’s own people as colleagues, never as a company, and lists each client company', async () => {
    const db = await freshDb();
    // Someone once made the org itself an account: its people are still colleagues.
    await createAccountForDomain(db, 'northwind.example', USER_ID);
    const match = await matchLocally(db, page, ['northwind.example']);
    expect(match.people.filter((x) => x.colleague).map((x) => x.participant.name)).toEqual([
      'Dan Wright',
      'Li Wei',
    ]);
    expect(match.people.every((x) => !x.colleague || x.account === null)).toBe(true);
    expect(match.companies.map((c) => [c.key, c.people.length])).toEqual([
      ['domain:acme.example', 2],
      ['domain:globex.example', 1],
    ]);
    expect(match.account).toBeNull();
  });
  it('puts companies with an account first, and falls back to the user’s own domain without settings', async () => {
    const db = await freshDb();
    const globex = await createAccountForDomain(db, 'globex.example', USER_ID);
    const match = await matchLocally(db, page);
    expect(match.people.find((x) => x.participant.name === 'Dan Wright')?.colleague).toBe(true);
    expect(match.companies.map((c) => c.key)).toEqual([`account:${globex.id}`, 'domain:acme.example']);
    expect(match.account?.id).toBe(globex.id);
    expect(internalDomainsOf(['a.example'], ['me@b.example', 'me@gmail.com', null])).toEqual([
      'a.example',
      'b.example',
    ]);
  });
});

describe('account forms', () => {
  it('creates an account with the fields the short form asks, and no duplicate', async () => {
    const db = await freshDb();
    const made = await createAccountForDomain(db, 'globex.example', USER_ID, {
      name: 'Globex Corporation',
      tier: 'strategic',
      stakeholder: 'supplier',
      cadenceDays: 21,
    });
    expect(await db.get('accounts', made.id)).toMatchObject({
      name: 'Globex Corporation',
      domains: ['globex.example'],
      tier: 'strategic',
      stakeholder: 'supplier',
      cadenceDays: 21,
      ownerId: USER_ID,
    });
    expect((await createAccountForDomain(db, 'globex.example', USER_ID)).created).toBe(false);
    expect((await pendingMutations(db)).map((m) => m.name)).toEqual(['account.put']);
  });
  it('validates an edit by field, in plain words', () => {
    const original: AccountInput = {
      id: '0190a6f0-0000-7000-8000-00000000a000',
      name: 'Acme',
      domains: ['acme.example'],
      stakeholder: 'customer',
      tier: 'tactical',
      cadenceDays: null,
      ownerId: USER_ID,
      startsOn: null,
      endsOn: null,
      notes: 'kept',
    };
    const draft = {
      name: 'Acme Group',
      tier: 'strategic' as const,
      stakeholder: 'partner' as const,
      cadence: '10',
      ownerId: '',
      domains: 'Acme.example, @acme.co.uk acme.example',
      startsOn: '2026-01-01',
      endsOn: '2026-12-31',
    };
    expect(buildAccount(draft, original)).toEqual({
      ...original,
      name: 'Acme Group',
      tier: 'strategic',
      stakeholder: 'partner',
      cadenceDays: 10,
      ownerId: null,
      domains: ['acme.example', 'acme.co.uk'],
      startsOn: '2026-01-01',
      endsOn: '2026-12-31',
    });
    expect(
      buildAccount({ ...draft, name: ' ', cadence: '-1', domains: 'acme', endsOn: '2025-01-01' }, original),
    ).toEqual({
      name: 'Give the account a name.',
      cadence: 'Whole days up to 365 (0 switches reminders off), or empty for the default.',
      domains: '“acme” is not a domain name (like acme.com).',
      endsOn: 'The end is before the start.',
    });
    expect(parseCadence('')).toBeNull();
    expect(parseCadence(' 21 ')).toBe(21);
    expect(parseCadence('0')).toBe(0);
    expect(parseCadence('2.5')).toMatch(/^Whole days/);
    expect(parseDomains('')).toEqual([]);
  });
});
