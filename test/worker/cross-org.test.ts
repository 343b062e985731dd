import { env } from 'cloudflare:workers';
import { beforeAll, describe, expect, it } from 'vitest';
import { uuidv7 } from '../../shared/uuid.ts';
import { account, call, contact, createTeam, interaction, seedReminder } from './helpers.ts';
import {
  commitment,
  conflict,
  measurement,
  milestone,
  objective,
  plan,
  responsibility,
  review,
} from './support/plans.ts';

type Team = Awaited<ReturnType<typeof createTeam>>;

/**
 * Org A's callers (all three roles) try org B's ids on every resource route.
 * Each answer must be exactly what a random, missing id gets: same status,
 * same body, so nothing tells "theirs" from "nobody's".
 */
describe('other organisations (design §12)', () => {
  let a: Team;
  let b: Team;
  const theirs = {
    account: '',
    contact: '',
    interaction: '',
    privateInteraction: '',
    reminder: '',
    token: '',
    user: '',
    invite: '',
  };
  /** Their plan records, by route. */
  const theirPlan: Record<string, string> = {};
  const theirEmail = `ceo-${uuidv7()}@their-company.test`;
  const theirDomain = `their-${uuidv7().slice(-8)}.test`;

  beforeAll(async () => {
    [a, b] = await Promise.all([createTeam(), createTeam()]);
    const acc = account({ domains: [theirDomain] });
    await call('POST', '/api/accounts', { token: b.admin.token, body: acc });
    theirs.account = acc.id;
    const con = contact({ emails: [theirEmail], accountId: acc.id });
    await call('POST', '/api/contacts', { token: b.admin.token, body: con });
    theirs.contact = con.id;
    const inter = interaction({ accountId: acc.id, title: 'Their secret plan' });
    await call('POST', '/api/interactions', { token: b.member.token, body: inter });
    theirs.interaction = inter.id;
    const priv = interaction({ visibility: 'private' });
    await call('POST', '/api/interactions', { token: b.member.token, body: priv });
    theirs.privateInteraction = priv.id;
    theirs.reminder = await seedReminder(env.DB, b.org.id, b.member.user.id);
    theirs.token = (await call('GET', '/api/tokens', { token: b.member.token })).json.items[0].id;
    theirs.user = b.member.user.id;
    theirs.invite = (
      await call('POST', '/api/invites', {
        token: b.admin.token,
        body: { email: `${uuidv7()}@b.test`, role: 'member' },
      })
    ).json.id;
    // Their relationship plan, a record of every kind on it.
    const t = b.admin.token;
    const owner = b.admin.user.id;
    await call('PUT', `/api/plans/${acc.id}`, { token: t, body: plan({ vision: 'Their secret plan' }) });
    const o = objective(acc.id, owner);
    const bodies: [string, Record<string, unknown>][] = [
      ['objectives', o],
      ['measurements', measurement(o.id)],
      ['reviews', review(acc.id)],
      ['milestones', milestone(acc.id)],
      ['responsibilities', responsibility(acc.id, { contactId: con.id })],
      ['commitments', commitment(acc.id, owner)],
      ['conflicts', conflict(acc.id, owner)],
    ];
    for (const [plural, body] of bodies) {
      const res = await call('POST', `/api/${plural}`, { token: t, body });
      expect(res.status, `${plural} ${res.text}`).toBe(201);
      theirPlan[plural] = body.id as string;
    }
  });

  const PLURALS = [
    'objectives',
    'measurements',
    'reviews',
    'milestones',
    'responsibilities',
    'commitments',
    'conflicts',
  ] as const;
  const PATCHES: Record<string, unknown> = {
    objectives: { title: 'pwned' },
    measurements: { note: 'pwned' },
    reviews: { decisions: 'pwned' },
    milestones: { lesson: 'pwned' },
    responsibilities: { area: 'pwned' },
    commitments: { what: 'pwned' },
    conflicts: { lesson: 'pwned' },
  };

  for (const plural of PLURALS) {
    for (const [method, body] of [
      ['GET', undefined],
      ['PATCH', PATCHES[plural]],
      ['DELETE', undefined],
    ] as const) {
      it(`${method} /api/${plural}/:id on theirs answers as for a missing id`, async () => {
        for (const role of ['member', 'manager', 'admin'] as const) {
          const token = a[role].token;
          const foreign = await call(method, `/api/${plural}/${theirPlan[plural]}`, { token, body });
          const missing = await call(method, `/api/${plural}/${uuidv7()}`, { token, body });
          expect(foreign.status).toBe(404);
          expect(foreign.text).toBe(missing.text);
        }
      });
    }
  }

  it('answers for their account’s plan as for a missing account', async () => {
    for (const role of ['member', 'manager', 'admin'] as const) {
      const token = a[role].token;
      for (const [method, path, body] of [
        ['GET', (id: string) => `/api/accounts/${id}/plan`, undefined],
        ['GET', (id: string) => `/api/plans/${id}`, undefined],
        ['PUT', (id: string) => `/api/plans/${id}`, plan({ vision: 'pwned' })],
        ['DELETE', (id: string) => `/api/plans/${id}`, undefined],
      ] as const) {
        const foreign = await call(method, path(theirs.account), { token, body });
        const missing = await call(method, path(uuidv7()), { token, body });
        expect(foreign.status, `${method} ${path(':id')}`).toBe(404);
        expect(foreign.text).toBe(missing.text);
      }
    }
  });

  it('refuses their plan records as ids, and as references, as it refuses missing ones', async () => {
    const mine = (await call('POST', '/api/accounts', { token: a.admin.token, body: account() })).json.id;
    const me = a.admin.user.id;
    const fresh: Record<string, (id?: string) => Record<string, unknown>> = {
      objectives: (id) => objective(mine, me, id ? { id } : {}),
      reviews: (id) => review(mine, id ? { id } : {}),
      milestones: (id) => milestone(mine, id ? { id } : {}),
      responsibilities: (id) => responsibility(mine, { userId: me, ...(id ? { id } : {}) }),
      commitments: (id) => commitment(mine, me, id ? { id } : {}),
      conflicts: (id) => conflict(mine, me, id ? { id } : {}),
    };
    for (const [plural, make] of Object.entries(fresh)) {
      const foreign = await call('POST', `/api/${plural}`, {
        token: a.admin.token,
        body: make(theirPlan[plural]),
      });
      const own = make();
      await call('POST', `/api/${plural}`, { token: a.admin.token, body: own });
      const again = await call('POST', `/api/${plural}`, { token: a.admin.token, body: own });
      expect(foreign.status, plural).toBe(409);
      expect(foreign.text).toBe(again.text);
    }
    // Their objective, account and contact as references.
    const none = uuidv7();
    const asObjective = async (id: string) =>
      call('POST', '/api/measurements', { token: a.member.token, body: measurement(id) });
    const f = await asObjective(theirPlan.objectives!);
    const n = await asObjective(none);
    expect(f.status).toBe(404);
    expect(f.text.replace(theirPlan.objectives!, 'ID')).toBe(n.text.replace(none, 'ID'));
    const onAccount = async (id: string) =>
      call('POST', '/api/reviews', { token: a.member.token, body: review(id) });
    const fa = await onAccount(theirs.account);
    const na = await onAccount(none);
    expect(fa.status).toBe(404);
    expect(fa.text.replace(theirs.account, 'ID')).toBe(na.text.replace(none, 'ID'));
    const withContact = async (id: string) =>
      call('POST', '/api/responsibilities', {
        token: a.admin.token,
        body: responsibility(mine, { contactId: id }),
      });
    const fc = await withContact(theirs.contact);
    const nc = await withContact(none);
    expect(fc.status).toBe(400);
    expect(fc.text).toBe(nc.text);
  });

  type Role = 'member' | 'manager' | 'admin';
  /** Method, their record, path, body, and the roles that reach the lookup (others are refused first). */
  const byId: [string, string, (id: string) => string, unknown?, Role[]?][] = [
    ['GET', 'account', (id) => `/api/accounts/${id}`],
    ['PATCH', 'account', (id) => `/api/accounts/${id}`, { notes: 'pwned' }],
    ['DELETE', 'account', (id) => `/api/accounts/${id}`],
    ['GET', 'contact', (id) => `/api/contacts/${id}`],
    ['PATCH', 'contact', (id) => `/api/contacts/${id}`, { title: 'pwned' }],
    ['DELETE', 'contact', (id) => `/api/contacts/${id}`],
    ['GET', 'interaction', (id) => `/api/interactions/${id}`],
    ['PATCH', 'interaction', (id) => `/api/interactions/${id}`, { notes: 'pwned' }],
    ['DELETE', 'interaction', (id) => `/api/interactions/${id}`],
    ['GET', 'privateInteraction', (id) => `/api/interactions/${id}`],
    ['DELETE', 'token', (id) => `/api/tokens/${id}`],
    ['POST', 'reminder', (id) => `/api/reminders/${id}/done`],
    ['POST', 'reminder', (id) => `/api/reminders/${id}/dismiss`],
    ['POST', 'reminder', (id) => `/api/reminders/${id}/snooze`, { until: '2999-01-01T00:00:00.000Z' }],
    ['PATCH', 'user', (id) => `/api/users/${id}`, { name: 'pwned' }],
    ['PATCH', 'user', (id) => `/api/users/${id}`, { role: 'admin' }, ['admin']],
    ['POST', 'user', (id) => `/api/users/${id}/deactivate`, { reassignTo: uuidv7() }, ['admin']],
    ['DELETE', 'invite', (id) => `/api/invites/${id}`, undefined, ['manager', 'admin']],
  ];

  for (const [method, kind, path, body, roles] of byId) {
    it(`${method} ${path(':id')} on their ${kind} answers as for a missing id`, async () => {
      for (const role of roles ?? (['member', 'manager', 'admin'] as const)) {
        const token = a[role].token;
        const missingId = kind === 'reminder' ? `rem-${uuidv7()}` : uuidv7();
        const foreign = await call(method, path(theirs[kind as keyof typeof theirs]), { token, body });
        const missing = await call(method, path(missingId), { token, body });
        expect(foreign.status).toBe(404);
        expect(foreign.text).toBe(missing.text);
        expect(foreign.headers.get('content-type')).toContain('application/problem+json');
      }
    });
  }

  it('refuses to create over their ids exactly as over an id of its own', async () => {
    const cases: [string, unknown, unknown][] = [
      ['/api/accounts', account({ id: theirs.account }), account()],
      ['/api/contacts', contact({ id: theirs.contact }), contact()],
      ['/api/interactions', interaction({ id: theirs.interaction }), interaction()],
    ];
    for (const [path, foreignBody, ownBody] of cases) {
      const foreign = await call('POST', path, { token: a.admin.token, body: foreignBody });
      expect(foreign.status).toBe(409);
      if (path !== '/api/interactions') {
        await call('POST', path, { token: a.admin.token, body: ownBody });
        const own = await call('POST', path, { token: a.admin.token, body: ownBody });
        expect(foreign.text).toBe(own.text);
      }
    }
  });

  it('refuses their account as a reference, as it refuses a missing one', async () => {
    const missing = uuidv7();
    const asRef = async (accountId: string) =>
      call('POST', '/api/contacts', { token: a.member.token, body: contact({ accountId }) });
    const foreign = await asRef(theirs.account);
    const none = await asRef(missing);
    expect(foreign.status).toBe(404);
    expect(foreign.text.replace(theirs.account, 'ID')).toBe(none.text.replace(missing, 'ID'));
    const linked = await call('POST', '/api/interactions', {
      token: a.member.token,
      body: interaction({ contactIds: [theirs.contact] }),
    });
    expect(linked.status).toBe(404);
  });

  it('never lists, looks up or exports their records', async () => {
    for (const role of ['member', 'manager', 'admin'] as const) {
      const token = a[role].token;
      const texts = await Promise.all(
        [
          '/api/accounts?limit=200',
          '/api/contacts?limit=200',
          `/api/contacts?accountId=${theirs.account}`,
          '/api/interactions?limit=200',
          `/api/interactions?accountId=${theirs.account}`,
          `/api/interactions?userId=${b.member.user.id}`,
          '/api/reminders?state=all',
          ...PLURALS.map((p) => `/api/${p}?limit=200`),
          ...PLURALS.map((p) => `/api/${p}?accountId=${theirs.account}`),
          '/api/health',
          '/api/tokens?includeInactive=true',
          `/api/sync/pull?clientId=${uuidv7()}`,
          '/api/users?includeFormer=true&limit=200',
          '/api/settings',
          ...(role === 'member'
            ? []
            : ['/api/export/interactions.csv', '/api/summary', '/api/invites?limit=200']),
        ].map(async (p) => (await call('GET', p, { token })).text),
      );
      for (const text of texts)
        for (const id of [...Object.values(theirs), ...Object.values(theirPlan)])
          expect(text).not.toContain(id);
      for (const text of texts) expect(text).not.toContain('Their secret plan');
      const byEmail = await call('GET', `/api/lookup?email=${encodeURIComponent(theirEmail)}`, { token });
      const byDomain = await call('GET', `/api/lookup?email=x@${theirDomain}`, { token });
      expect(byEmail.json).toMatchObject({ matchedBy: null, contact: null, account: null });
      expect(byDomain.json).toMatchObject({ matchedBy: null, contact: null, account: null });
    }
  }, 30_000);

  it('imports into its own org only, even with their emails and account names', async () => {
    const theirAccount = (await call('GET', `/api/accounts/${theirs.account}`, { token: b.admin.token }))
      .json;
    const res = await call('POST', '/api/import/contacts', {
      token: a.admin.token,
      body: `name,email,account\nX,${theirEmail},\nY,y@${theirDomain},${theirAccount.name}`,
      headers: { 'content-type': 'text/csv' },
    });
    expect(res.json).toEqual({ created: 1, skipped: [{ row: 3, reason: 'Unknown account' }] });
    // Their side is untouched by everything above.
    const still = await call('GET', `/api/accounts/${theirs.account}`, { token: b.admin.token });
    expect(still.json).toMatchObject({ notes: theirAccount.notes, deletedAt: null });
    const inter = await call('GET', `/api/interactions/${theirs.interaction}`, { token: b.member.token });
    expect(inter.json).toMatchObject({ notes: expect.not.stringContaining('pwned'), deletedAt: null });
    const reminders = await call('GET', '/api/reminders', { token: b.member.token });
    expect(reminders.json.items[0]).toMatchObject({ id: theirs.reminder, state: 'open' });
    expect((await call('GET', '/api/me', { token: b.member.token })).status).toBe(200);
    expect((await call('GET', '/api/me', { token: b.member.token })).json.user).toMatchObject({
      active: true,
      role: 'member',
    });
    const pending = await call('GET', '/api/invites', { token: b.admin.token });
    expect(pending.json.items.map((i: { id: string }) => i.id)).toContain(theirs.invite);
  });
});
