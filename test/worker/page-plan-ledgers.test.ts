import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { uuidv7 } from '../../shared/uuid.ts';
import { call } from './helpers.ts';
import {
  addAccount,
  addPerson,
  browse,
  csrfOf,
  ORIGIN,
  postForm,
  signIn,
  teamWithManager,
} from './page-helpers.ts';
import { day } from './support/plans.ts';

// The two-sided parts of the plan on the page (issue 14) and its other records: the matrix grid
// and its flags, the promises ledger and its filter, the conflict log with its ladder and
// history, reviews and milestones, deletes behind a confirmation, what the panel pulls after a
// page edit, and the summary's plans panel.

const tokens = new Map<string, string>();
async function post(cookie: string, path: string, fields: Record<string, string>) {
  let csrf = tokens.get(cookie);
  if (!csrf) {
    csrf = csrfOf((await browse('/accounts', cookie)).text);
    tokens.set(cookie, csrf);
  }
  return postForm(path, { csrf, ...fields }, { cookie, origin: ORIGIN });
}

const planOf = async (token: string, accountId: string) =>
  (await call('GET', `/api/accounts/${accountId}/plan`, { token })).json;

async function setup() {
  const team = await teamWithManager();
  const accountId = await addAccount(team.org, { name: 'Contoso Logistics', ownerId: team.member.id });
  const res = await call('POST', '/api/contacts', {
    token: team.org.token,
    body: { id: uuidv7(), accountId, name: 'Chen Their-Side', emails: [], title: null, timeZone: null },
  });
  const chen = res.json.id as string;
  const base = `/accounts/${accountId}/plan`;
  const created = await post(team.cookie, base, {
    status: 'active',
    startsOn: day(-40),
    vision: 'Grow together',
    reviewEveryDays: '60',
    duration: '',
    esc1Users: team.member.id,
    esc2Users: team.manager.id,
    esc2Contacts: chen,
  });
  if (created.status !== 303) throw new Error(`plan failed: ${created.status}`);
  return { ...team, accountId, chen, base };
}

describe('the plan ledgers on the account page', { timeout: 90_000 }, () => {
  it('edits the responsibility matrix as a grid and flags areas without exactly one A', async () => {
    const t = await setup();
    for (const [area, person, role] of [
      ['Logistics', `user:${t.member.id}`, 'R'],
      ['Logistics', `contact:${t.chen}`, 'C'],
      ['Forecast', `contact:${t.chen}`, 'A'],
    ])
      expect(
        (await post(t.cookie, `${t.base}/responsibilities`, { area: area!, person: person!, role: role! }))
          .status,
      ).toBe(303);
    let page = await browse(`/accounts/${t.accountId}`, t.cookie);
    expect(page.text).toContain('data-testid="matrix-area" data-area="Logistics" data-flag="no-accountable"');
    expect(page.text).toContain('data-testid="matrix-area" data-area="Forecast" data-flag="ok"');
    expect(page.text).toContain('data-testid="matrix-flags"');
    // Rows are sorted by area: Forecast is row 0, Logistics row 1.
    const grid = {
      'area.0': 'Forecast',
      'area.1': 'Logistics',
      [`cell.0.user:${t.member.id}`]: '',
      [`cell.0.contact:${t.chen}`]: 'A',
      [`cell.1.user:${t.member.id}`]: 'r, a',
      [`cell.1.contact:${t.chen}`]: '',
    };
    const bad = await post(t.cookie, `${t.base}/matrix`, { ...grid, [`cell.1.user:${t.member.id}`]: 'RX' });
    expect(bad.status).toBe(400);
    expect(bad.text).toContain('Use the letters R, A, C and I only.');
    expect(bad.text).toContain('value="RX"');
    const saved = await post(t.cookie, `${t.base}/matrix`, grid);
    expect(saved.status).toBe(303);
    const cells = (await planOf(t.org.token, t.accountId)).responsibilities;
    const shape = cells.map((c: any) => `${c.area}/${c.userId ? 'member' : 'chen'}/${c.role}`).sort();
    expect(shape).toEqual(['Forecast/chen/A', 'Logistics/member/A', 'Logistics/member/R']);
    page = await browse(`/accounts/${t.accountId}`, t.cookie);
    expect(page.text).toContain('data-area="Logistics" data-flag="ok"');
    expect(page.text).not.toContain('data-testid="matrix-flags"');
    // A member who does not own the account sees the grid read-only.
    const other = await signIn((await addPerson(t.org, 'member')).token);
    const readOnly = await browse(`/accounts/${t.accountId}`, other);
    expect(readOnly.text).toContain('data-testid="matrix"');
    expect(readOnly.text).not.toContain('data-testid="grid-form"');
  });

  it('keeps the promises ledger in both directions, filterable by side and state', async () => {
    const t = await setup();
    for (const [who, what, dueOn] of [
      [`user:${t.member.id}`, 'Send the forecast', day(-5)],
      [`user:${t.member.id}`, 'Share the rollout plan', day(10)],
      [`contact:${t.chen}`, 'Sign the pilot order', day(-2)],
    ])
      expect(
        (await post(t.cookie, `${t.base}/commitments`, { who: who!, what: what!, dueOn: dueOn! })).status,
      ).toBe(303);
    const missing = await post(t.cookie, `${t.base}/commitments`, { who: '', what: '', dueOn: '' });
    expect(missing.status).toBe(400);
    expect(missing.text).toContain('data-testid="error-who"');
    expect(missing.text).toContain('data-testid="error-what"');
    let api = await planOf(t.org.token, t.accountId);
    const forecast = api.commitments.find((c: any) => c.what === 'Send the forecast');
    const order = api.commitments.find((c: any) => c.what === 'Sign the pilot order');
    expect(order).toMatchObject({ side: 'theirs', contactId: t.chen, ownerId: null });
    // Kept today, after its due day: late.
    expect((await post(t.cookie, `${t.base}/commitments/${forecast.id}/quick`, { do: 'kept' })).status).toBe(
      303,
    );
    api = await planOf(t.org.token, t.accountId);
    expect(api.commitments.find((c: any) => c.id === forecast.id)).toMatchObject({
      state: 'kept',
      outcome: 'kept-late',
    });

    const theirs = await browse(`/accounts/${t.accountId}?side=theirs`, t.cookie);
    expect(theirs.text.match(/data-testid="commitment"/g)).toHaveLength(1);
    expect(theirs.text).toContain(
      `data-commitment-id="${order.id}" data-side="theirs" data-outcome="overdue"`,
    );
    const late = await browse(`/accounts/${t.accountId}?state=late`, t.cookie);
    expect(late.text.match(/data-testid="commitment" /g)).toHaveLength(1);
    expect(late.text).toContain(`data-commitment-id="${forecast.id}"`);
    const open = await browse(`/accounts/${t.accountId}?side=ours&state=open`, t.cookie);
    expect(open.text).toContain('data-testid="ledger-count" data-count="1"');
    expect(open.text).toContain('data-testid="tally-ours" data-on-time="0" data-late="1"');
  });

  it('logs conflicts with the ladder, resolves them with a lesson, and keeps the history of levels', async () => {
    const t = await setup();
    expect(
      (
        await post(t.cookie, `${t.base}/conflicts`, {
          title: 'Invoices disputed',
          severity: 'high',
          ownerId: t.member.id,
          openedOn: day(-1),
          level: '3',
        })
      ).status,
    ).toBe(303);
    let [conflict] = (await planOf(t.org.token, t.accountId)).conflicts;
    expect(conflict.level).toBe(1);
    // Raised by hand to level 2: managers see it as escalated, the ladder names who is there.
    const values = {
      title: 'Invoices disputed',
      severity: 'high',
      ownerId: t.member.id,
      openedOn: conflict.openedOn,
      level: '2',
      state: 'open',
      resolution: '',
      resolvedOn: '',
      lesson: '',
    };
    expect((await post(t.cookie, `${t.base}/conflicts/${conflict.id}`, values)).status).toBe(303);
    let page = await browse(`/accounts/${t.accountId}`, t.cookie);
    expect(page.text).toContain(
      `data-conflict-id="${conflict.id}" data-level="2" data-state="open" data-escalated="true"`,
    );
    expect(page.text).toMatch(/At this level: Mia Manager, Chen Their-Side \(theirs\)/);
    expect(page.text).toContain('data-level="1" data-cause="opened"');
    expect(page.text).toContain('data-level="2" data-cause="manual"');
    const summary = await browse('/', t.cookie);
    expect(summary.text).toContain(
      `data-testid="escalated-conflict" data-conflict-id="${conflict.id}" data-level="2"`,
    );
    expect(summary.text).toMatch(/Contoso Logistics · raised [^<]+ · Sam Sales/);

    const empty = await post(t.cookie, `${t.base}/conflicts/${conflict.id}/quick`, {
      do: 'resolve',
      resolution: ' ',
      lesson: 'Kept lesson',
    });
    expect(empty.status).toBe(400);
    expect(empty.text).toContain('Say how it was resolved.');
    expect(empty.text).toContain('Kept lesson');
    const resolved = await post(t.cookie, `${t.base}/conflicts/${conflict.id}/quick`, {
      do: 'resolve',
      resolution: 'Credit note issued',
      lesson: 'Check invoices weekly',
    });
    expect(resolved.status).toBe(303);
    [conflict] = (await planOf(t.org.token, t.accountId)).conflicts;
    expect(conflict).toMatchObject({
      state: 'resolved',
      resolution: 'Credit note issued',
      lesson: 'Check invoices weekly',
    });
    page = await browse(`/accounts/${t.accountId}`, t.cookie);
    expect(page.text).toContain('Check invoices weekly');
    expect((await browse('/', t.cookie)).text).not.toContain(`data-conflict-id="${conflict.id}"`);
  });

  it('records reviews with both ratings and the gap, and milestones reached and celebrated', async () => {
    const t = await setup();
    const review = await post(t.cookie, `${t.base}/reviews`, {
      heldOn: day(-3),
      ourRating: '4',
      theirRating: '2',
      worked: 'Weekly calls',
      change: '',
      decisions: 'Pilot in Rotterdam',
    });
    expect(review.status).toBe(303);
    const milestone = await post(t.cookie, `${t.base}/milestones`, {
      title: 'First joint shipment',
      dueOn: day(7),
    });
    expect(milestone.status).toBe(303);
    const [m] = (await planOf(t.org.token, t.accountId)).milestones;
    expect((await post(t.cookie, `${t.base}/milestones/${m.id}/quick`, { do: 'reached' })).status).toBe(303);
    expect((await post(t.cookie, `${t.base}/milestones/${m.id}/quick`, { do: 'celebrated' })).status).toBe(
      303,
    );
    const api = await planOf(t.org.token, t.accountId);
    expect(api.reviews[0]).toMatchObject({ ourRating: 4, theirRating: 2, decisions: 'Pilot in Rotterdam' });
    expect(api.milestones[0].achievedOn).not.toBeNull();
    expect(api.milestones[0].celebratedOn).toBe(api.milestones[0].achievedOn);
    expect(api.nextReviewOn).toBe(day(57));
    const page = await browse(`/accounts/${t.accountId}`, t.cookie);
    expect(page.text).toContain('They see us 2 stages lower than we do.');
    expect(page.text).toContain(`data-testid="next-review" data-value="${day(57)}"`);
    expect(page.text).toContain(
      `data-milestone-id="${m.id}" data-achieved-on="${api.milestones[0].achievedOn}"`,
    );
    const bad = await post(t.cookie, `${t.base}/milestones/${m.id}`, {
      title: 'First joint shipment',
      dueOn: '',
      achievedOn: '',
      celebratedOn: day(0),
      lesson: 'Plan the customs papers early',
    });
    expect(bad.status).toBe(400);
    expect(bad.text).toContain('data-testid="error-celebratedOn"');
    expect(bad.text).toContain('Plan the customs papers early');
  });

  it('deletes only after a confirmation page, through the delete mutator', async () => {
    const t = await setup();
    await post(t.cookie, `${t.base}/milestones`, { title: 'Go-live' });
    const [m] = (await planOf(t.org.token, t.accountId)).milestones;
    const confirm = await browse(`${t.base}/milestones/${m.id}/delete`, t.cookie);
    expect(confirm.status).toBe(200);
    expect(confirm.text).toContain('data-testid="confirm-form"');
    expect(confirm.text).toContain('Go-live');
    expect((await planOf(t.org.token, t.accountId)).milestones).toHaveLength(1);
    const res = await post(t.cookie, `${t.base}/milestones/${m.id}/delete`, {});
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe(
      `/accounts/${t.accountId}?done=milestone-deleted#milestones-heading`,
    );
    expect((await planOf(t.org.token, t.accountId)).milestones).toEqual([]);
    const audit = await env.DB.prepare(
      "SELECT count(*) AS n FROM audit_log WHERE org_id = ? AND action = 'milestone.delete' AND target = ?",
    )
      .bind(t.org.org.id, m.id)
      .first<number>('n');
    expect(audit).toBe(1);
    // The plan itself, too.
    expect((await browse(`${t.base}/delete`, t.cookie)).text).toContain('Delete the plan');
    expect((await post(t.cookie, `${t.base}/delete`, {})).status).toBe(303);
    expect((await planOf(t.org.token, t.accountId)).plan).toBeNull();
  });

  it("puts a plan edited on the page into the panel's next pull", async () => {
    const t = await setup();
    const first = await call('GET', `/api/sync/pull?clientId=${uuidv7()}`, { token: t.member.token });
    expect(first.status).toBe(200);
    const plan = first.json.plans.find((p: any) => p.accountId === t.accountId);
    expect(plan.vision).toBe('Grow together');
    let cookie = first.json.cookie;
    let more = first.json.hasMore;
    while (more) {
      const page = await call('GET', `/api/sync/pull?clientId=${uuidv7()}&cookie=${cookie}`, {
        token: t.member.token,
      });
      cookie = page.json.cookie;
      more = page.json.hasMore;
    }
    await post(t.cookie, t.base, {
      status: 'active',
      startsOn: plan.startsOn,
      vision: 'Grow together across Europe',
      reviewEveryDays: '60',
      duration: 'long',
      commitment: 'high',
      integration: 'high',
      riskSharing: 'medium',
      flexibility: 'low',
      esc1Users: t.member.id,
    });
    await post(t.cookie, `${t.base}/commitments`, {
      who: `contact:${t.chen}`,
      what: 'Send volumes',
      dueOn: day(3),
    });
    const next = await call('GET', `/api/sync/pull?clientId=${uuidv7()}&cookie=${cookie}`, {
      token: t.member.token,
    });
    expect(next.status).toBe(200);
    expect(next.json.plans).toHaveLength(1);
    expect(next.json.plans[0]).toMatchObject({
      id: plan.id,
      vision: 'Grow together across Europe',
      alliance: { duration: 'long', integration: 'high' },
      escalation: [{ level: 1, userIds: [t.member.id], contactIds: [] }],
    });
    expect(next.json.plans[0].version).toBeGreaterThan(plan.version);
    expect(next.json.commitments.map((c: any) => c.what)).toEqual(['Send volumes']);
  });

  it("shows the team summary's plans panel: health worst first, escalations and promises kept on time", async () => {
    const t = await setup();
    const calm = await addAccount(t.org, { name: 'Calm Co', ownerId: t.member.id });
    await post(t.cookie, `${t.base}/commitments`, {
      who: `user:${t.member.id}`,
      what: 'Late one',
      dueOn: day(-3),
    });
    await post(t.cookie, `${t.base}/commitments`, {
      who: `user:${t.member.id}`,
      what: 'On time one',
      dueOn: day(3),
    });
    for (const c of (await planOf(t.org.token, t.accountId)).commitments)
      await post(t.cookie, `${t.base}/commitments/${c.id}/quick`, { do: 'kept' });
    const summary = await browse('/', t.cookie);
    expect(summary.status).toBe(200);
    expect(summary.text).toContain('data-testid="plans-panel"');
    expect(summary.text).toContain('data-testid="promises-team" data-on-time="1" data-closed="2"');
    expect(summary.text).toContain(`data-testid="promises-person" data-user-id="${t.member.id}"`);
    const rows = [
      ...summary.text.matchAll(
        /data-testid="health-row" data-account-id="([^"]+)" data-band="[^"]+" data-score="(\d+)"/g,
      ),
    ];
    const scores = rows.map((r) => Number(r[2]));
    expect(rows.map((r) => r[1])).toEqual(expect.arrayContaining([t.accountId, calm]));
    expect(scores).toEqual([...scores].sort((a, b) => a - b));
    const health = await call('GET', '/api/health', { token: t.org.token });
    expect(rows.map((r) => r[1])).toEqual(health.json.items.map((i: any) => i.accountId));
    // A member is sent to the accounts, so never sees the panel.
    const member = await signIn(t.member.token);
    expect((await browse('/', member)).status).toBe(303);
  });
});
