import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { uuidv7 } from '../../shared/uuid.ts';
import { createOrg, type TestOrg } from './helpers.ts';
import { addAccount, addPerson, browse, signIn, teamWithManager } from './page-helpers.ts';

const DAY = 86_400_000;
const ago = (days: number) => new Date(Date.now() - days * DAY).toISOString();

interface Row {
  name: string;
  tier?: 'strategic' | 'tactical';
  stakeholder?: string;
  ownerId?: string | null;
  cadenceDays?: number | null;
  lastAt?: string | null;
  domains?: string[];
}

/** Accounts written straight to D1, so a test can set the derived last-touch column. */
async function seedAccounts(org: TestOrg, rows: Row[]): Promise<string[]> {
  const created = ago(400);
  const ids = rows.map(() => uuidv7());
  const stmts = rows.map((r, i) =>
    env.DB.prepare(
      `INSERT INTO accounts (id, org_id, name, domains, stakeholder, tier, cadence_days, owner_id, notes,
        last_interaction_at, version, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, '', ?, 1, ?, ?)`,
    ).bind(
      ids[i],
      org.org.id,
      r.name,
      JSON.stringify(r.domains ?? []),
      r.stakeholder ?? 'customer',
      r.tier ?? 'tactical',
      r.cadenceDays ?? null,
      r.ownerId === undefined ? org.user.id : r.ownerId,
      r.lastAt ?? null,
      created,
      created,
    ),
  );
  for (let i = 0; i < stmts.length; i += 50) await env.DB.batch(stmts.slice(i, i + 50));
  return ids;
}

/** The account ids of the directory's rows, in order. */
const rowIds = (html: string) =>
  [...html.matchAll(/data-testid="account-row" data-account-id="([^"]+)"/g)].map((m) => m[1]!);
const link = (html: string, rel: 'next' | 'prev') =>
  new RegExp(`href="([^"]+)" rel="${rel}"`).exec(html)?.[1]?.replace(/&amp;/g, '&') ?? null;

describe('the account directory', () => {
  it('lists the org’s accounts for every role, with names linking to their pages, and nothing of another org', async () => {
    const { org, member } = await teamWithManager();
    const other = await createOrg();
    await addAccount(other, { name: 'Their Secret Account' });
    const mine = await addAccount(org, { name: 'Globex', tier: 'strategic', ownerId: member.id });
    const res = await browse('/accounts', await signIn(member.token));
    expect(res.status).toBe(200);
    expect(rowIds(res.text)).toEqual([mine]);
    expect(res.text).toContain(`<a href="/accounts/${mine}">Globex</a>`);
    expect(res.text).not.toContain('Their Secret Account');
    expect(res.text).toContain('data-total="1"');
  });

  it('searches names and domains, and filters by tier, stakeholder, owner and health band', async () => {
    const org = await createOrg();
    const sam = await addPerson(org, 'member', 'Sam');
    const [acme, acmeDe, globex, initech, hooli] = await seedAccounts(org, [
      { name: 'Acme GmbH', tier: 'strategic', lastAt: ago(2), domains: ['acme.com'] },
      { name: 'The ACME Group', stakeholder: 'supplier', lastAt: ago(40), ownerId: sam.id },
      { name: 'Globex', domains: ['globex-acmecorp.test'], lastAt: ago(50), ownerId: sam.id },
      { name: 'Initech', tier: 'strategic', stakeholder: 'partner', lastAt: ago(100) },
      { name: 'Hooli', lastAt: null, ownerId: null },
    ]);
    const cookie = await signIn(org.token);
    const ids = async (q: string) => rowIds((await browse(`/accounts?${q}`, cookie)).text);
    expect(await ids('q=acme')).toEqual([acme, globex, acmeDe]);
    expect(await ids('q=ACME.COM')).toEqual([acme]);
    expect(await ids('tier=strategic')).toEqual([acme, initech]);
    expect(await ids('stakeholder=supplier')).toEqual([acmeDe]);
    expect(await ids(`owner=${sam.id}`)).toEqual([globex, acmeDe]);
    expect(await ids('owner=none')).toEqual([hooli]);
    // Tactical cadence 30 days: 40 days ago scores 66 (watch), 50 days 33 (at risk); strategic 14 days.
    expect(await ids('band=healthy')).toEqual([acme]);
    expect(await ids('band=watch')).toEqual([acmeDe]);
    expect(await ids('band=at-risk')).toEqual([globex, hooli, initech]);
    expect(await ids('tier=tactical&band=at-risk&q=o')).toEqual([globex, hooli]);
    // Unknown values are ignored rather than failing the page.
    const odd = await browse('/accounts?tier=gold&owner=<x>&band=x&sort=x&after=%%%', cookie);
    expect(odd.status).toBe(200);
    expect(rowIds(odd.text)).toHaveLength(5);
  });

  it('sorts by name, last touch either way and health, worst first', async () => {
    const org = await createOrg();
    const [b, a, c, d, e] = await seedAccounts(org, [
      { name: 'beta', lastAt: ago(10) },
      { name: 'Alpha', lastAt: ago(3) },
      { name: 'Gamma', lastAt: null },
      { name: 'delta', lastAt: ago(20), tier: 'strategic' },
      // Cadence 0: a closed relationship, no health at all.
      { name: 'Epsilon', lastAt: ago(300), cadenceDays: 0 },
    ]);
    const cookie = await signIn(org.token);
    const ids = async (q: string) => rowIds((await browse(`/accounts?${q}`, cookie)).text);
    expect(await ids('')).toEqual([a, b, d, e, c]);
    expect(await ids('sort=touch-oldest')).toEqual([c, e, d, b, a]);
    expect(await ids('sort=touch-newest')).toEqual([a, b, d, e, c]);
    // Gamma's clock runs from its creation 400 days ago; delta is 20 days into a 14-day cadence (57).
    const html = (await browse('/accounts?sort=health', cookie)).text;
    expect(rowIds(html)).toEqual([c, d, a, b, e]);
    expect(html).toMatch(new RegExp(`data-account-id="${d}"[\\s\\S]*?data-band="watch" data-score="57"`));
    expect(html).toMatch(new RegExp(`data-account-id="${e}"[\\s\\S]*?data-band="off">Cadence off`));
    for (const band of ['healthy', 'watch', 'at-risk']) expect(await ids(`band=${band}`)).not.toContain(e);
  });

  it('pages through 120 accounts forward and back without skipping or repeating any', async () => {
    const org = await createOrg();
    const all = await seedAccounts(
      org,
      Array.from({ length: 120 }, (_, i) => ({
        name: `Account ${String(i).padStart(3, '0')}`,
        lastAt: ago(i % 7),
      })),
    );
    const cookie = await signIn(org.token);
    for (const sort of ['name', 'touch-newest', 'health']) {
      const seen: string[] = [];
      const pages: string[][] = [];
      let url: string | null = `/accounts?sort=${sort}`;
      while (url) {
        const html: string = (await browse(url, cookie)).text;
        pages.push(rowIds(html));
        seen.push(...rowIds(html));
        url = link(html, 'next');
      }
      expect(
        pages.map((p) => p.length),
        sort,
      ).toEqual([50, 50, 20]);
      expect(new Set(seen).size, sort).toBe(120);
      expect([...seen].sort(), sort).toEqual([...all].sort());
      // Back from the last page gives the middle page again.
      let lastUrl = `/accounts?sort=${sort}`;
      for (let i = 0; i < 2; i++) lastUrl = link((await browse(lastUrl, cookie)).text, 'next')!;
      const last = (await browse(lastUrl, cookie)).text;
      expect(last).toContain('showing 101–120');
      const back = (await browse(link(last, 'prev')!, cookie)).text;
      expect(rowIds(back), sort).toEqual(pages[1]);
      expect(back).toContain('showing 51–100');
    }
  }, 60_000);
});
