import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { db } from '../../worker/db/client.ts';
import { csvField, toCsv } from '../../worker/page/csv.ts';
import { computeSummary } from '../../worker/summary/compute.ts';
import { call, interaction } from './helpers.ts';
import { addPerson, browse, logAs, signIn, teamWithManager } from './page-helpers.ts';

describe('CSV export of the summary page', () => {
  it('neutralises spreadsheet formulas and quotes every text field', () => {
    expect(csvField('=HYPERLINK("http://evil","x")')).toBe(`"'=HYPERLINK(""http://evil"",""x"")"`);
    for (const s of ['+1', '-1+2', '@SUM(A1)', '\tcmd', '\rcmd'])
      expect(csvField(s)).toBe(`"'${s.replace(/"/g, '""')}"`);
    expect(csvField('Ada "The Admin", Jr.\nline 2')).toBe('"Ada ""The Admin"", Jr.\nline 2"');
    expect(csvField(42)).toBe('42');
    expect(csvField(null)).toBe('""');
    expect(
      toCsv([
        ['a', 1],
        ['b', 2],
      ]),
    ).toBe('"a",1\r\n"b",2\r\n');
  });

  it('exports the team table for the period and person the page shows', async () => {
    const { org, manager, cookie } = await teamWithManager();
    const evil = await addPerson(org, 'member', '=cmd|"/c calc"!A1');
    const yesterday = new Date(Date.now() - 86_400_000).toISOString();
    await logAs(
      evil.token,
      (['tactical', 'tactical', 'strategic'] as const).map((tag) =>
        interaction({ tag, occurredAt: yesterday }),
      ),
    );
    const res = await browse('/export.csv?preset=28', cookie);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(res.headers.get('content-disposition')).toMatch(
      /^attachment; filename="rapport-people-[\d-]+-to-[\d-]+\.csv"$/,
    );
    const lines = res.text.split('\r\n');
    expect(lines[0]).toBe(
      '"period_from","period_to","user_id","name","interactions","tactical","strategic","strategic_share_pct","overdue_reminders","escalated_reminders","last_activity_at"',
    );
    const [from, to] = [/"([^"]+)"/.exec(lines[1]!)![1]!, /^"[^"]+","([^"]+)"/.exec(lines[1]!)![1]!];
    const expected = await computeSummary(db(env), org.org.id, manager.id, { from, to }, new Date());
    expect(lines.length - 2).toBe(expected.people.length);
    const evilLine = lines.find((l) => l.includes(evil.id))!;
    expect(evilLine, res.text).toContain(`"'=cmd|""/c calc""!A1",3,2,1,33,0,0,`);

    const one = await browse(
      `/export.csv?from=${from.slice(0, 10)}&to=${from.slice(0, 10)}&userId=${evil.id}`,
      cookie,
    );
    expect(one.status).toBe(200);
    expect(one.text.trim().split('\r\n')).toHaveLength(2);

    const weeks = await browse('/export.csv?preset=28&table=weeks', cookie);
    expect(weeks.text.split('\r\n')[0]).toBe('"week_start","tactical","strategic","total"');
    expect(weeks.text.split('\r\n').length - 2).toBe(expected.weeks.length);
  });

  it('is for signed-in managers and admins only', async () => {
    const { member } = await teamWithManager();
    expect((await browse('/export.csv')).status).toBe(401);
    expect((await browse('/export.csv', await signIn(member.token))).status).toBe(403);
    expect((await call('GET', '/export.csv', { token: member.token })).status).toBe(401);
  });
});
