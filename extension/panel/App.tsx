import { browser } from 'wxt/browser';
import { ContextCard } from './ContextCard.tsx';
import { LogForm } from './LogForm.tsx';
import { RecentList } from './RecentList.tsx';
import { Setup } from './Setup.tsx';
import { SyncStatus } from './SyncStatus.tsx';
import { useLocalData } from './use-local-data.ts';
import { useTabContext } from './use-tab-context.ts';

/** The side panel: setup until connected, then context, log form, timeline and sync status (design §8). */
export function App() {
  const { data, reload } = useLocalData();
  const { context, loading } = useTabContext();
  if (!data) return <main aria-busy="true">Loading…</main>;
  if (!data.credentials) return <Setup db={data.db} onConnected={reload} />;
  const syncNow = async () => {
    await browser.runtime.sendMessage({ type: 'sync-now' }).catch(() => {});
    await reload();
  };
  return (
    <main>
      <ContextCard context={context} loading={loading} />
      <LogForm db={data.db} context={context} userId={data.credentials.user?.id ?? ''} onSaved={syncNow} />
      <RecentList items={data.recent} />
      <SyncStatus sync={data.sync} pendingCount={data.pendingCount} onSyncNow={syncNow} />
    </main>
  );
}
