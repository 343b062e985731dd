import { env } from 'cloudflare:workers';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { learn as learnWeights, NO_TEAM_WEIGHTS, type TeamWeights } from '../../shared/classify/team.ts';
import type { PullResponse, TeamWeightsRecord } from '../../shared/schemas/index.ts';
import { uuidv7 } from '../../shared/uuid.ts';
import { call, createOrg, interaction } from './helpers.ts';
import { expectDerivedConsistent } from './support/rollup-invariant.ts';

// Design §12: no acknowledged write is ever lost, and none is applied twice, over random
// schedules of drops (before or after the server applied a push), duplicates, late
// replays (reorders), pushes that skip ahead, and retries, from two clients of one person
// sharing ids. Then pull after push converges both replicas to the server, tombstones included,
// and the org's learned tag weights are exactly what the pure learner gives over the writes in
// the server's order: no lesson lost, none learned twice.

type Spec =
  | { kind: 'iput'; i: number; tag: 'tactical' | 'strategic'; day: number; acct: number | null }
  | { kind: 'idel'; i: number }
  | { kind: 'aput'; a: number; tier: 'tactical' | 'strategic' };
type Step = { client: 0 | 1; op: 'send' | 'pull' | 'replay' | 'skip'; n: number; fate: Fate };
type Fate = 'ok' | 'lostBefore' | 'lostAfter' | 'dup';
type Envelope = { id: number; name: string; args: unknown };

const specArb: fc.Arbitrary<Spec> = fc.oneof(
  fc.record({
    kind: fc.constant('iput' as const),
    i: fc.nat(3),
    tag: fc.constantFrom('tactical' as const, 'strategic' as const),
    day: fc.nat(4),
    acct: fc.option(fc.nat(1), { nil: null }),
  }),
  fc.record({ kind: fc.constant('idel' as const), i: fc.nat(3) }),
  fc.record({
    kind: fc.constant('aput' as const),
    a: fc.nat(1),
    tier: fc.constantFrom('tactical' as const, 'strategic' as const),
  }),
);
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
interface Client {
  clientId: string;
  outbox: Envelope[];
  specs: Spec[];
  acked: number;
  sent: Envelope[][];
  cookie: number;
  replica: Map<string, Row>;
  weights: TeamWeightsRecord | null;
}

const interactionFields = (r: { tag: string; occurredAt: string; accountId: string | null }) =>
  `${r.tag} ${r.occurredAt} ${r.accountId ?? '-'}`;
const accountFields = (r: { tier: string; name: string }) => `${r.tier} ${r.name}`;

describe('sync properties', () => {
  it('applies every acknowledged mutation exactly once and converges both replicas', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(specArb, { minLength: 1, maxLength: 12 }),
        fc.array(specArb, { minLength: 1, maxLength: 12 }),
        fc.array(stepArb, { minLength: 3, maxLength: 20 }),
        async (specsA, specsB, steps) => {
          const { token, org } = await createOrg();
          const iids = Array.from({ length: 4 }, () => uuidv7());
          const aids = Array.from({ length: 2 }, () => uuidv7());
          const toEnvelope = (s: Spec, id: number): Envelope => {
            if (s.kind === 'idel') return { id, name: 'interaction.delete', args: { id: iids[s.i] } };
            if (s.kind === 'aput') {
              const args = {
                id: aids[s.a]!,
                name: `Account ${s.a} ${s.tier}`,
                domains: [],
                stakeholder: 'customer',
              };
              return {
                id,
                name: 'account.put',
                args: {
                  ...args,
                  tier: s.tier,
                  cadenceDays: null,
                  ownerId: null,
                  startsOn: null,
                  endsOn: null,
                  notes: '',
                },
              };
            }
            const args = interaction({
              id: iids[s.i]!,
              tag: s.tag,
              occurredAt: `2026-11-${String(10 + s.day).padStart(2, '0')}T${String(8 + s.i).padStart(2, '0')}:00:00.000Z`,
              accountId: s.acct === null ? null : aids[s.acct]!,
            });
            return { id, name: 'interaction.put', args };
          };
          const clients: Client[] = [specsA, specsB].map((specs) => ({
            clientId: uuidv7(),
            specs,
            outbox: specs.map((s, i) => toEnvelope(s, i + 1)),
            acked: 0,
            sent: [],
            cookie: 0,
            replica: new Map(),
            weights: null,
          }));
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
              for (const r of page.interactions)
                c.replica.set(r.id, {
                  version: r.version,
                  deletedAt: r.deletedAt,
                  fields: interactionFields(r),
                });
              for (const r of page.accounts)
                c.replica.set(r.id, { version: r.version, deletedAt: r.deletedAt, fields: accountFields(r) });
              if (page.teamWeights) c.weights = page.teamWeights;
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
              else if (step.fate === 'dup') {
                const answers = await Promise.all([push(c, body), push(c, body)]);
                for (const a of answers) learn(c, a);
              }
            }
          }
          // Retry until everything is acknowledged, then pull.
          for (const c of clients) {
            while (c.acked < c.outbox.length)
              learn(
                c,
                await push(
                  c,
                  c.outbox.filter((m) => m.id > c.acked),
                ),
              );
          }
          for (const c of clients) await pull(c);

          // Exactly one audit row (applied or rejected) per mutation of each client, in id order.
          const audits = await env.DB.prepare(
            `SELECT json_extract(detail, '$.clientId') AS client, json_extract(detail, '$.mutationId') AS m, action
             FROM audit_log WHERE org_id = ? AND detail IS NOT NULL ORDER BY id`,
          )
            .bind(org.id)
            .all<{ client: string; m: number; action: string }>();
          for (const c of clients) {
            const mine = audits.results.filter((a) => a.client === c.clientId).map((a) => a.m);
            expect(mine).toEqual(c.outbox.map((m) => m.id));
          }
          expect(audits.results.length).toBe(clients[0]!.outbox.length + clients[1]!.outbox.length);

          // Replay the server's order on a model; it agrees on what was valid and on the final rows.
          const model = new Map<string, { deleted: boolean; fields: string }>();
          // The learner's inputs as the server saw them: each interaction's tag, each account's tier.
          const tags = new Map<string, { tag: string; deleted: boolean }>();
          const tiers = new Map<string, 'tactical' | 'strategic'>();
          let weights: TeamWeights = NO_TEAM_WEIGHTS;
          const specOf = new Map(clients.map((c) => [c.clientId, c.specs]));
          let writes = 0;
          for (const a of audits.results) {
            const s = specOf.get(a.client)![a.m - 1]!;
            const e = toEnvelope(s, a.m);
            const args = e.args as any;
            const valid =
              s.kind === 'aput' ||
              (s.kind === 'idel' && model.has(iids[s.i]!)) ||
              (s.kind === 'iput' && (s.acct === null || model.has(aids[s.acct]!)));
            expect(a.action, JSON.stringify(s)).toBe(valid ? e.name : 'mutation.rejected');
            if (!valid) continue;
            writes++;
            if (s.kind === 'aput') {
              model.set(args.id, { deleted: false, fields: accountFields(args) });
              tiers.set(args.id, args.tier);
            } else if (s.kind === 'idel') {
              model.set(args.id, { ...model.get(args.id)!, deleted: true });
              tags.set(args.id, { ...tags.get(args.id)!, deleted: true });
            } else {
              model.set(args.id, { deleted: false, fields: interactionFields(args) });
              // A new, restored or re-tagged team-visible interaction teaches (worker/sync/learning.ts).
              const before = tags.get(args.id);
              if (!before || before.deleted || before.tag !== args.tag) {
                const tier = args.accountId ? tiers.get(args.accountId)! : null;
                weights = learnWeights(weights, { ...args, accountTier: tier }, args.tag);
              }
              tags.set(args.id, { tag: args.tag, deleted: false });
            }
          }
          const server = new Map<string, Row>();
          const rows = await env.DB.prepare(
            `SELECT id, version, deleted_at, tag || ' ' || occurred_at || ' ' || coalesce(account_id, '-') AS fields
             FROM interactions WHERE org_id = ?
             UNION ALL SELECT id, version, deleted_at, tier || ' ' || name FROM accounts WHERE org_id = ?`,
          )
            .bind(org.id, org.id)
            .all<{ id: string; version: number; deleted_at: string | null; fields: string }>();
          for (const r of rows.results)
            server.set(r.id, { version: r.version, deletedAt: r.deleted_at, fields: r.fields });
          expect(server.size).toBe(model.size);
          for (const [id, m] of model) {
            expect(server.get(id)).toMatchObject({ fields: m.fields });
            expect(server.get(id)!.deletedAt !== null).toBe(m.deleted);
          }
          const version = await env.DB.prepare('SELECT version FROM orgs WHERE id = ?')
            .bind(org.id)
            .first<number>('version');
          // Each valid mutation bumped it once; reminder recomputes after the writes bump it too.
          expect(version).toBeGreaterThanOrEqual(writes);
          await expectDerivedConsistent(org.id);
          const stored = await env.DB.prepare('SELECT corrections, terms FROM team_weights WHERE org_id = ?')
            .bind(org.id)
            .first<{ corrections: number; terms: string }>();
          const learned = stored
            ? { corrections: stored.corrections, terms: JSON.parse(stored.terms) }
            : NO_TEAM_WEIGHTS;
          expect(learned).toEqual({ corrections: weights.corrections, terms: weights.terms });

          // Both replicas equal the server, tombstones and learned weights included.
          for (const c of clients) {
            expect(c.cookie).toBe(version);
            expect(new Map([...c.replica].sort())).toEqual(new Map([...server].sort()));
            expect(
              c.weights ? { corrections: c.weights.corrections, terms: c.weights.terms } : NO_TEAM_WEIGHTS,
            ).toEqual(learned);
          }
        },
      ),
      { numRuns: 25 },
    );
  }, 120_000);
});
