import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { db } from '../../worker/db/client.ts';
import { computeSummary } from '../../worker/summary/compute.ts';
import { interaction } from './helpers.ts';
import {
  addAccount,
  addPerson,
  addReminder,
  browse,
  chartBars,
  logAs,
  personRows,
  teamWithManager,
  withoutOwnScript,
} from './page-helpers.ts';

const DAY = 86_400_000;
const daysAgo = (n: number, hour = 10) => {
  const d = new Date(Date.now() - n * DAY);
  d.setUTCHours(hour, 0, 0, 0);
  return d.toISOString();
};
const day = (iso: string) => iso.slice(0, 10);

const log = (token: string, overrides: Parameters<typeof interaction>[0]) =>
  logAs(token, [interaction(overrides)]);

/** The instants the page says it used, from its data attributes. */
const periodOf = (html: string) => {
  const m = /data-testid="period" data-from="([^"]+)" data-to="([^"]+)"/.exec(html);
  return { from: m![1]!, to: m![2]! };
};

describe('summary page team view', () => {
  it('shows exactly the numbers computeSummary returns, for presets, custom dates and a person', async () => {
    const { org, manager, member, cookie } = await teamWithManager();
    const other = await addPerson(org, 'member', 'Olga Other');
    const acme = await addAccount(org);
    for (const [n, tag] of [
      [1, 'tactical'],
      [2, 'strategic'],
      [9, 'tactical'],
      [20, 'tactical'],
      [40, 'strategic'],
    ] as const)
      await log(member.token, { tag, occurredAt: daysAgo(n), accountId: acme });
    await log(other.token, { tag: 'strategic', occurredAt: daysAgo(3), visibility: 'private' });
    await addReminder(org, { userId: member.id, dueAt: daysAgo(2) });
    await addReminder(org, { userId: member.id, dueAt: daysAgo(12) });

    for (const query of [
      '',
      '?preset=7',
      '?preset=90',
      '?preset=quarter',
      `?from=${day(daysAgo(30))}&to=${day(daysAgo(1))}`,
      `?preset=28&userId=${member.id}`,
    ]) {
      const res = await browse(`/${query}`, cookie);
      expect(res.status, query).toBe(200);
      const period = periodOf(res.text);
      const userId = new URLSearchParams(query.slice(1)).get('userId') ?? undefined;
      const expected = await computeSummary(
        db(env),
        org.org.id,
        manager.id,
        { ...period, ...(userId ? { userId } : {}) },
        new Date(),
      );
      const rows = personRows(res.text);
      expect([...rows.keys()], query).toEqual(expected.people.map((p) => p.userId));
      for (const p of expected.people) {
        expect(rows.get(p.userId), `${query} ${p.name}`).toEqual({
          total: String(p.total),
          tactical: String(p.tactical),
          strategic: String(p.strategic),
          overdueReminders: String(p.overdueReminders),
          escalatedReminders: String(p.escalatedReminders),
          lastActivityAt: p.lastActivityAt ?? '',
        });
      }
      const bars = chartBars(res.text);
      expect(bars.size, query).toBe(expected.weeks.length * 2);
      for (const w of expected.weeks) {
        expect(bars.get(`${w.weekStart}/tactical`)).toBe(w.tactical);
        expect(bars.get(`${w.weekStart}/strategic`)).toBe(w.strategic);
      }
      for (const a of expected.coldAccounts) expect(res.text).toContain(`data-account-id="${a.accountId}"`);
    }

    // The member's numbers are non-trivial, so the comparison above means something.
    const res = await browse('/?preset=28', cookie);
    const row = personRows(res.text).get(member.id)!;
    expect(row.total).toBe('4');
    expect(row.overdueReminders).toBe('2');
    expect(row.escalatedReminders).toBe('1');
    expect(res.text).toContain('75% tactical, 25% strategic');
  }, 30_000);

  it('falls back to the default period on bad input, with a message instead of an error', async () => {
    const { cookie } = await teamWithManager();
    for (const q of [
      '?from=2026-13-40&to=x',
      '?from=2020-01-01&to=2026-01-01',
      '?userId=not-a-uuid',
      `?userId=${crypto.randomUUID()}`,
    ]) {
      const res = await browse(`/${q}`, cookie);
      expect(res.status, q).toBe(200);
      expect(res.text, q).toContain('role="alert"');
    }
  });

  it('renders hostile names and titles as text', async () => {
    const { org, cookie } = await teamWithManager();
    const evil = await addPerson(org, 'member', '<img src=x onerror=alert(1)>');
    const acc = await addAccount(org, {
      name: '<script>alert("acct")</script>',
      notes: '<b onclick=x>notes</b>',
    });
    await log(evil.token, {
      accountId: acc,
      title: '<iframe src=javascript:alert(2)>',
      notes: '"><svg onload=alert(3)>',
    });
    await addReminder(org, {
      userId: evil.id,
      accountId: acc,
      dueAt: daysAgo(1),
      title: '<script>r()</script>',
    });
    for (const path of ['/', `/accounts/${acc}`, `/people/${evil.id}`]) {
      const res = await browse(path, cookie);
      expect(res.status, path).toBe(200);
      expect(withoutOwnScript(res.text), path).not.toMatch(
        /<script|<img src=x|<iframe|<svg onload|<b onclick/i,
      );
    }
    const account = (await browse(`/accounts/${acc}`, cookie)).text;
    expect(account).toContain('&lt;script>alert(&quot;acct&quot;)&lt;/script>');
    expect(account).toContain('&lt;iframe src=javascript:alert(2)>');
  });

  it('never shows the title or notes of someone else’s private interaction', async () => {
    const { org, member, cookie } = await teamWithManager();
    const acc = await addAccount(org, { name: 'Private Co' });
    await log(member.token, {
      accountId: acc,
      visibility: 'private',
      title: 'SECRET-TITLE-42',
      notes: 'SECRET-NOTES-42',
      occurredAt: daysAgo(1),
      source: { site: 'gmail', ref: 'SECRET-REF-42', url: 'https://mail.google.com/SECRET-URL-42' },
    });
    const [src] = (
      await env.DB.prepare("SELECT id FROM interactions WHERE title = 'SECRET-TITLE-42'").all<{
        id: string;
      }>()
    ).results;
    await addReminder(org, {
      userId: member.id,
      accountId: acc,
      interactionId: src!.id,
      dueAt: daysAgo(1),
      title: 'Follow up: SECRET-TITLE-42',
    });
    for (const path of ['/', `/accounts/${acc}`, `/people/${member.id}`, '/export.csv']) {
      const res = await browse(path, cookie);
      expect(res.status, path).toBe(200);
      expect(res.text, path).not.toContain('SECRET');
    }
    const account = (await browse(`/accounts/${acc}`, cookie)).text;
    expect(account).toContain('Private interaction');
    expect(account).toContain('data-private="true"');
    expect(account).toContain('Follow up on a private interaction');
  });
});
