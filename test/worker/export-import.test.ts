import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { MAX_IMPORT_ROWS } from '../../shared/schemas/index.ts';
import { csvCell, parseCsv } from '../../worker/http/csv.ts';
import { account, call, contact, createTeam, interaction } from './helpers.ts';

const csv = (token: string, text: string) =>
  call('POST', '/api/import/contacts', { token, body: text, headers: { 'content-type': 'text/csv' } });

describe('CSV helpers', () => {
  it('quotes as RFC 4180 and neutralises formulas', () => {
    expect(csvCell('plain')).toBe('plain');
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('line\nbreak')).toBe('"line\nbreak"');
    for (const f of ['=1+1', '+1', '-1', '@SUM(A1)', '\tx'])
      expect(csvCell(f).replace(/^"/, '')).toMatch(/^'/);
    expect(csvCell('=HYPERLINK("http://x","y")')).toBe(`"'=HYPERLINK(""http://x"",""y"")"`);
    expect(csvCell(null)).toBe('');
  });
  it('parses quotes, CRLF, a BOM and round-trips', () => {
    expect(parseCsv('\ufeffa,b\r\n"x, y","say ""hi"""\n"multi\nline",z')).toEqual([
      ['a', 'b'],
      ['x, y', 'say "hi"'],
      ['multi\nline', 'z'],
    ]);
    expect(() => parseCsv('"open')).toThrow();
  });
});

describe('GET /api/export/interactions.csv', () => {
  it('exports with the list filters, redacts private interactions and neutralises formulas', async () => {
    const { admin, member, manager } = await createTeam();
    const acc = await call('POST', '/api/accounts', {
      token: admin.token,
      body: account({ name: '=Evil, "Corp"' }),
    });
    const visible = interaction({
      accountId: acc.json.id,
      title: '=cmd|calc',
      notes: 'line1\nline2',
      tag: 'tactical',
    });
    const secret = interaction({
      accountId: acc.json.id,
      visibility: 'private',
      title: 'Secret merger',
      notes: 'hush',
    });
    const other = interaction({ occurredAt: '2020-01-01T00:00:00.000Z' });
    for (const body of [visible, secret, other])
      await call('POST', '/api/interactions', { token: member.token, body });

    expect((await call('GET', '/api/export/interactions.csv', { token: member.token })).status).toBe(403);
    const res = await call('GET', `/api/export/interactions.csv?accountId=${acc.json.id}`, {
      token: manager.token,
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/csv/);
    expect(res.headers.get('content-disposition')).toMatch(/attachment; filename="interactions-/);
    expect(res.text.endsWith('\r\n')).toBe(true);
    const rows = parseCsv(res.text.replace(/\r\n$/, ''));
    const [header, ...data] = rows;
    expect(header?.[0]).toBe('id');
    expect(data).toHaveLength(2);
    const col = (name: string) => header!.indexOf(name);
    const byId = new Map(data.map((r) => [r[0], r]));
    expect(byId.get(visible.id)![col('title')]).toBe("'=cmd|calc");
    expect(byId.get(visible.id)![col('notes')]).toBe('line1\nline2');
    expect(byId.get(visible.id)![col('accountName')]).toBe(`'=Evil, "Corp"`);
    expect(byId.get(secret.id)![col('title')]).toBe('Private interaction');
    expect(byId.get(secret.id)![col('notes')]).toBe('');
    expect(res.text).not.toContain('Secret merger');
    const tactical = await call('GET', '/api/export/interactions.csv?tag=tactical', { token: admin.token });
    expect(
      parseCsv(tactical.text.trim())
        .slice(1)
        .map((r) => r[0]),
    ).toEqual([visible.id]);
    const since = await call('GET', '/api/export/interactions.csv?from=2021-01-01T00:00:00%2B02:00', {
      token: admin.token,
    });
    expect(
      parseCsv(since.text.trim())
        .slice(1)
        .map((r) => r[0]),
    ).not.toContain(other.id);
    expect((await call('GET', '/api/export/interactions.csv?tag=x', { token: admin.token })).status).toBe(
      400,
    );
  });
});

describe('POST /api/import/contacts', () => {
  it('creates contacts, de-duplicates by email against the directory and within the file, and reports skips', async () => {
    const { admin, member } = await createTeam();
    const acme = await call('POST', '/api/accounts', {
      token: admin.token,
      body: account({ name: 'Acme Corp', domains: ['acme.test'] }),
    });
    await call('POST', '/api/contacts', { token: admin.token, body: contact({ emails: ['old@acme.test'] }) });
    const text = [
      'Name,Email,Title,Account',
      'Ann,ann@acme.test,CEO,',
      'Ben,BEN@else.test,,acme corp',
      'Old,Old@acme.test,,',
      'Ann again,ANN@acme.test,,',
      'Bad,not-an-email,,',
      ',noname@acme.test,,',
      'Cy,cy@x.test,,Nobody Inc',
      '',
      '"Dee, Jr.",dee@gmail.com,"=HACK()",',
    ].join('\r\n');
    expect((await csv(member.token, text)).status).toBe(403);
    const res = await csv(admin.token, text);
    expect(res.status).toBe(200);
    expect(res.json.created).toBe(3);
    expect(res.json.skipped).toEqual([
      { row: 4, reason: 'A contact with this email already exists' },
      { row: 5, reason: 'Duplicate email: same as row 2' },
      { row: 6, reason: 'Invalid email' },
      { row: expect.any(Number), reason: expect.stringMatching(/^Invalid name/) },
      { row: 8, reason: 'Unknown account' },
    ]);
    const list = await call('GET', '/api/contacts?limit=200', { token: admin.token });
    const byEmail = new Map(list.json.items.map((c: any) => [c.emails[0], c]));
    expect((byEmail.get('ann@acme.test') as any).accountId).toBe(acme.json.id);
    expect((byEmail.get('ann@acme.test') as any).title).toBe('CEO');
    expect((byEmail.get('ben@else.test') as any).accountId).toBe(acme.json.id);
    expect(byEmail.get('dee@gmail.com') as any).toMatchObject({
      name: 'Dee, Jr.',
      accountId: null,
      title: '=HACK()',
    });
    // Importing the same file again creates nothing.
    expect((await csv(admin.token, text)).json.created).toBe(0);
    const audits = await env.DB.prepare(
      "SELECT count(*) AS n FROM audit_log WHERE action = 'contact.put' AND detail LIKE '%import%'",
    ).first<{ n: number }>();
    expect(audits?.n).toBeGreaterThanOrEqual(3);
  });

  it('rejects a bad header, a wrong media type and too many rows', async () => {
    const { admin } = await createTeam();
    expect((await csv(admin.token, 'name,phone\nA,1')).status).toBe(400);
    expect((await csv(admin.token, 'title\nA')).status).toBe(400);
    expect((await csv(admin.token, '')).status).toBe(400);
    expect((await csv(admin.token, 'name,email\n"A,a@b.test')).status).toBe(400);
    const json = await call('POST', '/api/import/contacts', { token: admin.token, body: { name: 'x' } });
    expect(json.status).toBe(415);
    const many = ['name,email', ...Array.from({ length: MAX_IMPORT_ROWS + 1 }, (_, i) => `P,${i}@b.io`)].join(
      '\n',
    );
    const tooMany = await csv(admin.token, many);
    expect(tooMany.status).toBe(413);
    expect(tooMany.headers.get('content-type')).toContain('application/problem+json');
  });
});
