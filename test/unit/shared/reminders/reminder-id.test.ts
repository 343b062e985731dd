import { describe, expect, it } from 'vitest';
import { REMINDER_ID_PREFIX, reminderId } from '../../../../shared/reminders/reminder-id.ts';
import { sha256Hex, utf8Encode } from '../../../../shared/reminders/sha256.ts';

describe('sha256Hex', () => {
  it('matches the FIPS 180-4 test vectors and node:crypto', async () => {
    expect(sha256Hex('')).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
    expect(sha256Hex('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    expect(sha256Hex('abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq')).toBe(
      '248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1',
    );
    const { createHash } = await import('node:crypto');
    for (const text of ['a'.repeat(55), 'b'.repeat(56), 'c'.repeat(64), 'Zürich — 東京 🚀'.repeat(9)]) {
      expect(sha256Hex(text)).toBe(createHash('sha256').update(text, 'utf8').digest('hex'));
    }
  });

  it('encodes UTF-8 like TextEncoder', () => {
    const text = 'a\u00e9\u20ac\u{1f680}\ud800';
    expect([...utf8Encode(text)]).toEqual([...new TextEncoder().encode(text)]);
  });
});

describe('reminderId', () => {
  it('is deterministic, prefixed by rule and fits the schema’s 128 characters', () => {
    const id = reminderId('keep-in-touch', 'acct-1', 'interaction:int-9');
    expect(id).toBe(reminderId('keep-in-touch', 'acct-1', 'interaction:int-9'));
    expect(id).toMatch(/^kit_[0-9a-f]{64}$/);
    for (const rule of Object.keys(REMINDER_ID_PREFIX) as (keyof typeof REMINDER_ID_PREFIX)[]) {
      expect(reminderId(rule, 's', 'p').startsWith(`${REMINDER_ID_PREFIX[rule]}_`)).toBe(true);
      expect(reminderId(rule, 's', 'p').length).toBeLessThanOrEqual(128);
    }
  });

  it('differs by rule, subject and period, and parts cannot run together', () => {
    const ids = new Set([
      reminderId('keep-in-touch', 'a', 'b'),
      reminderId('strategic-review', 'a', 'b'),
      reminderId('keep-in-touch', 'a', 'c'),
      reminderId('keep-in-touch', 'ab', ''),
      reminderId('keep-in-touch', '', 'ab'),
    ]);
    expect(ids.size).toBe(5);
  });
});
