import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { uuidv7 } from '../../shared/uuid.ts';
import { call, createOrg } from './helpers.ts';
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

// The relationship plan on /accounts/:id (design §14, §15; issues 13 and 14): every form posts
// through the record's mutator, shows what failed by the field with what was typed, and answers
// another org's ids as missing ones. What the page wrote is read back through the API.

async function contact(token: string, accountId: string, name: string) {
  const res = await call('POST', '/api/contacts', {
    token,
    body: { id: uuidv7(), accountId, name, emails: [], title: null, timeZone: null },
  });
  if (res.status !== 201) throw new Error(`contact failed: ${res.status} ${res.text}`);
  return res.json.id as string;
}

const planOf = async (token: string, accountId: string) =>
  (await call('GET', `/api/accounts/${accountId}/plan`, { token })).json;

const tokens = new Map<string, string>();

/** POSTs a page form with the session's CSRF token, read once from a page the person can open. */
async function submit(cookie: string, _accountId: string, path: string, fields: Record<string, string>) {
  let csrf = tokens.get(cookie);
  if (!csrf) {
    csrf = csrfOf((await browse('/accounts', cookie)).text);
    tokens.set(cookie, csrf);
  }
  return postForm(path, { csrf, ...fields }, { cookie, origin: ORIGIN });
}

const planFields = (o: Record<string, string> = {}) => ({
  status: 'active',
  startsOn: day(-30),
  endsOn: '',
  vision: 'Their logistics partner for Europe',
  reviewEveryDays: '90',
  duration: 'long',
  commitment: 'high',
  integration: 'medium',
  riskSharing: 'low',
  flexibility: 'medium',
  ...o,
});

async function setup() {
  const team = await teamWithManager();
  const accountId = await addAccount(team.org, { name: 'Northwind Freight', ownerId: team.member.id });
  const memberCookie = await signIn(team.member.token);
  const anna = await contact(team.org.token, accountId, 'Anna Their-Side');
  return { ...team, accountId, memberCookie, anna };
}

describe('the plan on the account page', { timeout: 60_000 }, () => {
  it('offers a strategic account without a plan one, and starts it with its profile and ladder', async () => {
    const t = await setup();
    const before = await browse(`/accounts/${t.accountId}`, t.cookie);
    expect(before.text).toContain('data-testid="plan-offer"');
    expect(before.text).toContain('data-testid="start-plan"');
    const res = await submit(t.cookie, t.accountId, `/accounts/${t.accountId}/plan`, {
      ...planFields(),
      esc1Users: t.member.id,
      esc1Contacts: t.anna,
      esc2Users: t.manager.id,
    });
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe(`/accounts/${t.accountId}?done=plan-started#plan-heading`);
    const api = await planOf(t.org.token, t.accountId);
    expect(api.plan).toMatchObject({
      vision: 'Their logistics partner for Europe',
      reviewEveryDays: 90,
      alliance: { duration: 'long', commitment: 'high', riskSharing: 'low' },
      escalation: [
        { level: 1, userIds: [t.member.id], contactIds: [t.anna] },
        { level: 2, userIds: [t.manager.id], contactIds: [] },
      ],
    });
    const after = await browse(`/accounts/${t.accountId}?done=plan-started`, t.cookie);
    expect(after.text).toContain('data-testid="plan-sections"');
    expect(after.text).toContain('Their logistics partner for Europe');
    expect(after.text).toMatch(
      /data-testid="ladder"[\s\S]*Level 1[\s\S]*Sam Sales[\s\S]*Anna Their-Side \(theirs\)/,
    );
    expect(after.text).toContain('data-testid="health"');
    expect(after.text).toContain('data-testid="health-part" data-part="cadence"');
    expect(after.text).toContain('Plan started.');
  });

  it('takes several people per level of the ladder from its checkboxes', async () => {
    const t = await setup();
    const csrf = csrfOf((await browse('/accounts', t.cookie)).text);
    const body = new URLSearchParams([
      ...Object.entries({ csrf, ...planFields() }),
      ['esc1Users', t.member.id],
      ['esc1Users', t.manager.id],
      ['esc3Contacts', t.anna],
    ]);
    const res = await postForm(`/accounts/${t.accountId}/plan`, body as any, {
      cookie: t.cookie,
      origin: ORIGIN,
    });
    expect(res.status).toBe(303);
    const { escalation } = (await planOf(t.org.token, t.accountId)).plan;
    expect(escalation).toEqual([
      { level: 1, userIds: [t.member.id, t.manager.id], contactIds: [] },
      { level: 3, userIds: [], contactIds: [t.anna] },
    ]);
    const page = await browse(`/accounts/${t.accountId}`, t.cookie);
    expect(
      page.text.match(new RegExp(`name="esc1Users" value="(${t.member.id}|${t.manager.id})" checked`, 'g')),
    ).toHaveLength(2);
  });

  it('keeps what was typed and says by the field what is wrong, saving nothing', async () => {
    const t = await setup();
    const res = await submit(t.cookie, t.accountId, `/accounts/${t.accountId}/plan`, {
      ...planFields({ startsOn: '2026-13-01', reviewEveryDays: '3', vision: 'Typed <vision>' }),
    });
    expect(res.status).toBe(400);
    expect(res.text).toContain('data-testid="error-startsOn"');
    expect(res.text).toContain('data-testid="error-reviewEveryDays"');
    expect(res.text).toContain('Typed &lt;vision');
    expect(res.text).not.toContain('<vision>');
    expect(res.text).toContain('value="2026-13-01"');
    expect((await planOf(t.org.token, t.accountId)).plan).toBeNull();

    const bad = await submit(t.cookie, t.accountId, `/accounts/${t.accountId}/plan/objectives`, {
      title: 'On-time delivery',
      unit: '%',
      baseline: '82',
      target: '82',
      dueOn: 'soon',
      ownerId: t.member.id,
      counterpartId: '',
      weight: '3',
    });
    expect(bad.status).toBe(400);
    expect(bad.text).toContain('data-testid="error-target"');
    expect(bad.text).toContain('data-testid="error-dueOn"');
    expect(bad.text).toContain('value="On-time delivery"');
    expect(bad.text).toContain('value="soon"');
    expect((await planOf(t.org.token, t.accountId)).objectives).toEqual([]);
  });

  it('adds an objective, records values, and draws its progress and line from the plan view', async () => {
    const t = await setup();
    await submit(t.cookie, t.accountId, `/accounts/${t.accountId}/plan`, planFields());
    const added = await submit(t.cookie, t.accountId, `/accounts/${t.accountId}/plan/objectives`, {
      title: 'On-time delivery',
      unit: '%',
      baseline: '80',
      target: '100',
      dueOn: day(60),
      ownerId: t.member.id,
      counterpartId: t.anna,
      weight: '4',
    });
    expect(added.status).toBe(303);
    const [objective] = (await planOf(t.org.token, t.accountId)).objectives;
    expect(objective).toMatchObject({
      title: 'On-time delivery',
      target: 100,
      weight: 4,
      counterpartId: t.anna,
    });
    // A member who does not own the account still records values (design §14: any member).
    for (const [value, measuredOn] of [
      ['85', day(-10)],
      ['90,5', day(-1)],
    ] as const) {
      const res = await submit(t.memberCookie, t.accountId, `/accounts/${t.accountId}/plan/measurements`, {
        objectiveId: objective.id,
        value,
        measuredOn,
        note: '',
      });
      expect(res.status).toBe(303);
    }
    const api = (await planOf(t.org.token, t.accountId)).objectives[0];
    expect(api.measurements.map((m: { value: number }) => m.value)).toEqual([85, 90.5]);
    const page = await browse(`/accounts/${t.accountId}`, t.cookie);
    expect(page.text).toContain(`data-progress="${api.progress.toFixed(3)}"`);
    expect(page.text).toContain('data-testid="measurement-line" data-points="2"');
    expect(page.text).toContain(`data-status="${api.status}"`);

    const wrong = await submit(t.cookie, t.accountId, `/accounts/${t.accountId}/plan/measurements`, {
      objectiveId: objective.id,
      value: 'ninety',
      measuredOn: day(0),
      note: 'kept note',
    });
    expect(wrong.status).toBe(400);
    expect(wrong.text).toContain('data-testid="error-value"');
    expect(wrong.text).toContain('kept note');
  });

  it('lets only the owner, managers and admins change the plan, objectives and matrix', async () => {
    const t = await setup();
    const other = await addPerson(t.org, 'member', 'Olga Other');
    const otherCookie = await signIn(other.token);
    const page = await browse(`/accounts/${t.accountId}`, otherCookie);
    expect(page.text).not.toContain('data-testid="start-plan"');
    const refused = await submit(otherCookie, t.accountId, `/accounts/${t.accountId}/plan`, planFields());
    expect(refused.status).toBe(400);
    expect(refused.text).toContain("Only the account's owner, a manager or an admin");
    expect((await planOf(t.org.token, t.accountId)).plan).toBeNull();
    // The owner (a member) may.
    const owner = await submit(t.memberCookie, t.accountId, `/accounts/${t.accountId}/plan`, planFields());
    expect(owner.status).toBe(303);
    const cell = await submit(otherCookie, t.accountId, `/accounts/${t.accountId}/plan/responsibilities`, {
      area: 'Logistics',
      person: `user:${other.id}`,
      role: 'A',
      objectiveId: '',
    });
    expect(cell.status).toBe(400);
    expect((await planOf(t.org.token, t.accountId)).responsibilities).toEqual([]);
    // Any member notes a promise; only its author or a manager changes it.
    const noted = await submit(otherCookie, t.accountId, `/accounts/${t.accountId}/plan/commitments`, {
      who: `user:${other.id}`,
      what: 'Send the forecast',
      dueOn: day(5),
    });
    expect(noted.status).toBe(303);
    const [promise] = (await planOf(t.org.token, t.accountId)).commitments;
    const mine = await browse(`/accounts/${t.accountId}/plan/commitments/${promise.id}`, otherCookie);
    expect(mine.status).toBe(200);
    const someoneElse = await addPerson(t.org, 'member', 'Nils Nobody');
    const nilsCookie = await signIn(someoneElse.token);
    const hidden = await browse(`/accounts/${t.accountId}/plan/commitments/${promise.id}`, nilsCookie);
    expect(hidden.status).toBe(303);
    const forced = await submit(
      nilsCookie,
      t.accountId,
      `/accounts/${t.accountId}/plan/commitments/${promise.id}/quick`,
      {
        do: 'broken',
      },
    );
    expect(forced.status).toBe(400);
    expect((await planOf(t.org.token, t.accountId)).commitments[0].state).toBe('open');
  });

  it("answers another org's account and records as missing, and changes nothing", async () => {
    const t = await setup();
    await submit(t.cookie, t.accountId, `/accounts/${t.accountId}/plan`, planFields());
    await submit(t.cookie, t.accountId, `/accounts/${t.accountId}/plan/conflicts`, {
      title: 'Late shipments',
      severity: 'high',
      ownerId: t.member.id,
      openedOn: day(-1),
    });
    const [conflict] = (await planOf(t.org.token, t.accountId)).conflicts;
    const stranger = await createOrg();
    const manager = await addPerson(stranger, 'manager');
    const cookie = await signIn(manager.token);
    const own = await browse('/accounts', cookie);
    const csrf = csrfOf(own.text);
    for (const path of [
      `/accounts/${t.accountId}/plan/conflicts/${conflict.id}`,
      `/accounts/${t.accountId}/plan/conflicts/${conflict.id}/delete`,
      `/accounts/${t.accountId}/plan/delete`,
    ])
      expect((await browse(path, cookie)).status).toBe(404);
    for (const [path, fields] of [
      [`/accounts/${t.accountId}/plan`, planFields({ vision: 'taken over' })],
      [
        `/accounts/${t.accountId}/plan/conflicts/${conflict.id}`,
        { title: 'x', severity: 'low', ownerId: manager.id, openedOn: day(0) },
      ],
      [`/accounts/${t.accountId}/plan/conflicts/${conflict.id}/quick`, { do: 'resolve', resolution: 'x' }],
      [`/accounts/${t.accountId}/plan/conflicts/${conflict.id}/delete`, {}],
      [`/accounts/${t.accountId}/plan/matrix`, {}],
      [`/accounts/${t.accountId}/plan/commitments`, { who: `user:${manager.id}`, what: 'x', dueOn: day(1) }],
    ] as const) {
      const res = await postForm(path, { csrf, ...fields }, { cookie, origin: ORIGIN });
      expect(res.status, path).toBe(404);
    }
    const api = await planOf(t.org.token, t.accountId);
    expect(api.plan.vision).toBe('Their logistics partner for Europe');
    expect(api.conflicts).toHaveLength(1);
    expect(api.conflicts[0].state).toBe('open');
    expect(api.commitments).toEqual([]);
  });
});

describe('the plan forms under generated input', { timeout: 120_000 }, () => {
  const value = fc.oneof(
    fc.string({ maxLength: 40 }),
    fc.constantFrom(
      '',
      '0',
      '-1',
      '1e309',
      'NaN',
      '2026-02-30',
      '2026-03-01',
      'open',
      'kept',
      'A',
      'ra',
      'x'.repeat(3000),
    ),
    fc.uuid(),
  );
  const FIELDS = [
    'title',
    'unit',
    'baseline',
    'target',
    'dueOn',
    'ownerId',
    'counterpartId',
    'weight',
    'state',
    'objectiveId',
    'value',
    'measuredOn',
    'note',
    'heldOn',
    'ourRating',
    'theirRating',
    'area',
    'person',
    'role',
    'who',
    'what',
    'closedOn',
    'severity',
    'openedOn',
    'level',
    'resolution',
    'resolvedOn',
    'lesson',
    'status',
    'startsOn',
    'vision',
    'reviewEveryDays',
    'duration',
    'esc1Users',
    'esc2Contacts',
    'do',
    'area.0',
    'cell.0.user:x',
  ];
  const fields = fc.dictionary(fc.constantFrom(...FIELDS), value, { maxKeys: 10 });

  it('never answers 5xx, for every kind of record, its edits and quick actions', async () => {
    const t = await setup();
    await submit(t.cookie, t.accountId, `/accounts/${t.accountId}/plan`, planFields());
    await submit(t.cookie, t.accountId, `/accounts/${t.accountId}/plan/conflicts`, {
      title: 'Late shipments',
      severity: 'high',
      ownerId: t.member.id,
      openedOn: day(-1),
    });
    const [conflict] = (await planOf(t.org.token, t.accountId)).conflicts;
    const base = `/accounts/${t.accountId}/plan`;
    const paths = [
      base,
      `${base}/matrix`,
      ...[
        'objectives',
        'measurements',
        'reviews',
        'milestones',
        'responsibilities',
        'commitments',
        'conflicts',
      ].map((k) => `${base}/${k}`),
      `${base}/conflicts/${conflict.id}`,
      `${base}/conflicts/${conflict.id}/quick`,
    ];
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...paths), fields, async (path, body) => {
        const res = await submit(t.cookie, t.accountId, path, body);
        expect(res.status, `${path} ${JSON.stringify(body)}`).toBeLessThan(500);
      }),
      { numRuns: 60 },
    );
  });
});
