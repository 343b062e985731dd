import { useEffect, useState } from 'preact/hooks';
import type { Db, PlanStore, RapportDb } from '../../lib/db.ts';
import type { AccountPlanData } from './plan-view.ts';

/**
 * One account's plan records from the replica, through the `byAccount` indexes: a handful of
 * rows whatever the size of the replica. The interactions are read as the contact clock needs them.
 */
export async function loadAccountPlan(db: Db, accountId: string): Promise<AccountPlanData> {
  const tx = db.transaction([
    'plans',
    'objectives',
    'measurements',
    'reviews',
    'milestones',
    'commitments',
    'conflicts',
    'interactions',
    'contacts',
  ]);
  const by = <S extends Exclude<PlanStore, 'responsibilities'>>(store: S) =>
    tx
      .objectStore(store)
      .index('byAccount' as never)
      .getAll(accountId as never) as Promise<RapportDb[S]['value'][]>;
  const [
    plans,
    objectives,
    measurements,
    reviews,
    milestones,
    commitments,
    conflicts,
    interactions,
    contacts,
  ] = await Promise.all([
    by('plans'),
    by('objectives'),
    by('measurements'),
    by('reviews'),
    by('milestones'),
    by('commitments'),
    by('conflicts'),
    tx.objectStore('interactions').index('byAccount').getAll(accountId),
    tx.objectStore('contacts').index('byAccount').getAll(accountId),
  ]);
  // An account has one plan; a tombstoned one may sit beside a newer live one.
  const plan = plans.find((p) => p.deletedAt === null) ?? plans[0] ?? null;
  return {
    plan,
    objectives,
    measurements,
    reviews,
    milestones,
    commitments,
    conflicts,
    interactions: interactions.map((i) => ({ occurredAt: i.occurredAt, tag: i.tag, deletedAt: i.deletedAt })),
    contacts: contacts.filter((c) => c.deletedAt === null).map((c) => ({ id: c.id, name: c.name })),
  };
}

/** The account's plan records, read again whenever `version` changes (each local change and sync). */
export function useAccountPlan(db: Db | undefined, accountId: string | null, version: unknown) {
  const [data, setData] = useState<{ accountId: string; data: AccountPlanData } | null>(null);
  useEffect(() => {
    if (!db || !accountId) return setData(null);
    let stale = false;
    void loadAccountPlan(db, accountId).then((d) => !stale && setData({ accountId, data: d }));
    return () => {
      stale = true;
    };
  }, [db, accountId, version]);
  return data?.accountId === accountId ? data.data : null;
}
