import {
  type MutationArgs,
  MutationArgsSchemas,
  type MutationEnvelope,
  type MutationName,
} from '../../../shared/schemas/index.ts';
import type { Db } from '../../db/client.ts';
import { problem, zodIssues } from '../../http/problem.ts';
import type { WriteContext } from '../write.ts';
import { deleteAccount, putAccount } from './account.ts';
import { deleteCommitment, putCommitment } from './commitment.ts';
import { deleteConflict, putConflict } from './conflict.ts';
import { deleteContact, putContact } from './contact.ts';
import { deleteInteraction, putInteraction } from './interaction.ts';
import { type Known, readKnown } from './known.ts';
import { deleteMeasurement, putMeasurement } from './measurement.ts';
import { deleteMilestone, putMilestone } from './milestone.ts';
import type { Mutator, Outcome, Refusal } from './mutator.ts';
import { deleteObjective, putObjective } from './objective.ts';
import { deletePlan, putPlan } from './plan.ts';
import { dismissReminder, doneReminder, snoozeReminder } from './reminder.ts';
import { deleteResponsibility, putResponsibility } from './responsibility.ts';
import { deleteReview, putReview } from './review.ts';

export type { Known } from './known.ts';
export type { Outcome } from './mutator.ts';

// One implementation of each write, shared by `POST /api/sync/push` and the REST routes
// (through `applyOne`). A push runs: check every mutation's args, prefetch what they all
// refer to in one D1 round trip, then mutate each in order against that prefetched state;
// the caller commits the statements, the audit rows and the client's lastMutationId in one
// D1 batch.
//
// To add a mutation:
// 1. name it and give its args schema in shared/schemas/sync.ts
//    (MutationEnvelopeSchema and MutationArgsSchemas);
// 2. write a `Mutator` in this folder, one module per record type (see mutator.ts): `reads`
//    lists the ids to prefetch (given the args and the caller's org), by map of `Known`; `run`
//    checks and returns the statements,
//    with no I/O of its own;
// 3. register it below: the table is typed by the mutation names, so a name without a
//    mutator does not compile;
// 4. for a new record type, add its reader to `readers` in known.ts (its `Known` map).

const mutators: { [N in MutationName]: Mutator<N> } = {
  'interaction.put': putInteraction,
  'interaction.delete': deleteInteraction,
  'account.put': putAccount,
  'account.delete': deleteAccount,
  'contact.put': putContact,
  'contact.delete': deleteContact,
  'reminder.done': doneReminder,
  'reminder.snooze': snoozeReminder,
  'reminder.dismiss': dismissReminder,
  // Relationship plans (design §14); who may write is in plan-common.ts.
  'plan.put': putPlan,
  'plan.delete': deletePlan,
  'objective.put': putObjective,
  'objective.delete': deleteObjective,
  'measurement.put': putMeasurement,
  'measurement.delete': deleteMeasurement,
  'review.put': putReview,
  'review.delete': deleteReview,
  'milestone.put': putMilestone,
  'milestone.delete': deleteMilestone,
  'responsibility.put': putResponsibility,
  'responsibility.delete': deleteResponsibility,
  'commitment.put': putCommitment,
  'commitment.delete': deleteCommitment,
  'conflict.put': putConflict,
  'conflict.delete': deleteConflict,
};

/** A mutation whose args were validated against its schema, or why they were not. */
export type Checked =
  | { [N in MutationName]: { ok: true; name: N; args: MutationArgs<N> } }[MutationName]
  | Refusal;

/** Validates a mutation's args once; the result feeds both {@link prefetch} and {@link mutate}. */
export function check(m: Pick<MutationEnvelope, 'name' | 'args'>): Checked {
  const parsed = MutationArgsSchemas[m.name].safeParse(m.args);
  if (!parsed.success) {
    return {
      ok: false,
      problem: problem('validation', 400, `Invalid ${m.name} arguments`, { issues: zodIssues(parsed.error) }),
    };
  }
  return { ok: true, name: m.name, args: parsed.data } as Checked;
}

/** Reads, in one D1 round trip, the rows that a list of mutations by someone of `orgId` refers to. */
export function prefetch(d: Db, orgId: string, mutations: Checked[]): Promise<Known> {
  return readKnown(
    d,
    mutations.flatMap((m) => (m.ok ? [reads(m, orgId)] : [])),
  );
}

/** Turns one checked mutation into statements, or says why not; never throws for bad input. */
export function mutate(d: Db, ctx: WriteContext, known: Known, m: Checked): Outcome {
  return m.ok ? run(d, ctx, known, m) : m;
}

// Generic in the name, so each mutator receives the args of its own schema.
const reads = <N extends MutationName>(m: { name: N; args: MutationArgs<N> }, orgId: string) =>
  mutators[m.name].reads(m.args, orgId);
const run = <N extends MutationName>(
  d: Db,
  ctx: WriteContext,
  known: Known,
  m: { name: N; args: MutationArgs<N> },
) => mutators[m.name].run(d, ctx, known, m.args);
