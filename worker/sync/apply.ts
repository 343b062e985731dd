import type { MutationName } from '../../shared/schemas/index.ts';
import type { Db } from '../db/client.ts';
import type { Caller } from '../env.ts';
import { ProblemError } from '../http/problem.ts';
import { audit, bumpVersion, mutate, prefetch, type Statement, type WriteContext } from './mutators.ts';

/**
 * Runs one mutation outside the sync queue, for the REST routes: the same
 * mutator as a push, the same single batch. A rejection becomes the HTTP error.
 */
export async function applyOne(d: Db, caller: Caller, name: MutationName, args: unknown, now = new Date()) {
  const ctx: WriteContext = {
    orgId: caller.orgId,
    userId: caller.userId,
    role: caller.role,
    now: now.toISOString(),
  };
  const m = { id: 1, name, args };
  const known = await prefetch(d, [m]);
  const outcome = mutate(d, ctx, known, m);
  if (!outcome.ok) throw new ProblemError(outcome.problem);
  const statements: Statement[] = [
    bumpVersion(d, caller.orgId),
    ...outcome.statements,
    audit(d, ctx, name, outcome.target),
  ];
  await d.batch(statements as [Statement, ...Statement[]]);
  return outcome;
}
