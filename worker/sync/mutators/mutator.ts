import type { MutationArgs, MutationName, Problem } from '../../../shared/schemas/index.ts';
import type { Db, Statement } from '../../db/client.ts';
import { problem } from '../../http/problem.ts';
import type { WriteContext } from '../write.ts';
import type { Known, Reads } from './known.ts';

/** Why a mutation was refused; the push reports it, a REST route answers with it. */
export type Refusal = { ok: false; problem: Problem };

export type Outcome = { ok: true; statements: Statement[]; target: string; accountIds: string[] } | Refusal;

/**
 * One write, as the registry (./index.ts) holds it. `reads` names the rows to
 * prefetch; `run` checks args and permissions against them and returns the
 * statements, without any I/O of its own, so a push of 100 mutations reads once.
 */
export interface Mutator<N extends MutationName> {
  /** The keys to read into {@link Known} before `run`, from the validated args and the caller's org. */
  reads(args: MutationArgs<N>, orgId: string): Reads;
  /**
   * The statements of the write, or why it is refused. Updates `known` to the
   * state after the write, so a later mutation of the same push sees it.
   */
  run(d: Db, ctx: WriteContext, known: Known, args: MutationArgs<N>): Outcome;
}

/** A refusal; never thrown, so one bad mutation never blocks a push. */
export const rejected = (status: 400 | 403 | 404 | 409, title: string, detail: string): Refusal => ({
  ok: false,
  problem: problem(
    status === 404 ? 'not-found' : status === 403 ? 'forbidden' : 'validation',
    status,
    title,
    { detail },
  ),
});

export const missing = (what: string, id: string) =>
  rejected(404, 'Not found', `No ${what} ${id} in this organisation.`);

/** A client-chosen id that another org already holds. */
export const taken = () => rejected(409, 'Conflict', 'This id is already taken.');

/** Whether a prefetched row exists in the caller's org; another org's row is as good as missing. */
export const visible = <R extends { orgId: string }>(row: R | undefined, orgId: string): row is R =>
  row !== undefined && row.orgId === orgId;
