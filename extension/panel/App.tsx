import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { type LocalAccount, type LocalInteraction, openRapportDb } from '../lib/db.ts';
import { FOCUS_KEY } from '../lib/focus.ts';
import { dueReminders } from '../lib/reminder-due.ts';
import { ContextCard } from './ContextCard.tsx';
import { zoneOr } from './follow-up.ts';
import { LogForm } from './LogForm.tsx';
import { type ContextMatch, matchLocally } from './local-match.ts';
import { Reminders } from './Reminders.tsx';
import { Setup } from './Setup.tsx';
import { pendingText, SyncStatus } from './SyncStatus.tsx';
import { signOut } from './session.ts';
import { Timeline } from './Timeline.tsx';
import { latestInteractions, useLocalData } from './use-local-data.ts';
import { useTabContext } from './use-tab-context.ts';

const syncNow = () => browser.runtime.sendMessage({ type: 'sync-now' }).catch(() => {});

/** The side panel: onboarding until connected, then context, log form, reminders, timeline and sync (design §8). */
export function App() {
  const { data, reload } = useLocalData();
  const { context, loading } = useTabContext();
  const [match, setMatch] = useState<ContextMatch | null>(null);
  const [focusAccount, setFocusAccount] = useState<LocalAccount | null>(null);
  const [timeline, setTimeline] = useState<LocalInteraction[] | null>(null);
  const [notice, setNotice] = useState<string | null>(null);

  // Flush and pull whenever the panel opens; just after the first paint, so the sync's
  // IndexedDB writes do not compete with the reads that draw the context card.
  useEffect(() => {
    const timer = setTimeout(syncNow, 300);
    return () => clearTimeout(timer);
  }, []);

  const db = data?.db;
  const participantsKey = context ? JSON.stringify(context.participants) : '';
  // Matching does not wait for the rest of the local data: it only needs the database and the page.
  useEffect(() => {
    if (!context) return setMatch(null);
    let stale = false;
    void openRapportDb()
      .then((d) => matchLocally(d, context.participants))
      .then((m) => !stale && setMatch(m));
    return () => {
      stale = true;
    };
  }, [participantsKey, data]);
  useEffect(() => {
    if (!db || !data?.focusAccountId) return setFocusAccount(null);
    void db.get('accounts', data.focusAccountId).then((a) => setFocusAccount(a ?? null));
  }, [db, data?.focusAccountId]);

  const account = focusAccount ?? match?.account ?? null;
  useEffect(() => {
    if (!db) return;
    if (!account) return setTimeline(null);
    void latestInteractions(db, 10, account.id).then(setTimeline);
  }, [db, account?.id, data]);
  // Other people's team-visible work on this account, fetched once per account shown; the
  // background caches it and announces the change, which reloads the timeline above.
  useEffect(() => {
    if (account?.id)
      browser.runtime.sendMessage({ type: 'account-timeline', accountId: account.id }).catch(() => {});
  }, [account?.id]);

  if (!data) return <main aria-busy="true">Loading…</main>;
  const creds = data.credentials;
  if (!creds || data.sync.signedOut)
    return (
      <Setup
        db={data.db}
        onConnected={() => {
          setNotice(null);
          void reload();
        }}
        notice={notice}
        reconnect={creds ? { serverUrl: creds.serverUrl, pendingCount: data.pendingCount } : null}
      />
    );

  const userId = creds.user?.id ?? '';
  const zone = zoneOr(creds.user?.timeZone);
  const changed = async () => {
    await reload();
    await syncNow();
  };
  const clearFocus = async () => {
    await data.db.delete('meta', FOCUS_KEY);
    await reload();
  };
  const doSignOut = async () => {
    await syncNow();
    const pending = await data.db.count('outbox');
    if (
      pending > 0 &&
      !confirm(`${pendingText(pending)} They will be lost if you sign out now. Sign out anyway?`)
    )
      return;
    setNotice(await signOut(data.db));
    await syncNow();
    await reload();
  };
  return (
    <main>
      <ContextCard
        db={data.db}
        userId={userId}
        context={context}
        loading={loading}
        match={match}
        focusAccount={focusAccount}
        onClearFocus={clearFocus}
        onChanged={changed}
      />
      <LogForm
        db={data.db}
        context={context}
        match={match}
        account={account}
        userId={userId}
        timeZone={zone}
        onSaved={changed}
      />
      <Reminders
        db={data.db}
        userId={userId}
        timeZone={zone}
        due={dueReminders(data.reminders, Date.now())}
        accountId={account?.id ?? null}
        accountName={account?.name ?? null}
        onChanged={changed}
      />
      <Timeline
        heading={account ? `${account.name}: recent` : 'Your recent logs'}
        items={timeline ?? data.recent}
        timeZone={zone}
        selfId={userId}
      />
      <SyncStatus
        sync={data.sync}
        pendingCount={data.pendingCount}
        credentials={creds}
        onSyncNow={changed}
        onSignOut={doSignOut}
      />
    </main>
  );
}
