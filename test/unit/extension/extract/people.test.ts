import { describe, expect, it } from 'vitest';
import {
  cleanName,
  lastEmailIn,
  normalizeEmail,
  PeopleCollector,
  parseNameEmail,
} from '../../../../extension/extract/people.ts';
import { clean } from '../../../../extension/extract/text.ts';
import { EmailSchema } from '../../../../shared/schemas/common.ts';

describe('normalizeEmail', () => {
  const samples = [
    'alice@acme.example',
    'Alice.Chen+crm@Acme.Example',
    "o'brien@acme.example",
    'a@b.co',
    'x@y',
    'not-an-email',
    '<script>@evil.example',
    'a..b@acme.example',
    '.a@acme.example',
    'a.@acme.example',
    'a@-acme.example',
    'a@acme.c',
    'a b@acme.example',
    'a@acme.example"><svg>',
    `${'a'.repeat(250)}@acme.example`,
    'ünïcode@acme.example',
  ];

  it.each(samples)('agrees with EmailSchema on %j', (raw) => {
    const normalized = normalizeEmail(raw);
    if (normalized === null) expect(EmailSchema.safeParse(raw.toLowerCase()).success).toBe(false);
    else expect(EmailSchema.parse(normalized)).toBe(raw.toLowerCase());
  });

  it('unwraps mailto: and angle brackets and lower-cases', () => {
    expect(normalizeEmail(' mailto:Bob@Acme.Example ')).toBe('bob@acme.example');
    expect(normalizeEmail('<bob@acme.example>')).toBe('bob@acme.example');
  });
});

describe('parseNameEmail', () => {
  it.each([
    ['Alice Chen <alice@acme.example>', { name: 'Alice Chen', email: 'alice@acme.example' }],
    ['"Chen, Alice" <alice@acme.example>', { name: 'Chen, Alice', email: 'alice@acme.example' }],
    ['Alice Chen (alice@acme.example)', { name: 'Alice Chen', email: 'alice@acme.example' }],
    ['alice@acme.example', { name: '', email: 'alice@acme.example' }],
    ['Bob Okafor <bob@acme.example>, Accepted', { name: 'Bob Okafor', email: 'bob@acme.example' }],
    [
      'CEO <ceo@corp.example> <evil@evil.example>',
      { name: 'CEO <ceo@corp.example>', email: 'evil@evil.example' },
    ],
    ['me <jane@northwind.example>', { name: '', email: 'jane@northwind.example' }],
  ])('reads %j', (raw, expected) => {
    expect(parseNameEmail(raw)).toEqual(expected);
  });

  it.each(['', 'Alice Chen', 'Broken <not-an-email>', '<script>@evil.example'])('rejects %j', (raw) => {
    expect(parseNameEmail(raw)).toBeNull();
  });
});

describe('lastEmailIn', () => {
  it('finds the address in an account label', () => {
    expect(lastEmailIn('Google Account: Jane Doe  \n(jane.doe@northwind.example)')).toBe(
      'jane.doe@northwind.example',
    );
    expect(lastEmailIn('Account manager for Jane Doe')).toBeNull();
  });
});

describe('cleanName', () => {
  it('drops placeholders, addresses and wrapping quotes', () => {
    expect(cleanName('me')).toBe('');
    expect(cleanName('bob@acme.example')).toBe('');
    expect(cleanName('  "Alice   Chen" ')).toBe('Alice Chen');
  });
});

describe('clean', () => {
  it('collapses whitespace and drops invisible characters', () => {
    expect(clean('  a\n\t b\u00a0\u202fc  ', 100)).toBe('a b c');
    expect(clean('Bob\u202Efdp.exe\u200B', 100)).toBe('Bobfdp.exe');
    expect(clean('a \u200b b', 100)).toBe('a b');
  });

  it('keeps markup as text and emoji sequences whole', () => {
    expect(clean('<script>alert(1)</script>', 100)).toBe('<script>alert(1)</script>');
    expect(clean('👩‍💻 dev', 100)).toBe('👩‍💻 dev');
  });
});

describe('PeopleCollector', () => {
  it('merges one person seen several times, keeping the first name and the strongest role', () => {
    const people = new PeopleCollector();
    people.add('Bob@Acme.Example', '', 'cc');
    people.add('bob@acme.example', 'Bob Okafor', 'to');
    people.add('bob@acme.example', 'Robert', undefined);
    people.add('alice@acme.example', 'me', 'from');
    people.add('not-an-email', 'Nobody', 'from');
    expect(people.list('ALICE@acme.example')).toEqual([
      { name: 'Bob Okafor', email: 'bob@acme.example', isSelf: false, role: 'to' },
      { name: '', email: 'alice@acme.example', isSelf: true, role: 'from' },
    ]);
  });

  it('names the user the page calls "me" ("ich", "moi") after the account, and no one else', () => {
    const people = new PeopleCollector();
    people.add('jane@northwind.example', 'ich', 'to');
    people.add('bob@acme.example', 'moi', 'from');
    people.add('carol@globex.example', 'Carol', 'cc');
    expect(people.list('jane@northwind.example', 'Jane Doe').map((p) => p.name)).toEqual([
      'Jane Doe',
      '',
      'Carol',
    ]);
    // A real name on the page wins over the account's.
    const named = new PeopleCollector();
    named.add('jane@northwind.example', 'Jane D.', 'to');
    expect(named.list('jane@northwind.example', 'Jane Doe')[0]?.name).toBe('Jane D.');
  });

  it('ranks organizer above attendee', () => {
    const people = new PeopleCollector();
    people.add('dan@northwind.example', 'Dan', 'attendee');
    people.add('dan@northwind.example', 'Dan', 'organizer');
    people.add('dan@northwind.example', 'Dan', 'attendee');
    expect(people.list(null)[0]?.role).toBe('organizer');
  });

  it('stops at 200 people', () => {
    const people = new PeopleCollector();
    for (let i = 0; i < 250; i++) people.add(`p${i}@acme.example`, `P${i}`);
    expect(people.list(null)).toHaveLength(200);
  });
});
