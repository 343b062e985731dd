import { eq, sql } from 'drizzle-orm';
import type { MutationEnvelope, PushRequest, PushResponse } from '../../shared/schemas/index.ts';
import type { Db, Statement } from '../db/client.ts';
import { auditLog, orgs, syncClients } from '../db/schema.ts';
import type { Caller } from '../env.ts';
import { ProblemError, problem } from '../http/problem.ts';
import { TeamLearning } from './learning.ts';
import { check, mutate, prefetch } from './mutators/index.ts';
import { upsertInteractions } from './mutators/interaction.ts';
import { Derived, snapshotGuards } from './rollups.ts';
import type { InteractionRow, WriteContext } from './write.ts';

/** How often a push whose read went stale under a concurrent write is re-run before answering 409. */
const ATTEMPTS = 3;

/**
 * Fails the whole batch (and so rolls it back) unless the client's
 * lastMutationId is still `expected`: two pushes racing from one client can
 * never both apply the same mutations. `json('')` raises only when reached.
 */
function guard(d: Db, orgId: string, clientId: string, expected: number): Statement {
  const check = sql`CASE WHEN COALESCE((SELECT last_mutation_id FROM sync_clients WHERE client_id = ${clientId}), 0) = ${expected} THEN 1 ELSE json('') END`;
  return d.select({ ok: check }).from(orgs).where(eq(orgs.id, orgId));
}

/** Whether a batch failed on one of the guards, i.e. its reads went stale. */
export const isStale = (err: unknown) => String(err).includes('malformed JSON');

/** Ids of the interactions a list of mutations writes, whose prefetched state the batch relies on. */
export const interactionIds = (mutations: Pick<MutationEnvelope, 'name' | 'args'>[]) =>
  mutations.flatMap((m) => {
    const id = (m.args as { id?: unknown } | null)?.id;
    return m.name.startsWith('interaction.') && typeof id === 'string' ? [id] : [];
  });

/**
 * The push loop of design §5: skip ids already applied, reject a gap, and
 * mark permanently invalid mutations processed (reported in `rejected`) so
 * they never block the queue. Every write, its audit row and the client's
 * lastMutationId commit in one D1 batch, guarded so that a concurrent push or
 * write in between aborts it; it is then re-read and re-run.
 */
export async function push(
  d: Db,
  caller: Caller,
  req: PushRequest,
  now: Date = new Date(),
): Promise<PushResponse & { accountIds: string[] }> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await pushOnce(d, caller, req, now);
    } catch (err) {
      if (!isStale(err)) throw err;
      if (attempt >= ATTEMPTS) {
        throw new ProblemError(
          problem('conflict', 409, 'Concurrent push', {
            detail: 'Other writes kept landing first; retry.',
          }),
          { 'retry-after': '1' },
        );
      }
    }
  }
}

async function pushOnce(
  d: Db,
  caller: Caller,
  req: PushRequest,
  now: Date,
): Promise<PushResponse & { accountIds: string[] }> {
  // One round trip: the client's position and the rows the mutations touch are read together
  // (rows for mutations already applied are read too and simply unused).
  const checked = new Map(req.mutations.map((m) => [m, check(m)]));
  const [[client], known] = await Promise.all([
    d.select().from(syncClients).where(eq(syncClients.clientId, req.clientId)).limit(1),
    prefetch(d, caller.orgId, [...checked.values()]),
  ]);
  if (client && (client.orgId !== caller.orgId || client.userId !== caller.userId)) {
    throw new ProblemError(
      problem('conflict', 409, 'Client id in use', {
        detail: 'This clientId belongs to another user; generate a new one.',
      }),
    );
  }
  const last = client?.lastMutationId ?? 0;
  const pending: MutationEnvelope[] = [];
  let expected = last + 1;
  for (const m of req.mutations) {
    if (m.id < expected) continue; // already applied: a replay
    if (m.id > expected) {
      throw new ProblemError(
        problem('mutation-gap', 409, 'Mutation ids have a gap', {
          detail: `Expected mutation ${expected} next but got ${m.id}; resend from ${expected}.`,
        }),
        { 'x-last-mutation-id': String(last) },
      );
    }
    pending.push(m);
    expected++;
  }
  if (pending.length === 0) return { lastMutationId: last, rejected: [], accountIds: [] };

  const derived = new Derived();
  const learning = new TeamLearning(caller.orgId, known);
  const base: WriteContext = {
    orgId: caller.orgId,
    userId: caller.userId,
    role: caller.role,
    now: now.toISOString(),
    derived,
    learning,
  };
  const statements: Statement[] = [
    guard(d, caller.orgId, req.clientId, last),
    ...snapshotGuards(d, caller.orgId, interactionIds(pending), known.interactions),
  ];
  const rejected: PushResponse['rejected'] = [];
  const accountIds = new Set<string>();
  const audits: (typeof auditLog.$inferInsert)[] = [];
  const auditRow = (action: string, target: string | null, detail: unknown) =>
    audits.push({
      orgId: caller.orgId,
      actorId: caller.userId,
      action,
      target,
      detail: JSON.stringify(detail),
      at: base.now,
    });
  // Interaction puts are gathered into multi-row upserts; any other write, or a second put of
  // the same id, first flushes them so that statements keep the order of their mutations.
  const interactionRows: InteractionRow[] = [];
  const flush = () => {
    statements.push(...upsertInteractions(d, caller.orgId, caller.userId, interactionRows));
    interactionRows.length = 0;
  };
  // Each applied mutation's rows take the next version; the counter is bumped once, at the end.
  let writes = 0;
  for (const m of pending) {
    const id = (m.args as { id?: unknown } | null)?.id;
    if (interactionRows.some((r) => r.id === id)) flush();
    const outcome = mutate(
      d,
      { ...base, versionOffset: writes + 1, interactionRows },
      known,
      checked.get(m)!,
    );
    if (outcome.ok) {
      writes++;
      if (outcome.statements.length > 0) flush();
      statements.push(...outcome.statements);
      auditRow(m.name, outcome.target, { clientId: req.clientId, mutationId: m.id });
      for (const a of outcome.accountIds) accountIds.add(a);
    } else {
      rejected.push({ id: m.id, problem: outcome.problem });
      auditRow('mutation.rejected', null, {
        clientId: req.clientId,
        mutationId: m.id,
        name: m.name,
        problem: outcome.problem.title,
      });
    }
  }
  flush();
  statements.push(...derived.statements(d, caller.orgId));
  // At the version of the push's last write: the counter is bumped by `writes` just below.
  statements.push(...learning.statements(d, { ...base, versionOffset: writes }));
  if (writes > 0) {
    statements.push(
      d
        .update(orgs)
        .set({ version: sql`${orgs.version} + ${writes}` })
        .where(eq(orgs.id, caller.orgId)),
    );
  }
  // Multi-row inserts under D1's limit of 100 bound parameters per statement (7 per row).
  for (let i = 0; i < audits.length; i += 14)
    statements.push(d.insert(auditLog).values(audits.slice(i, i + 14)));
  const lastMutationId = expected - 1;
  statements.push(
    d
      .insert(syncClients)
      .values({
        clientId: req.clientId,
        orgId: caller.orgId,
        userId: caller.userId,
        lastMutationId,
        updatedAt: base.now,
      })
      .onConflictDoUpdate({ target: syncClients.clientId, set: { lastMutationId, updatedAt: base.now } }),
  );
  await d.batch(statements as [Statement, ...Statement[]]);
  return { lastMutationId, rejected, accountIds: [...accountIds] };
}
