import { useEffect, useMemo, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import type { LocalInteraction } from '../lib/db.ts';
import { FOCUS_KEY } from '../lib/focus.ts';
import { panelSettings } from '../lib/org-cache.ts';
import { dueReminders } from '../lib/reminder-due.ts';
import { ContextCard } from './ContextCard.tsx';
import { zoneOr } from './follow-up.ts';
import { deleteInteraction, restoreInteraction } from './interaction-writes.ts';
import { LogForm } from './LogForm.tsx';
import { internalDomainsOf } from './local-match.ts';
import { PlanSection } from './plan/PlanSection.tsx';
import { Reminders } from './Reminders.tsx';
import { Setup } from './Setup.tsx';
import { SyncStatus } from './SyncStatus.tsx';
import { signOut } from './session.ts';
import { Timeline } from './Timeline.tsx';
import { UndoBar, type UndoOffer } from './UndoBar.tsx';
import { Upcoming } from './Upcoming.tsx';
import { upcomingItems } from './upcoming.ts';
import { useAccountNames } from './use-account-names.ts';
import { useLocalData } from './use-local-data.ts';
import { usePageAccount } from './use-page-account.ts';
import { useTabContext } from './use-tab-context.ts';
import { ZoneOffer } from './ZoneOffer.tsx';

const syncNow = () => browser.runtime.sendMessage({ type: 'sync-now' }).catch(() => {});

/** The side panel: onboarding until connected, then context, log form, reminders, timeline and sync (design §8). */
export function App() {
  const { data, reload } = useLocalData();
  const { context, loading } = useTabContext();
  const userId = data?.credentials?.user?.id ?? '';
  const settings = useMemo(() => panelSettings(data?.org?.settings), [data?.org]);
  const internal = useMemo(
    () => internalDomainsOf(settings.internalDomains, [data?.credentials?.user?.email]),
    [settings, data?.credentials?.user?.email],
  );
  // The company picked among several on the page, for that page only.
  const pageRef = context ? `${context.site}\n${context.ref}` : '';
  const [pick, setPick] = useState<{ ref: string; key: string } | null>(null);
  const companyKey = pick?.ref === pageRef ? pick.key : null;
  const page = usePageAccount(data, context, userId, internal, companyKey);
  const [notice, setNotice] = useState<string | null>(null);
  const [undo, setUndo] = useState<UndoOffer | null>(null);

  // Flush and pull whenever the panel opens; just after the first paint, so the sync's
  // IndexedDB writes do not compete with the reads that draw the context card.
  // Opening also re-reads the profile, settings and people, which change on the web.
  useEffect(() => {
    const timer = setTimeout(
      () => browser.runtime.sendMessage({ type: 'sync-now', refresh: true }).catch(() => {}),
      300,
    );
    return () => clearTimeout(timer);
  }, []);

  const names = useMemo(
    () =>
      new Map(
        (data?.org?.people ?? []).map((p) => [p.id, p.active === false ? `${p.name} (former)` : p.name]),
      ),
    [data?.org],
  );
  const now = Date.now();
  const upcoming = useMemo(
    () =>
      data
        ? upcomingItems({
            reminders: data.reminders,
            pending: data.pending,
            userId,
            now,
            awaitingReplyBusinessDays: settings.awaitingReplyBusinessDays,
            calendar: {
              timeZone: zoneOr(data.credentials?.user?.timeZone),
              workingHours: settings.workingHours,
              holidays: settings.holidays,
            },
          })
        : [],
    [data, settings, userId],
  );
  const accountNames = useAccountNames(data?.db, upcoming);

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

  const zone = zoneOr(creds.user?.timeZone);
  const role = creds.user?.role ?? 'member';
  const { account } = page;
  const changed = async () => {
    await reload();
    await syncNow();
  };
  const clearFocus = async () => {
    await data.db.delete('meta', FOCUS_KEY);
    await reload();
  };
  const remove = async (item: LocalInteraction) => {
    const before = await deleteInteraction(data.db, item, userId);
    setUndo({
      key: Date.now(),
      text: `Deleted “${item.title}”.`,
      undo: async () => {
        await restoreInteraction(data.db, before, userId);
        await changed();
      },
    });
    await changed();
  };
  const doSignOut = async () => {
    setNotice(await signOut(data.db));
    await syncNow();
    await reload();
  };
  return (
    <main>
      {creds.user && <ZoneOffer db={data.db} stored={creds.user.timeZone} onChanged={changed} />}
      <ContextCard
        db={data.db}
        userId={userId}
        context={context}
        loading={loading}
        role={role}
        match={page.match}
        focusAccount={page.focusAccount}
        account={account}
        companyKey={companyKey}
        onPickCompany={(key) => setPick({ ref: pageRef, key })}
        people={data.org?.people ?? null}
        defaultCadence={settings.cadenceDays}
        onClearFocus={clearFocus}
        onChanged={changed}
      />
      <LogForm
        db={data.db}
        context={context}
        match={page.match}
        account={account}
        userId={userId}
        timeZone={zone}
        logged={page.logged}
        onSaved={changed}
      />
      <PlanSection
        db={data.db}
        userId={userId}
        role={role}
        account={account}
        context={context}
        match={page.match}
        logged={page.logged}
        timeZone={zone}
        people={data.org?.people ?? null}
        settings={data.org?.settings}
        version={data}
        onChanged={changed}
      />
      <Reminders
        db={data.db}
        userId={userId}
        role={role}
        timeZone={zone}
        due={dueReminders(data.reminders, now)}
        now={now}
        escalationDays={settings.escalationDays}
        strategicCadence={settings.cadenceDays.strategic}
        accountId={account?.id ?? null}
        accountName={account?.name ?? null}
        onChanged={changed}
      />
      <Upcoming
        db={data.db}
        userId={userId}
        timeZone={zone}
        items={upcoming}
        accountId={account?.id ?? null}
        accountName={account?.name ?? null}
        accountNames={accountNames}
        onChanged={changed}
      />
      <Timeline
        db={data.db}
        heading={account ? `${account.name}: recent` : 'Your recent logs'}
        items={page.timeline ?? data.recent}
        timeZone={zone}
        selfId={userId}
        names={names}
        onChanged={changed}
        onDelete={remove}
      />
      <SyncStatus
        sync={data.sync}
        pendingCount={data.pendingCount}
        credentials={creds}
        timeZone={zone}
        onSyncNow={changed}
        onAskSignOut={() => void syncNow().then(reload)}
        onSignOut={doSignOut}
      />
      <UndoBar offer={undo} onClose={() => setUndo(null)} />
    </main>
  );
}
