// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { extractPageContext } from '../../../../extension/extract/index.ts';
import { parse } from './helpers.ts';

describe('extractPageContext', () => {
  const thread =
    '<div role="main"><h2 class="hP" data-legacy-thread-id="18c4f2a9b7e3d512">Hello</h2>' +
    '<span class="gD" email="a@acme.example" name="A">A</span></div>';

  it('dispatches on the hostname', () => {
    const doc = parse(thread);
    expect(extractPageContext(doc, 'https://mail.google.com/mail/u/0/#inbox/18c4f2a9b7e3d512')?.site).toBe(
      'gmail',
    );
    expect(extractPageContext(doc, 'https://calendar.google.com/calendar/u/0/r/week')).toBeNull();
  });

  it.each([
    'https://example.com/mail/u/0/#inbox/18c4f2a9b7e3d512',
    'https://mail.google.com.evil.example/mail/u/0/#inbox/18c4f2a9b7e3d512',
    'https://outlook.office.com.evil.example/mail/inbox/id/AAQk',
    'file:///mail/u/0/#inbox/18c4f2a9b7e3d512',
  ])('returns null for %s', (url) => {
    expect(extractPageContext(parse(thread), url)).toBeNull();
  });

  it('accepts a URL object', () => {
    const url = new URL('https://mail.google.com/mail/u/0/#inbox/18c4f2a9b7e3d512');
    expect(extractPageContext(parse(thread), url)?.ref).toBe('18c4f2a9b7e3d512');
  });

  it('finds no Gmail thread on list, settings and paging URLs', () => {
    for (const hash of [
      '#inbox',
      '#inbox/p2',
      '#settings/general',
      '#label/Clients%2FAcme',
      '#search/quarterlyreviewplanning2026',
    ]) {
      expect(extractPageContext(parse(thread), `https://mail.google.com/mail/u/0/${hash}`)).toBeNull();
    }
  });

  it('reads the thread id from data-thread-perm-id when the legacy id is missing', () => {
    const doc = parse(
      thread.replace(
        'data-legacy-thread-id="18c4f2a9b7e3d512"',
        'data-thread-perm-id="thread-f:1784818163094115602"',
      ),
    );
    expect(
      extractPageContext(doc, 'https://mail.google.com/mail/u/0/#inbox/FMfcgzQbgRnJxWvKqDfLmNpTsHzBcXkP')
        ?.ref,
    ).toBe('18c4f2a9b7e3d512');
  });

  it('falls back to the URL token and the tab title', () => {
    const doc = parse(
      '<title>Hello there - jane@northwind.example - Gmail</title><div role="main"><h2 class="hP"></h2>' +
        '<span class="g2" email="jane@northwind.example">me</span></div>',
    );
    const context = extractPageContext(
      doc,
      'https://mail.google.com/mail/u/0/#inbox/FMfcgzQbgRnJxWvKqDfLmNpTsHzBcXkP',
    );
    expect(context).toMatchObject({
      ref: 'FMfcgzQbgRnJxWvKqDfLmNpTsHzBcXkP',
      title: 'Hello there',
      participants: [{ name: '', email: 'jane@northwind.example', isSelf: true, role: 'to' }],
    });
  });
});
