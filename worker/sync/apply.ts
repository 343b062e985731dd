import type { MutationName } from '../../shared/schemas/index.ts';
import type { Db, Statement } from '../db/client.ts';
import type { Caller } from '../env.ts';
import { ProblemError, problem } from '../http/problem.ts';
import { recomputeForWrite } from '../reminders/on-write.ts';
import { TeamLearning } from './learning.ts';
import { check, mutate, prefetch } from './mutators/index.ts';
import { interactionIds, isStale } from './push.ts';
import { snapshotGuards } from './rollups.ts';
import { audit, bumpVersion, type WriteContext } from './write.ts';

/**
 * Runs one mutation outside the sync queue, for the REST routes: the same
 * mutator as a push, the same single batch. A rejection becomes the HTTP error.
 */
export async function applyOne(d: Db, caller: Caller, name: MutationName, args: unknown, now = new Date()) {
  // Retried when a concurrent write made the prefetched state stale (see snapshotGuards).
  for (let attempt = 1; ; attempt++) {
    try {
      return await applyOnce(d, caller, name, args, now);
    } catch (err) {
      if (!isStale(err)) throw err;
      if (attempt >= 3)
        throw new ProblemError(
          problem('conflict', 409, 'Concurrent write', { detail: 'Retry the request.' }),
        );
    }
  }
}

async function applyOnce(d: Db, caller: Caller, name: MutationName, args: unknown, now: Date) {
  const m = { name, args };
  const checked = check(m);
  const known = await prefetch(d, caller.orgId, [checked]);
  const learning = new TeamLearning(caller.orgId, known);
  const ctx: WriteContext = {
    orgId: caller.orgId,
    userId: caller.userId,
    role: caller.role,
    now: now.toISOString(),
    learning,
  };
  // Taken before `mutate`, which updates `known` to the state after the write.
  const guards = snapshotGuards(d, caller.orgId, interactionIds([m]), known.interactions);
  const outcome = mutate(d, ctx, known, checked);
  if (!outcome.ok) throw new ProblemError(outcome.problem);
  const statements: Statement[] = [
    ...guards,
    bumpVersion(d, caller.orgId),
    ...outcome.statements,
    ...learning.statements(d, ctx),
    audit(d, ctx, name, outcome.target),
  ];
  await d.batch(statements as [Statement, ...Statement[]]);
  const interactions = name.startsWith('interaction.');
  await recomputeForWrite(d.$client, caller, { accountIds: outcome.accountIds, interactions }, now);
  return outcome;
}
