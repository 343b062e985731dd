import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { uuidv7 } from '../../shared/uuid.ts';
import { ROUTES } from '../../worker/openapi/routes.ts';
import { account, call, contact, createTeam, interaction, inviteUser } from './helpers.ts';
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

/** Runs per route: enough to shake every parser, bounded so the file stays well under a minute. */
const RUNS = 30;
const ascii = (max: number) => fc.stringMatching(new RegExp(`^[\\x20-\\x7e]{0,${max}}$`));

const jsonish = fc.oneof(
  fc.jsonValue({ maxDepth: 3 }),
  fc.dictionary(
    fc.constantFrom(
      'id',
      'name',
      'email',
      'role',
      'code',
      'device',
      'tier',
      'until',
      'preset',
      'mutations',
      'clientId',
      'accountId',
      'objectiveId',
      'level',
      'escalation',
      '__proto__',
      'constructor',
    ),
    fc.jsonValue({ maxDepth: 2 }),
  ),
);

const bodyArb = fc.oneof(
  jsonish.map((v) => JSON.stringify(v)),
  fc.string({ maxLength: 200 }),
  fc.constantFrom('', '{', '[]', 'null', '{"a":', 'name,email\n"x', 'name,email\nA,a@b.test', '\u0000\uffff'),
  fc.constant(undefined),
);

const queryArb = (keys: string[]) =>
  fc
    .dictionary(
      fc.oneof(fc.constantFrom(...keys, 'limit', 'cursor', 'x'), fc.string({ maxLength: 10 })),
      fc.oneof(
        fc.string({ maxLength: 40 }),
        fc.integer().map(String),
        fc.constantFrom('', 'true', '2026-01-01T00:00:00Z', 'W10', 'WyJhIiwiYiJd', '-1', '1e309', 'NaN'),
      ),
      { maxKeys: 4 },
    )
    .map((q) => new URLSearchParams(q).toString());

const paramArb = (real: string[]) =>
  fc.oneof(
    fc.uuid(),
    fc.string({ maxLength: 80 }),
    fc.constantFrom('..', '%00', "1' OR '1'='1", 'a'.repeat(600)),
    fc.constantFrom(...real),
  );

/** Ids of real records in the fuzzed org, so example bodies reach the mutators' deeper checks. */
const real = { account: uuidv7(), objective: uuidv7(), user: uuidv7() };

/** A valid body per route, which the fuzzer bends one field at a time to reach the deeper checks. */
function example(method: string, path: string): unknown {
  const key = `${method} ${path}`;
  const plans: Record<string, unknown> = {
    'put /api/plans/:accountId': plan(),
    'post /api/objectives': objective(real.account, real.user),
    'patch /api/objectives/:id': { target: 99, weight: 5 },
    'post /api/measurements': measurement(real.objective),
    'patch /api/measurements/:id': { value: 1, measuredOn: '2026-01-01' },
    'post /api/reviews': review(real.account),
    'patch /api/reviews/:id': { ourRating: 5, theirRating: null },
    'post /api/milestones': milestone(real.account),
    'patch /api/milestones/:id': { achievedOn: '2026-01-02', celebratedOn: '2026-01-01' },
    'post /api/responsibilities': responsibility(real.account, { userId: real.user }),
    'patch /api/responsibilities/:id': { role: 'A', contactId: null },
    'post /api/commitments': commitment(real.account, real.user),
    'patch /api/commitments/:id': { state: 'kept', closedOn: '2026-01-01' },
    'post /api/conflicts': conflict(real.account, real.user),
    'patch /api/conflicts/:id': { level: 2, state: 'resolved' },
  };
  if (key in plans) return plans[key];
  if (key === 'post /api/import/contacts') return 'name,email,title,account\nAnn,ann@acme.test,CEO,';
  const bodies: Record<string, unknown> = {
    'post /api/setup': { org: { name: 'X' }, admin: { name: 'A', email: 'a@a.test', timeZone: 'UTC' } },
    'post /api/invites': { email: 'new@x.test', role: 'member' },
    'post /api/auth/redeem': { code: 'rinv_nope', device: 'd' },
    'post /api/accounts': account(),
    'patch /api/accounts/:id': { notes: 'n', tier: 'tactical' },
    'post /api/contacts': contact(),
    'patch /api/contacts/:id': { title: 't', emails: ['a@b.test'] },
    'post /api/interactions': interaction(),
    'patch /api/interactions/:id': { notes: 'n', tag: 'tactical' },
    'post /api/reminders/:id/snooze': { until: '2999-01-01T00:00:00Z' },
    'patch /api/me': {
      name: 'N',
      timeZone: 'UTC',
      workingHours: { days: [1], start: '09:00', end: '17:00' },
    },
    'patch /api/users/:id': { name: 'N', role: 'member' },
    'post /api/users/:id/deactivate': { reassignTo: uuidv7() },
    'patch /api/settings': {
      cadenceDays: { strategic: 10 },
      holidays: ['2026-12-24'],
      internalDomains: ['x.test'],
    },
    'post /api/sync/push': {
      clientId: uuidv7(),
      mutations: [{ id: 1, name: 'account.put', args: account() }],
    },
  };
  return bodies[key] ?? {};
}

const bentArb = (base: unknown) =>
  typeof base === 'string'
    ? fc.oneof(
        fc.constant(base),
        fc.string({ maxLength: 100 }).map((x) => base + x),
      )
    : fc.oneof(
        fc.constant(JSON.stringify(base)),
        fc
          .tuple(
            fc.constantFrom(...Object.keys(base as object), 'extra', 'orgId', 'userId'),
            fc.jsonValue({ maxDepth: 2 }),
          )
          .map(([k, v]) => JSON.stringify({ ...(base as object), [k]: v })),
      );

describe('fuzzing every route (design §12)', () => {
  let tokens: { admin: string; member: string }[];
  const realIds: string[] = [];

  beforeAll(async () => {
    const team = await createTeam();
    const acc = account();
    const con = contact();
    const inter = interaction();
    await call('POST', '/api/accounts', { token: team.admin.token, body: acc });
    await call('POST', '/api/contacts', { token: team.admin.token, body: con });
    await call('POST', '/api/interactions', { token: team.admin.token, body: inter });
    realIds.push(acc.id, con.id, inter.id);
    real.account = acc.id;
    real.user = team.admin.user.id;
    await call('PUT', `/api/plans/${acc.id}`, { token: team.admin.token, body: plan() });
    const o = objective(acc.id, team.admin.user.id);
    await call('POST', '/api/objectives', { token: team.admin.token, body: o });
    real.objective = o.id;
    realIds.push(o.id);
    // Fresh tokens per route, so the per-token rate limit never decides an answer.
    tokens = await Promise.all(
      ROUTES.map(async () => ({
        admin: (await inviteUser(team.admin.token, 'admin')).token,
        member: (await inviteUser(team.admin.token, 'member')).token,
      })),
    );
  }, 60_000);

  for (const [index, route] of ROUTES.entries()) {
    it(`${route.method.toUpperCase()} ${route.path}`, async () => {
      const queryKeys = route.query ? Object.keys(route.query.shape) : ['q'];
      const base = example(route.method, route.path);
      const goodType = typeof base === 'string' ? 'text/csv' : 'application/json';
      await fc.assert(
        fc.asyncProperty(
          paramArb(realIds),
          queryArb(queryKeys),
          fc.oneof({ arbitrary: bentArb(base), weight: 3 }, { arbitrary: bodyArb, weight: 2 }),
          fc.oneof(
            { arbitrary: fc.constant(goodType), weight: 4 },
            fc.constantFrom(
              'application/json',
              'text/csv',
              'text/plain',
              'application/problem+json',
              'multipart/form-data',
            ),
            ascii(40),
          ),
          fc.constantFrom('admin', 'admin', 'admin', 'member', 'member', 'none', 'garbage') as fc.Arbitrary<
            'admin' | 'member' | 'none' | 'garbage'
          >,
          fc.dictionary(
            fc.constantFrom('accept', 'x-forwarded-for', 'origin', 'cookie', 'if-none-match', 'range'),
            ascii(60),
            {
              maxKeys: 3,
            },
          ),
          async (param, qs, body, contentType, who, extra) => {
            const path =
              route.path.replace(/:(\w+)/g, () => encodeURIComponent(param)) + (qs ? `?${qs}` : '');
            const t = tokens[index]!;
            const headers: Record<string, string> = { ...extra, 'content-type': contentType };
            if (who === 'garbage') headers.authorization = 'Bearer rap_garbage';
            const hasBody = route.method !== 'get' && body !== undefined;
            const res = await call(route.method.toUpperCase(), path, {
              token: who === 'admin' ? t.admin : who === 'member' ? t.member : undefined,
              body: hasBody ? body : undefined,
              headers,
            });
            expect(res.status, `${res.status} ${res.text}`).toBeLessThan(500);
            expect(res.text).not.toMatch(/\bat \S+ \([^)]*:\d+:\d+\)|\.ts:\d+:\d+/);
            if (res.status >= 400) {
              expect(res.headers.get('content-type')).toContain('application/problem+json');
              expect(res.json).toMatchObject({
                type: expect.any(String),
                title: expect.any(String),
                status: res.status,
              });
            }
          },
        ),
        { numRuns: RUNS },
      );
    }, 30_000);
  }
});
