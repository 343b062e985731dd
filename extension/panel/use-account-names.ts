import { useEffect, useState } from 'preact/hooks';
import type { Db } from '../lib/db.ts';

/** Names of the accounts a short list refers to, read by key (never the whole directory). */
export function useAccountNames(db: Db | undefined, items: readonly { accountId: string | null }[]) {
  const [names, setNames] = useState<ReadonlyMap<string, string>>(new Map());
  const ids = [...new Set(items.flatMap((i) => (i.accountId ? [i.accountId] : [])))].sort();
  const key = ids.join(',');
  useEffect(() => {
    if (!db || ids.length === 0) return;
    let stale = false;
    void Promise.all(ids.map((id) => db.get('accounts', id))).then((rows) => {
      if (!stale)
        setNames(new Map(rows.flatMap((a) => (a && !a.deletedAt ? [[a.id, a.name] as const] : []))));
    });
    return () => {
      stale = true;
    };
  }, [db, key]);
  return names;
}
