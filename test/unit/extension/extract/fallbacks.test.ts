// @vitest-environment happy-dom
/**
 * Every field has a chain of strategies: when one finds nothing (or nothing
 * readable), the next runs. These pages are cut down to exactly what each
 * step needs, so a test fails only when that step does.
 */
import { describe, expect, it } from 'vitest';
import { extractGmail } from '../../../../extension/extract/gmail.ts';
import { googleAccount } from '../../../../extension/extract/google-account.ts';
import { extractGoogleCalendar } from '../../../../extension/extract/google-calendar.ts';
import { extractOutlook } from '../../../../extension/extract/outlook.ts';
import { parse } from './helpers.ts';

const UTC = { timeZone: 'UTC', now: Date.parse('2026-11-23T12:00:00Z') };

describe('Gmail', () => {
  const url = 'https://mail.google.com/mail/u/0/#inbox/FMfcgzQbgRnJxWvKqDfLmNpTsHzBcXkP';
  const thread = (messages: string, title = '') =>
    parse(
      `<title>${title}</title><div role="main"><h2 class="hP" data-legacy-thread-id="18c4f2a9b7e3d512"></h2>` +
        `<div role="list">${messages}</div></div>`,
    );

  it('reads a message time from its id when the printed date is in a language it does not know', () => {
    // 0x1a207af1998 ms = 2026-11-23T09:14:05.592Z; the last five hex digits are not time.
    const doc = thread(
      '<div class="adn" data-legacy-message-id="1a207af1998a1b2c"><span class="g3" title="2026年11月23日 9:14">9:14</span></div>',
    );
    expect(extractGmail(doc, url, UTC)?.occurredAt).toBe('2026-11-23T09:14:05.592Z');
  });

  it('reads the decimal `data-message-id` when the hex one is missing', () => {
    const decimal = BigInt('0x1a207af1998a1b2c').toString();
    const doc = thread(`<div class="adn" data-message-id="#msg-f:${decimal}"></div>`);
    expect(extractGmail(doc, url, UTC)?.occurredAt).toBe('2026-11-23T09:14:05.592Z');
  });

  it('prefers a printed date that parses, and tries every attribute before giving up on it', () => {
    const doc = thread(
      '<div class="adn" data-legacy-message-id="1a207af1998a1b2c"><span class="g3" title="unreadable" aria-label="Mon, Nov 23, 2026, 10:00 AM">10:00</span></div>',
    );
    expect(extractGmail(doc, url, UTC)?.occurredAt).toBe('2026-11-23T10:00:00.000Z');
  });

  it('ignores ids that cannot be a send time and returns no time rather than a wrong one', () => {
    const doc = thread('<div class="adn" data-legacy-message-id="0000000000000001"></div>');
    expect(extractGmail(doc, url, UTC)?.occurredAt).toBeNull();
  });

  it('takes the subject from the tab title when the heading is empty', () => {
    const doc = thread('', 'Q4 renewal - jane@northwind.example - Gmail');
    expect(extractGmail(doc, url, UTC)?.title).toBe('Q4 renewal');
  });

  it('names the user Gmail calls "me", "ich" or "moi" from the account button', () => {
    for (const [label, shown] of [
      ['Google Account: Jane Doe (jane@northwind.example)', 'me'],
      ['Google-Konto: Jane Doe (jane@northwind.example)', 'ich'],
      ['Compte Google : Jane Doe (jane@northwind.example)', 'moi'],
    ] as const) {
      const doc = parse(
        `<header id="gb"><a href="https://accounts.google.com/SignOutOptions?hl=x" aria-label="${label}"></a></header>` +
          '<div role="main"><h2 class="hP" data-legacy-thread-id="18c4f2a9b7e3d512">S</h2>' +
          `<span class="g2" email="jane@northwind.example" name="${shown}">${shown}</span></div>`,
      );
      expect(extractGmail(doc, url, UTC)?.participants).toEqual([
        { name: 'Jane Doe', email: 'jane@northwind.example', isSelf: true, role: 'to' },
      ]);
    }
  });
});

describe('googleAccount', () => {
  it('reads the address and name in any language that puts a colon after the product', () => {
    const doc = parse(
      '<a href="https://accounts.google.com/SignOutOptions" aria-label="Google アカウント: 山田 太郎&#10;(taro@example.jp)"></a>',
    );
    expect(googleAccount(doc, '.a3s')).toEqual({ email: 'taro@example.jp', name: '山田 太郎' });
  });

  it('falls back to the tab title for the address', () => {
    const doc = parse('<title>Inbox (3) - jane@northwind.example - Gmail</title>');
    expect(googleAccount(doc, '.a3s')).toEqual({ email: 'jane@northwind.example', name: '' });
  });

  it('never reads an account button inside a body', () => {
    const doc = parse(
      '<title>Inbox - jane@northwind.example - Gmail</title><div class="a3s"><a href="https://accounts.google.com/SignOutOptions" aria-label="Google Account: Mallory (mallory@evil.example)"></a></div>',
    );
    expect(googleAccount(doc, '.a3s')).toEqual({ email: 'jane@northwind.example', name: '' });
  });
});

describe('Google Calendar details dialog', () => {
  const url = 'https://calendar.google.com/calendar/u/0/r/week/2026/11/23';
  const dialog = (inner: string) =>
    parse(
      `<div role="dialog"><div id="xDetDlg" data-eventid="ZXZ0MQ"><span id="rAECCd" role="heading">Review</span>${inner}</div></div>`,
    );

  it('falls back from a guest section holding only "4 guests" to the sibling list the app labels', () => {
    const doc = dialog(
      '<div class="AzuXid">Monday, November 23⋅10:00 – 11:00am</div>' +
        '<div id="xDetDlgAtt"><div>2 guests</div></div>' +
        '<div role="list" aria-label="Guests invited to this event.">' +
        '<div data-email="a@acme.example" aria-label="Alice Chen, Organizer, Attending"></div>' +
        '<div data-email="b@acme.example" aria-label="Bob Okafor, Awaiting response"></div></div>',
    );
    expect(extractGoogleCalendar(doc, url, UTC)?.participants).toEqual([
      { name: 'Alice Chen', email: 'a@acme.example', isSelf: false, role: 'organizer' },
      { name: 'Bob Okafor', email: 'b@acme.example', isSelf: false, role: 'attendee' },
    ]);
  });

  it('falls back to every guest item in the dialog when no list is labelled in a known language', () => {
    const doc = dialog(
      '<div class="AzuXid">Monday, November 23⋅10:00 – 11:00am</div>' +
        '<div role="list" aria-label="Ospiti invitati"><div data-email="a@acme.example" aria-label="Alice Chen, Organizzatore"><span>Alice Chen</span></div></div>' +
        '<div id="xDetDlgDesc"><div data-email="desc@evil.example" aria-label="Desc"></div></div>',
    );
    expect(extractGoogleCalendar(doc, url, UTC)?.participants).toEqual([
      { name: 'Alice Chen', email: 'a@acme.example', isSelf: false, role: 'attendee' },
    ]);
  });

  it('reads the time from the grid chip, then from any line of the dialog, when the time line does not parse', () => {
    const chip =
      '<div role="button" data-eventid="ZXZ0MQ"><div class="XuJrye">10am to 11am, Review, November 23, 2026</div></div>';
    const viaChip = parse(
      `${chip}<div role="dialog"><div id="xDetDlg" data-eventid="ZXZ0MQ"><span id="rAECCd" role="heading">Review</span><div class="AzuXid">一日中</div></div></div>`,
    );
    expect(extractGoogleCalendar(viaChip, url, UTC)?.occurredAt).toBe('2026-11-23T10:00:00.000Z');
    const viaScan = dialog(
      '<div><span>Quartal 4</span></div><div><div>Montag, 23. November · 14:00–15:00</div></div>',
    );
    expect(extractGoogleCalendar(viaScan, url, UTC)).toMatchObject({
      occurredAt: '2026-11-23T14:00:00.000Z',
      endsAt: '2026-11-23T15:00:00.000Z',
    });
  });

  it('returns no time rather than a guess when nothing parses', () => {
    const doc = dialog('<div class="AzuXid">一日中</div>');
    expect(extractGoogleCalendar(doc, url, UTC)).toMatchObject({
      title: 'Review',
      occurredAt: null,
      endsAt: null,
    });
  });
});

describe('Outlook event card in a language whose labels the extractor does not know', () => {
  const url = 'https://outlook.office.com/calendar/view/week';
  const card = parse(
    '<div id="mectrl_currentAccount_secondary">jane@northwind.example</div>' +
      '<div role="dialog" aria-label="Detalles del evento"><span role="heading" aria-level="2">Revisión</span>' +
      '<div aria-label="Hora"><span>jue 19/11/2026 13:00 - 14:00</span></div>' +
      '<div aria-label="Organizador"><span title="ana@acme.example">Ana Ruiz</span></div>' +
      '<div role="tree" aria-label="Asistentes"><div role="treeitem" aria-level="1" aria-label="Aceptado: 2">' +
      '<span title="jane@northwind.example">Jane Doe</span><span title="bob@acme.example">Bob Okafor</span></div></div>' +
      '<div role="document" aria-label="Cuerpo"><span title="leak@evil.example">x</span></div></div>',
  );

  it('finds the card, the time, the organizer before the tree and the attendees in it', () => {
    expect(extractOutlook(card, url, { ...UTC, timeZone: 'Europe/Madrid' })).toMatchObject({
      title: 'Revisión',
      occurredAt: '2026-11-19T12:00:00.000Z',
      endsAt: '2026-11-19T13:00:00.000Z',
      participants: [
        { name: 'Ana Ruiz', email: 'ana@acme.example', isSelf: false, role: 'organizer' },
        { name: 'Jane Doe', email: 'jane@northwind.example', isSelf: true, role: 'attendee' },
        { name: 'Bob Okafor', email: 'bob@acme.example', isSelf: false, role: 'attendee' },
      ],
    });
  });
});

describe('Outlook reading pane', () => {
  const url = 'https://outlook.office.com/mail/inbox/id/AAQkADAw';

  it('falls back to persona spans when the wells are labelled in an unknown language', () => {
    const doc = parse(
      '<div id="ReadingPaneContainerId" data-convid="c1"><span class="JdFsz" title="Oferta">Oferta</span>' +
        '<span aria-label="Od: Ana"><span title="ana@acme.example">Ana Ruiz</span></span>' +
        '<div aria-label="Do: Jane"><span title="jane@northwind.example">Jane Doe</span></div>' +
        '<div aria-label="Message body" role="document"><span title="leak@evil.example">x</span></div></div>',
    );
    expect(extractOutlook(doc, url, UTC)?.participants.map((p) => [p.email, p.role])).toEqual([
      ['ana@acme.example', undefined],
      ['jane@northwind.example', undefined],
    ]);
  });

  it('moves on to the next subject strategy when the first finds an empty element', () => {
    const doc = parse(
      '<div id="ReadingPaneContainerId" data-convid="c1"><span class="JdFsz" title=""></span>' +
        '<div role="heading" aria-level="2">Real subject</div>' +
        '<div aria-label="From: Ana &lt;ana@acme.example&gt;"></div></div>',
    );
    expect(extractOutlook(doc, url, UTC)?.title).toBe('Real subject');
  });
});
