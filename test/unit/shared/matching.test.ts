import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { candidateDomains, isFreeMailDomain, matchAddress, parseAddress } from '../../../shared/matching.ts';

const acme = { id: '01', domains: ['acme.com'] };
const acmeEu = { id: '02', domains: ['eu.acme.com'] };
const globex = { id: '03', domains: ['globex.io', 'globex.com'] };
const jane = { id: 'c1', emails: ['jane@acme.com'], accountId: '03' };
const gmailUser = { id: 'c2', emails: ['bob.smith@gmail.com'], accountId: null };

describe('parseAddress', () => {
  it('lower-cases and accepts the "Name <addr>" form', () => {
    expect(parseAddress('  Jane Doe <Jane@ACME.com> ')).toEqual({
      email: 'jane@acme.com',
      domain: 'acme.com',
    });
    expect(parseAddress('x@Sub.Example.ORG.')).toEqual({
      email: 'x@sub.example.org',
      domain: 'sub.example.org',
    });
  });
  it('rejects what is not an address', () => {
    for (const s of ['', 'acme.com', '@acme.com', 'jane@', 'jane@localhost', 'ja ne@acme.com', 'a@b@'])
      expect(parseAddress(s)).toBeNull();
  });
});

describe('candidateDomains', () => {
  it('lists the domain and its parents down to two labels', () => {
    expect(candidateDomains('a.eu.acme.com')).toEqual(['a.eu.acme.com', 'eu.acme.com', 'acme.com']);
    expect(candidateDomains('acme.com')).toEqual(['acme.com']);
  });
});

describe('isFreeMailDomain', () => {
  it('knows the big providers, case-insensitively, and their subdomains', () => {
    for (const d of ['gmail.com', 'GMAIL.COM', 'outlook.com', 'yahoo.co.uk', 'icloud.com', 'x.gmail.com'])
      expect(isFreeMailDomain(d)).toBe(true);
    for (const d of ['acme.com', 'mygmail.com', 'gmail.com.evil.io']) expect(isFreeMailDomain(d)).toBe(false);
  });
});

describe('matchAddress', () => {
  it('matches a contact email case-insensitively, with the contact’s account', () => {
    const m = matchAddress('JANE@Acme.com', [jane], [acme, globex]);
    expect(m.by).toBe('contact-email');
    expect(m.contact).toBe(jane);
    // The contact's own account wins over the domain's.
    expect(m.account).toBe(globex);
  });

  it('falls back to the account by domain, most specific first', () => {
    expect(matchAddress('joe@acme.com', [jane], [acme, globex])).toEqual({
      by: 'account-domain',
      contact: null,
      account: acme,
    });
    expect(matchAddress('joe@eu.acme.com', [], [acme, acmeEu]).account).toBe(acmeEu);
    expect(matchAddress('joe@fr.acme.com', [], [acme, acmeEu]).account).toBe(acme);
    expect(matchAddress('joe@globex.com', [], [acme, globex]).account).toBe(globex);
  });

  it('never matches a free-mail domain to an account, but does match a contact there', () => {
    const gmailAccount = { id: '09', domains: ['gmail.com'] };
    expect(matchAddress('someone@gmail.com', [], [gmailAccount]).by).toBeNull();
    expect(matchAddress('Bob.Smith@gmail.com', [gmailUser], [gmailAccount]).contact).toBe(gmailUser);
  });

  it('matches nothing for an unknown or invalid address', () => {
    expect(matchAddress('x@unknown.org', [jane], [acme]).by).toBeNull();
    expect(matchAddress('not an address', [jane], [acme]).by).toBeNull();
  });

  it('breaks ties by the lowest id, whatever the input order', () => {
    const a = { id: 'a', domains: ['dup.com'] };
    const b = { id: 'b', domains: ['dup.com'] };
    expect(matchAddress('x@dup.com', [], [b, a]).account).toBe(a);
    expect(matchAddress('x@dup.com', [], [a, b]).account).toBe(a);
  });

  it('is case-insensitive for any address (property)', () => {
    const label = fc.stringMatching(/^[a-z][a-z0-9]{0,8}$/);
    fc.assert(
      fc.property(label, label, fc.boolean(), (local, host, upper) => {
        const email = `${local}@${host}.com`;
        const contact = { id: 'c', emails: [email], accountId: null };
        const input = upper ? email.toUpperCase() : email;
        expect(matchAddress(input, [contact], []).contact).toBe(contact);
      }),
      { numRuns: 100 },
    );
  });
});
