import { env } from 'cloudflare:workers';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { PullResponse } from '../../shared/schemas/index.ts';
import { uuidv7 } from '../../shared/uuid.ts';
import { account, call, createOrg } from './helpers.ts';
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

// Design §12 for every plan mutation (§14): over random schedules of drops (before or after the
// server applied a push), duplicates, late replays and pushes that skip ahead, from two clients of
// one person, each acknowledged mutation applies exactly once, in server order, and pull converges
// both replicas to the server, tombstones included. The model replays the audit log's order.

type Kind =
  | 'plan'
  | 'objective'
  | 'measurement'
  | 'review'
  | 'milestone'
  | 'responsibility'
  | 'commitment'
  | 'conflict';
type Spec = { kind: Kind; op: 'put' | 'delete'; i: number; v: number };
type Step = { client: 0 | 1; op: 'send' | 'pull' | 'replay' | 'skip'; n: number; fate: Fate };
type Fate = 'ok' | 'lostBefore' | 'lostAfter' | 'dup';
type Envelope = { id: number; name: string; args: unknown };

const KINDS: Kind[] = [
  'plan',
  'objective',
  'measurement',
  'review',
  'milestone',
  'responsibility',
  'commitment',
  'conflict',
];
const TABLE: Record<Kind, string> = {
  plan: 'plans',
  objective: 'objectives',
  measurement: 'measurements',
  review: 'reviews',
  milestone: 'milestones',
  responsibility: 'responsibilities',
  commitment: 'commitments',
  conflict: 'conflicts',
};
/** The wire field and column that every put of a spec sets from `v`, compared across server and replicas. */
const FIELD: Record<Kind, [string, string]> = {
  plan: ['vision', 'vision'],
  objective: ['title', 'title'],
  measurement: ['note', 'note'],
  review: ['decisions', 'decisions'],
  milestone: ['lesson', 'lesson'],
  responsibility: ['area', 'area'],
  commitment: ['what', 'what'],
  conflict: ['lesson', 'lesson'],
};

const specArb: fc.Arbitrary<Spec> = fc.record({
  kind: fc.constantFrom(...KINDS),
  op: fc.constantFrom('put' as const, 'put' as const, 'delete' as const),
  i: fc.nat(1),
  v: fc.nat(3),
});
const stepArb: fc.Arbitrary<Step> = fc.record({
  client: fc.constantFrom(0 as const, 1 as const),
  op: fc.constantFrom('send' as const, 'send' as const, 'pull' as const, 'replay' as const, 'skip' as const),
  n: fc.integer({ min: 1, max: 5 }),
  fate: fc.constantFrom('ok' as const, 'lostBefore' as const, 'lostAfter' as const, 'dup' as const),
});

interface Row {
  version: number;
  deletedAt: string | null;
  fields: string;
}

describe('plan sync properties', () => {
  it('applies every acknowledged plan mutation exactly once and converges both replicas', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(specArb, { minLength: 1, maxLength: 12 }),
        fc.array(specArb, { minLength: 1, maxLength: 12 }),
        fc.array(stepArb, { minLength: 3, maxLength: 16 }),
        async (specsA, specsB, steps) => {
          const { token, org, user } = await createOrg();
          const acc = account({ ownerId: user.id });
          await call('POST', '/api/accounts', { token, body: acc });
          // Two ids per kind; both plan ids are for the one account, so the second is refused while the first lives.
          const ids = Object.fromEntries(KINDS.map((k) => [k, [uuidv7(), uuidv7()]])) as Record<
            Kind,
            string[]
          >;
          const text = (s: Spec) => `${s.kind} ${s.i} v${s.v}`;
          const argsOf = (s: Spec): Record<string, unknown> => {
            const id = ids[s.kind][s.i]!;
            const t = text(s);
            switch (s.kind) {
              case 'plan':
                return { ...plan({ vision: t }), endsOn: null, id, accountId: acc.id };
              case 'objective':
                return objective(acc.id, user.id, { id, title: t });
              case 'measurement':
                return measurement(ids.objective[s.i]!, { id, note: t });
              case 'review':
                return review(acc.id, { id, decisions: t });
              case 'milestone':
                return milestone(acc.id, { id, lesson: t });
              case 'responsibility':
                return responsibility(acc.id, { id, area: t, userId: user.id });
              case 'commitment':
                return commitment(acc.id, user.id, { id, what: t });
              case 'conflict':
                return conflict(acc.id, user.id, { id, lesson: t, openedOn: '2099-01-05' });
            }
          };
          const toEnvelope = (s: Spec, n: number): Envelope =>
            s.op === 'delete'
              ? { id: n, name: `${s.kind}.delete`, args: { id: ids[s.kind][s.i] } }
              : { id: n, name: `${s.kind}.put`, args: argsOf(s) };
          const clients = [specsA, specsB].map((specs) => ({
            clientId: uuidv7(),
            specs,
            outbox: specs.map((s, i) => toEnvelope(s, i + 1)),
            acked: 0,
            sent: [] as Envelope[][],
            cookie: 0,
            replica: new Map<string, Row>(),
          }));
          type Client = (typeof clients)[number];
          const push = (c: Client, mutations: Envelope[]) =>
            call('POST', '/api/sync/push', { token, body: { clientId: c.clientId, mutations } });
          const learn = (c: Client, res: { status: number; json: any }) => {
            expect([200, 409]).toContain(res.status);
            if (res.status === 200) c.acked = Math.max(c.acked, res.json.lastMutationId);
          };
          const pull = async (c: Client) => {
            for (;;) {
              const res = await call('GET', `/api/sync/pull?clientId=${c.clientId}&cookie=${c.cookie}`, {
                token,
              });
              expect(res.status).toBe(200);
              const page = res.json as PullResponse;
              for (const kind of KINDS) {
                const [key] = FIELD[kind];
                for (const r of (page as any)[TABLE[kind]] as Record<string, unknown>[])
                  c.replica.set(r.id as string, {
                    version: r.version as number,
                    deletedAt: r.deletedAt as string | null,
                    fields: `${kind} ${String(r[key])}`,
                  });
              }
              c.cookie = page.cookie;
              c.acked = Math.max(c.acked, page.lastMutationId);
              if (!page.hasMore) return;
            }
          };

          for (const step of steps) {
            const c = clients[step.client]!;
            const unacked = c.outbox.filter((m) => m.id > c.acked);
            if (step.op === 'pull') await pull(c);
            else if (step.op === 'replay') {
              const old = c.sent[step.n % Math.max(1, c.sent.length)];
              if (old) learn(c, await push(c, old));
            } else if (step.op === 'skip') {
              if (unacked.length > 1) learn(c, await push(c, unacked.slice(1, 1 + step.n)));
            } else if (unacked.length > 0) {
              const body = unacked.slice(0, step.n);
              c.sent.push(body);
              if (step.fate === 'ok') learn(c, await push(c, body));
              else if (step.fate === 'lostAfter') expect([200, 409]).toContain((await push(c, body)).status);
              else if (step.fate === 'dup')
                for (const a of await Promise.all([push(c, body), push(c, body)])) learn(c, a);
            }
          }
          for (const c of clients)
            while (c.acked < c.outbox.length)
              learn(
                c,
                await push(
                  c,
                  c.outbox.filter((m) => m.id > c.acked),
                ),
              );
          for (const c of clients) await pull(c);

          // Exactly one audit row per mutation of each client, in id order.
          const audits = await env.DB.prepare(
            `SELECT json_extract(detail, '$.clientId') AS client, json_extract(detail, '$.mutationId') AS m, action
             FROM audit_log WHERE org_id = ? AND detail IS NOT NULL ORDER BY id`,
          )
            .bind(org.id)
            .all<{ client: string; m: number; action: string }>();
          for (const c of clients) {
            expect(audits.results.filter((a) => a.client === c.clientId).map((a) => a.m)).toEqual(
              c.outbox.map((m) => m.id),
            );
          }

          // Replay the server's order on a model: it agrees on what was valid and on the final rows.
          const model = new Map<string, { kind: Kind; deleted: boolean; fields: string }>();
          const specOf = new Map(clients.map((c) => [c.clientId, c.specs]));
          const live = (k: Kind, i: number) => {
            const m = model.get(ids[k][i]!);
            return m !== undefined && !m.deleted;
          };
          for (const a of audits.results) {
            const s = specOf.get(a.client)![a.m - 1]!;
            const id = ids[s.kind][s.i]!;
            const exists = model.has(id);
            let valid: boolean;
            if (s.op === 'delete') valid = exists;
            else if (s.kind === 'plan') valid = !live('plan', 1 - s.i);
            else if (s.kind === 'measurement') valid = live('objective', s.i);
            else valid = true;
            expect(a.action, JSON.stringify(s)).toBe(valid ? `${s.kind}.${s.op}` : 'mutation.rejected');
            if (!valid) continue;
            if (s.op === 'delete') model.set(id, { ...model.get(id)!, deleted: true });
            else model.set(id, { kind: s.kind, deleted: false, fields: `${s.kind} ${text(s)}` });
          }
          const server = new Map<string, Row>();
          for (const kind of KINDS) {
            const [, column] = FIELD[kind];
            const rows = await env.DB.prepare(
              `SELECT id, version, deleted_at, ${column} AS f FROM ${TABLE[kind]} WHERE org_id = ?`,
            )
              .bind(org.id)
              .all<{ id: string; version: number; deleted_at: string | null; f: string }>();
            for (const r of rows.results)
              server.set(r.id, { version: r.version, deletedAt: r.deleted_at, fields: `${kind} ${r.f}` });
          }
          expect(server.size).toBe(model.size);
          for (const [id, m] of model) {
            expect(server.get(id)).toMatchObject({ fields: m.fields });
            expect(server.get(id)!.deletedAt !== null).toBe(m.deleted);
          }
          const version = await env.DB.prepare('SELECT version FROM orgs WHERE id = ?')
            .bind(org.id)
            .first<number>('version');
          for (const c of clients) {
            expect(c.cookie).toBe(version);
            expect(new Map([...c.replica].sort())).toEqual(new Map([...server].sort()));
          }
        },
      ),
      { numRuns: 20 },
    );
  }, 180_000);
});
