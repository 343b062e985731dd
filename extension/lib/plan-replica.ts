import type {
  Commitment,
  Conflict,
  Measurement,
  Milestone,
  Mutation,
  Objective,
  Plan,
  PullResponse,
  Responsibility,
  Review,
} from '../../shared/schemas/index.ts';
import type { PlanStore } from './db.ts';

// The org's relationship plans in the replica (design §14): every plan record is pulled into its
// own store, so the panel shows and updates plans offline. The optimistic effect of a plan
// mutation is written here; the server's copy replaces it on the next pull.

type Local<T> = T & { pending?: boolean };
export type LocalPlan = Local<Plan>;
export type LocalObjective = Local<Objective>;
export type LocalMeasurement = Local<Measurement>;
export type LocalReview = Local<Review>;
export type LocalMilestone = Local<Milestone>;
export type LocalResponsibility = Local<Responsibility>;
export type LocalCommitment = Local<Commitment>;
export type LocalConflict = Local<Conflict>;

type ByAccount<V> = { key: string; value: V; indexes: { byAccount: string } };

/** The plan stores of the replica's schema (merged into `RapportDb`). */
export interface PlanStores {
  plans: ByAccount<LocalPlan>;
  objectives: ByAccount<LocalObjective>;
  measurements: { key: string; value: LocalMeasurement; indexes: { byAccount: string; byObjective: string } };
  reviews: ByAccount<LocalReview>;
  milestones: ByAccount<LocalMilestone>;
  responsibilities: ByAccount<LocalResponsibility>;
  commitments: ByAccount<LocalCommitment>;
  conflicts: ByAccount<LocalConflict>;
}

type PlanMutation = Extract<
  Mutation,
  {
    name: `${'plan' | 'objective' | 'measurement' | 'review' | 'milestone' | 'responsibility' | 'commitment' | 'conflict'}.${'put' | 'delete'}`;
  }
>;

const STORE_OF: Record<string, PlanStore> = {
  plan: 'plans',
  objective: 'objectives',
  measurement: 'measurements',
  review: 'reviews',
  milestone: 'milestones',
  responsibility: 'responsibilities',
  commitment: 'commitments',
  conflict: 'conflicts',
};

/** The store a plan mutation writes, or null for any other mutation. */
export function planStoreOf(name: Mutation['name']): PlanStore | null {
  return STORE_OF[name.slice(0, name.indexOf('.'))] ?? null;
}

/** The pull page's list for each plan store (absent from servers without plans). */
export function planRowsOf(page: PullResponse, store: PlanStore): readonly object[] {
  return (page as unknown as Partial<Record<PlanStore, object[]>>)[store] ?? [];
}

/** Reads and writes one store of a transaction; the outbox's transaction spans every replica store. */
interface StoreTx {
  objectStore(name: PlanStore): {
    get(key: string): Promise<unknown>;
    put(value: unknown): Promise<unknown>;
  };
}

/**
 * The optimistic effect of a plan mutation on the replica, inside the outbox's transaction.
 * A put keeps what the server set on the stored copy (version, author, a conflict's level
 * history) and marks the row pending; a delete tombstones it. Returns false for any other mutation.
 */
export async function applyPlanLocally(
  tx: StoreTx,
  m: Mutation,
  userId: string,
  now: string,
): Promise<boolean> {
  const storeName = planStoreOf(m.name);
  if (!storeName) return false;
  const pm = m as PlanMutation;
  const store = tx.objectStore(storeName);
  const prev = (await store.get(pm.args.id)) as Record<string, unknown> | undefined;
  if (pm.name.endsWith('.delete')) {
    if (prev) await store.put({ ...prev, deletedAt: now, pending: true });
    return true;
  }
  const args = pm.args as Record<string, unknown>;
  const extra: Record<string, unknown> = {};
  if (pm.name === 'measurement.put') {
    // The server sets a reading's account from its objective; the replica does the same.
    const objective = (await tx.objectStore('objectives').get(pm.args.objectiveId)) as
      | LocalObjective
      | undefined;
    extra.accountId = objective?.accountId ?? prev?.accountId ?? '';
  }
  if (pm.name === 'conflict.put') {
    const before = prev as LocalConflict | undefined;
    extra.slaPeriods = before?.slaPeriods ?? 0;
    extra.levelHistory = !before
      ? [{ level: pm.args.level, at: now, cause: 'opened' }]
      : before.level !== pm.args.level
        ? [...before.levelHistory, { level: pm.args.level, at: now, cause: 'manual' }]
        : before.levelHistory;
  }
  await store.put({
    ...args,
    ...extra,
    createdBy: (prev?.createdBy as string | undefined) ?? userId,
    version: (prev?.version as number | undefined) ?? 0,
    createdAt: (prev?.createdAt as string | undefined) ?? now,
    updatedAt: now,
    deletedAt: null,
    pending: true,
  });
  return true;
}

const NOUN: Record<PlanStore, string> = {
  plans: 'The plan',
  objectives: 'The objective',
  measurements: 'A KPI value',
  reviews: 'The review',
  milestones: 'The milestone',
  responsibilities: 'A responsibility',
  commitments: 'The commitment',
  conflicts: 'The conflict',
};

/** A plan mutation in the words the user would recognise, or null for any other mutation. */
export function describePlanMutation(m: Mutation): string | null {
  const store = planStoreOf(m.name);
  if (!store) return null;
  const pm = m as PlanMutation;
  if (pm.name.endsWith('.delete')) return `Deleting ${NOUN[store].replace(/^(The|A) /, 'a ').toLowerCase()}`;
  const args = pm.args as { title?: string; what?: string; value?: number; heldOn?: string };
  const named = args.title ?? args.what;
  if (named) return `${NOUN[store]} “${named}”`;
  if (pm.name === 'measurement.put') return `The KPI value ${args.value}`;
  if (pm.name === 'review.put') return `The review of ${args.heldOn}`;
  return NOUN[store];
}
