import { env } from 'cloudflare:workers';
import { beforeAll, describe, expect, it } from 'vitest';
import { uuidv7 } from '../../shared/uuid.ts';
import {
  account,
  call,
  contact,
  createTeam,
  interaction,
  inviteUser,
  SETUP_TOKEN,
  seedReminder,
  servedRoutes,
  type TestUser,
} from './helpers.ts';
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

type Who = 'none' | 'member' | 'manager' | 'admin';
type Team = Awaited<ReturnType<typeof createTeam>>;
interface Req {
  path: string;
  body?: unknown;
  headers?: Record<string, string>;
}
interface Row {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** OpenAPI-style path, as servedRoutes() lists it. */
  route: string;
  /** Expected status per caller, from design §7. */
  expect: Record<Who, number>;
  /** Builds a fresh request for this caller (fixtures it may act on). */
  req: (team: Team, who: Who, me: TestUser | undefined) => Promise<Req> | Req;
}

const all = (status: number, none = 401): Record<Who, number> => ({
  none,
  member: status,
  manager: status,
  admin: status,
});
const managersOnly = (status: number): Record<Who, number> => ({
  none: 401,
  member: 403,
  manager: status,
  admin: status,
});
/** Directory writes: the owner, a manager or an admin. The fixture is owned by the admin, so a member is refused. */
const ownerOrManager = managersOnly;

const adminAccount = async (team: Team) =>
  (await call('POST', '/api/accounts', { token: team.admin.token, body: account() })).json.id as string;
const adminContact = async (team: Team) =>
  (await call('POST', '/api/contacts', { token: team.admin.token, body: contact() })).json.id as string;
/** An interaction of the caller's own; for no caller, the member's. */
const ownInteraction = async (team: Team, me: TestUser | undefined) => {
  const body = interaction();
  await call('POST', '/api/interactions', { token: (me ?? team.member).token, body });
  return body.id;
};
const ownReminder = (team: Team, me: TestUser | undefined) =>
  seedReminder(env.DB, team.org.id, (me ?? team.member).user.id);
const csv = { 'content-type': 'text/csv' };
const adminOnly = (status: number): Record<Who, number> => ({
  none: 401,
  member: 403,
  manager: 403,
  admin: status,
});
/** A pending invite of the org, fresh per caller. */
const pendingInvite = async (team: Team) =>
  (
    await call('POST', '/api/invites', {
      token: team.admin.token,
      body: { email: `${uuidv7()}@new.test`, role: 'member' },
    })
  ).json as { id: string; code: string };

/** Design §13: people, invites and settings. */
const PEOPLE_ROWS: Row[] = [
  {
    method: 'GET',
    route: '/api/auth/invite',
    // Anyone holding a code, signed in or not.
    expect: all(200, 200),
    req: async (team) => ({
      path: `/api/auth/invite?code=${encodeURIComponent((await pendingInvite(team)).code)}`,
    }),
  },
  {
    method: 'PATCH',
    route: '/api/me',
    expect: all(200),
    req: () => ({ path: '/api/me', body: { timeZone: 'UTC' } }),
  },
  { method: 'GET', route: '/api/users', expect: all(200), req: () => ({ path: '/api/users' }) },
  {
    method: 'PATCH',
    route: '/api/users/{id}',
    // Another person's profile or role: an admin only (one's own profile is anyone's, see people.test.ts).
    expect: adminOnly(200),
    req: async (team) => ({
      path: `/api/users/${(await inviteUser(team.admin.token, 'member')).user.id}`,
      body: { name: 'Renamed', role: 'manager' },
    }),
  },
  {
    method: 'POST',
    route: '/api/users/{id}/deactivate',
    expect: adminOnly(200),
    req: async (team) => ({
      path: `/api/users/${(await inviteUser(team.admin.token, 'member')).user.id}/deactivate`,
      body: { reassignTo: team.admin.user.id },
    }),
  },
  { method: 'GET', route: '/api/invites', expect: managersOnly(200), req: () => ({ path: '/api/invites' }) },
  {
    method: 'DELETE',
    route: '/api/invites/{id}',
    expect: managersOnly(204),
    req: async (team) => ({ path: `/api/invites/${(await pendingInvite(team)).id}` }),
  },
  { method: 'GET', route: '/api/settings', expect: all(200), req: () => ({ path: '/api/settings' }) },
  {
    method: 'PATCH',
    route: '/api/settings',
    expect: adminOnly(200),
    req: () => ({ path: '/api/settings', body: { escalationDays: 8 } }),
  },
];

/** Design §7, one row per route. */
const TABLE: Row[] = [
  { method: 'GET', route: '/healthz', expect: all(200, 200), req: () => ({ path: '/healthz' }) },
  {
    method: 'POST',
    route: '/api/setup',
    // Only the SETUP_TOKEN opens it: an API token of any role is not it.
    expect: all(401),
    req: () => ({
      path: '/api/setup',
      body: { org: { name: `Org ${uuidv7()}` }, admin: { name: 'A', email: 'a@a.test', timeZone: 'UTC' } },
    }),
  },
  {
    method: 'POST',
    route: '/api/invites',
    expect: managersOnly(201),
    req: () => ({ path: '/api/invites', body: { email: `${uuidv7()}@new.test`, role: 'member' } }),
  },
  {
    method: 'POST',
    route: '/api/auth/redeem',
    // Anyone holding a code, signed in or not.
    expect: all(201, 201),
    req: async (team) => {
      const invite = await call('POST', '/api/invites', {
        token: team.admin.token,
        body: { email: `${uuidv7()}@new.test`, role: 'member' },
      });
      return { path: '/api/auth/redeem', body: { code: invite.json.code, device: 'd' } };
    },
  },
  { method: 'GET', route: '/api/me', expect: all(200), req: () => ({ path: '/api/me' }) },
  { method: 'GET', route: '/api/tokens', expect: all(200), req: () => ({ path: '/api/tokens' }) },
  {
    method: 'DELETE',
    route: '/api/tokens/{id}',
    // One's own token, for everyone.
    expect: all(204),
    req: async (team, _who, me) => {
      const who = me ?? team.member;
      const again = await inviteUser(
        team.admin.token,
        who.user.role as 'member' | 'manager' | 'admin',
        who.user.email,
      );
      const listed = await call('GET', '/api/tokens', { token: again.token });
      const id = listed.json.items.find((t: { current: boolean }) => t.current).id;
      return { path: `/api/tokens/${id}` };
    },
  },
  {
    method: 'POST',
    route: '/api/auth/web-link',
    expect: all(201),
    req: () => ({ path: '/api/auth/web-link' }),
  },
  {
    method: 'GET',
    route: '/api/lookup',
    expect: all(200),
    req: () => ({ path: '/api/lookup?email=x@acme.test' }),
  },
  { method: 'GET', route: '/api/accounts', expect: all(200), req: () => ({ path: '/api/accounts?q=a' }) },
  {
    method: 'GET',
    route: '/api/accounts/{id}',
    expect: all(200),
    req: async (team) => ({ path: `/api/accounts/${await adminAccount(team)}` }),
  },
  // Anyone may create an account; they become its owner.
  {
    method: 'POST',
    route: '/api/accounts',
    expect: all(201),
    req: () => ({ path: '/api/accounts', body: account() }),
  },
  {
    method: 'PATCH',
    route: '/api/accounts/{id}',
    expect: ownerOrManager(200),
    req: async (team) => ({ path: `/api/accounts/${await adminAccount(team)}`, body: { notes: 'n' } }),
  },
  {
    method: 'DELETE',
    route: '/api/accounts/{id}',
    expect: ownerOrManager(204),
    req: async (team) => ({ path: `/api/accounts/${await adminAccount(team)}` }),
  },
  { method: 'GET', route: '/api/contacts', expect: all(200), req: () => ({ path: '/api/contacts' }) },
  {
    method: 'GET',
    route: '/api/contacts/{id}',
    expect: all(200),
    req: async (team) => ({ path: `/api/contacts/${await adminContact(team)}` }),
  },
  {
    method: 'POST',
    route: '/api/contacts',
    expect: all(201),
    req: () => ({ path: '/api/contacts', body: contact() }),
  },
  {
    method: 'PATCH',
    route: '/api/contacts/{id}',
    expect: all(200),
    req: async (team) => ({ path: `/api/contacts/${await adminContact(team)}`, body: { title: 'T' } }),
  },
  {
    method: 'DELETE',
    route: '/api/contacts/{id}',
    expect: all(204),
    req: async (team) => ({ path: `/api/contacts/${await adminContact(team)}` }),
  },
  { method: 'GET', route: '/api/interactions', expect: all(200), req: () => ({ path: '/api/interactions' }) },
  {
    method: 'GET',
    route: '/api/interactions/{id}',
    expect: all(200),
    req: async (team, _who, me) => ({ path: `/api/interactions/${await ownInteraction(team, me)}` }),
  },
  {
    method: 'POST',
    route: '/api/interactions',
    expect: all(201),
    req: () => ({ path: '/api/interactions', body: interaction() }),
  },
  {
    method: 'PATCH',
    route: '/api/interactions/{id}',
    expect: all(200),
    req: async (team, _who, me) => ({
      path: `/api/interactions/${await ownInteraction(team, me)}`,
      body: { notes: 'n' },
    }),
  },
  {
    method: 'DELETE',
    route: '/api/interactions/{id}',
    expect: all(204),
    req: async (team, _who, me) => ({ path: `/api/interactions/${await ownInteraction(team, me)}` }),
  },
  { method: 'GET', route: '/api/reminders', expect: all(200), req: () => ({ path: '/api/reminders' }) },
  ...(['done', 'dismiss', 'snooze'] as const).map(
    (action): Row => ({
      method: 'POST',
      route: `/api/reminders/{id}/${action}`,
      expect: all(200),
      req: async (team, _who, me) => ({
        path: `/api/reminders/${await ownReminder(team, me)}/${action}`,
        body: action === 'snooze' ? { until: '2999-01-01T09:00:00.000Z' } : undefined,
      }),
    }),
  ),
  {
    method: 'POST',
    route: '/api/sync/push',
    expect: all(200),
    req: () => ({ path: '/api/sync/push', body: { clientId: uuidv7(), mutations: [] } }),
  },
  {
    method: 'GET',
    route: '/api/sync/pull',
    expect: all(200),
    req: () => ({ path: `/api/sync/pull?clientId=${uuidv7()}` }),
  },
  { method: 'GET', route: '/api/summary', expect: managersOnly(200), req: () => ({ path: '/api/summary' }) },
  {
    method: 'GET',
    route: '/api/export/interactions.csv',
    expect: managersOnly(200),
    req: () => ({ path: '/api/export/interactions.csv' }),
  },
  {
    method: 'POST',
    route: '/api/import/contacts',
    expect: managersOnly(200),
    req: () => ({ path: '/api/import/contacts', body: `name,email\nP,${uuidv7()}@p.test`, headers: csv }),
  },
  ...PEOPLE_ROWS,
  ...planRows(),
  {
    method: 'GET',
    route: '/api/openapi.json',
    expect: all(200, 200),
    req: () => ({ path: '/api/openapi.json' }),
  },
];

/**
 * Design §14: the plan, objectives and responsibilities are the account owner's, a manager's or
 * an admin's to write; anyone records the rest, but changing someone else's record needs the
 * owner, a manager or an admin. Every fixture below is on an account the admin owns and was
 * written by the admin, so a member is refused wherever the rule is not "anyone may".
 */
function planRows(): Row[] {
  const onAccount = async (team: Team) => {
    const acc = await adminAccount(team);
    await call('PUT', `/api/plans/${acc}`, { token: team.admin.token, body: plan() });
    return acc;
  };
  const adminObjective = async (team: Team, acc?: string) => {
    const body = objective(acc ?? (await adminAccount(team)), team.admin.user.id);
    await call('POST', '/api/objectives', { token: team.admin.token, body });
    return body.id;
  };
  type Make = (team: Team, me: TestUser) => Promise<Record<string, unknown>>;
  const records: { plural: string; rule: 'owner' | 'anyone'; body: Make }[] = [
    {
      plural: 'objectives',
      rule: 'owner',
      body: async (team) => objective(await adminAccount(team), team.admin.user.id),
    },
    { plural: 'measurements', rule: 'anyone', body: async (team) => measurement(await adminObjective(team)) },
    { plural: 'reviews', rule: 'anyone', body: async (team) => review(await adminAccount(team)) },
    { plural: 'milestones', rule: 'anyone', body: async (team) => milestone(await adminAccount(team)) },
    {
      plural: 'responsibilities',
      rule: 'owner',
      body: async (team) => responsibility(await adminAccount(team), { userId: team.admin.user.id }),
    },
    {
      plural: 'commitments',
      rule: 'anyone',
      body: async (team, me) => commitment(await adminAccount(team), me.user.id),
    },
    {
      plural: 'conflicts',
      rule: 'anyone',
      body: async (team, me) => conflict(await adminAccount(team), me.user.id),
    },
  ];
  /** A record the admin wrote, for the caller to read, change or delete. */
  const adminRecord = async (team: Team, r: (typeof records)[number]) => {
    const body = await r.body(team, team.admin);
    const res = await call('POST', `/api/${r.plural}`, { token: team.admin.token, body });
    if (res.status !== 201) throw new Error(`${r.plural}: ${res.status} ${res.text}`);
    return body.id as string;
  };
  const patches: Record<string, unknown> = {
    objectives: { title: 'Fill rate' },
    measurements: { value: 90 },
    reviews: { ourRating: 4 },
    milestones: { lesson: 'Start early' },
    responsibilities: { role: 'R' },
    commitments: { what: 'Call back' },
    conflicts: { severity: 'low' },
  };
  return [
    {
      method: 'GET',
      route: '/api/accounts/{id}/plan',
      expect: all(200),
      req: async (team) => ({ path: `/api/accounts/${await onAccount(team)}/plan` }),
    },
    {
      method: 'GET',
      route: '/api/plans/{accountId}',
      expect: all(200),
      req: async (team) => ({ path: `/api/plans/${await onAccount(team)}` }),
    },
    {
      method: 'PUT',
      route: '/api/plans/{accountId}',
      expect: ownerOrManager(201),
      req: async (team) => ({ path: `/api/plans/${await adminAccount(team)}`, body: plan() }),
    },
    {
      method: 'DELETE',
      route: '/api/plans/{accountId}',
      expect: ownerOrManager(204),
      req: async (team) => ({ path: `/api/plans/${await onAccount(team)}` }),
    },
    ...records.flatMap((r): Row[] => [
      {
        method: 'GET',
        route: `/api/${r.plural}`,
        expect: all(200),
        req: () => ({ path: `/api/${r.plural}` }),
      },
      {
        method: 'GET',
        route: `/api/${r.plural}/{id}`,
        expect: all(200),
        req: async (team) => ({ path: `/api/${r.plural}/${await adminRecord(team, r)}` }),
      },
      {
        method: 'POST',
        route: `/api/${r.plural}`,
        expect: r.rule === 'owner' ? ownerOrManager(201) : all(201),
        req: async (team, _who, me) => ({
          path: `/api/${r.plural}`,
          body: await r.body(team, me ?? team.member),
        }),
      },
      {
        method: 'PATCH',
        route: `/api/${r.plural}/{id}`,
        expect: ownerOrManager(200),
        req: async (team) => ({
          path: `/api/${r.plural}/${await adminRecord(team, r)}`,
          body: patches[r.plural],
        }),
      },
      {
        method: 'DELETE',
        route: `/api/${r.plural}/{id}`,
        expect: ownerOrManager(204),
        req: async (team) => ({ path: `/api/${r.plural}/${await adminRecord(team, r)}` }),
      },
    ]),
    {
      method: 'GET',
      route: '/api/health',
      expect: all(200),
      req: () => ({ path: '/api/health?band=watch' }),
    },
  ];
}

/** Who reads whose interactions (§7: member own, manager the team). */
const PRIVATE_READ: Record<Who, number> = { none: 401, member: 404, manager: 200, admin: 200 };

describe('roles (design §7)', () => {
  let team: Team;
  beforeAll(async () => {
    team = await createTeam();
  });

  it('has a row for every route the Worker serves', () => {
    const tabled = TABLE.map((r) => `${r.method.toLowerCase()} ${r.route}`).sort();
    expect(tabled).toEqual(servedRoutes());
  });

  for (const row of TABLE) {
    it(`${row.method} ${row.route}`, async () => {
      const got: Record<string, number> = {};
      for (const who of ['none', 'member', 'manager', 'admin'] as const) {
        const me = who === 'none' ? undefined : team[who];
        const req = await row.req(team, who, me);
        const token = row.route === '/api/setup' && who === 'none' ? undefined : me?.token;
        const res = await call(row.method, req.path, { token, body: req.body, headers: req.headers });
        got[who] = res.status;
        if (res.status >= 400) expect(res.headers.get('content-type')).toContain('application/problem+json');
      }
      expect(got).toEqual(row.expect);
      // Four callers, each with its own setup writes: room for a busy machine.
    }, 20_000);
  }

  it('lets managers and admins read a member’s interactions, and other members not their private ones', async () => {
    const body = interaction({ visibility: 'private' });
    await call('POST', '/api/interactions', { token: team.member.token, body });
    const other = await inviteUser(team.admin.token, 'member');
    const callers: Record<Who, string | undefined> = {
      none: undefined,
      member: other.token,
      manager: team.manager.token,
      admin: team.admin.token,
    };
    const got: Record<string, number> = {};
    for (const who of ['none', 'member', 'manager', 'admin'] as const)
      got[who] = (await call('GET', `/api/interactions/${body.id}`, { token: callers[who] })).status;
    expect(got).toEqual(PRIVATE_READ);
    const asManager = await call('GET', `/api/interactions/${body.id}`, { token: team.manager.token });
    expect(asManager.json.title).toBe('Private interaction');
    const list = await call('GET', `/api/interactions?userId=${team.member.user.id}`, {
      token: team.manager.token,
    });
    expect(list.json.items.map((i: { id: string }) => i.id)).toContain(body.id);
  });

  it('sets up with the setup token only', async () => {
    const res = await call('POST', '/api/setup', {
      token: SETUP_TOKEN,
      body: { org: { name: `Org ${uuidv7()}` }, admin: { name: 'A', email: 'a@a.test', timeZone: 'UTC' } },
    });
    expect(res.status).toBe(201);
  });
});
