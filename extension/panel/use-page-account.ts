import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import type { PageContext } from '../../shared/schemas/page-context.ts';
import { type LocalAccount, type LocalInteraction, openRapportDb } from '../lib/db.ts';
import { loggedFrom } from './interaction-writes.ts';
import { type ContextMatch, matchLocally } from './local-match.ts';
import { type LocalData, latestInteractions } from './use-local-data.ts';

export interface PageAccount {
  match: ContextMatch | null;
  /** The account a clicked reminder notification asked for, over the page's. */
  focusAccount: LocalAccount | null;
  /** The account the panel speaks about: the focus account, else the page's. */
  account: LocalAccount | null;
  /** That account's recent timeline; null when there is no account (the panel shows the user's own logs). */
  timeline: LocalInteraction[] | null;
  /** The user's own logs of the open thread or event, newest first. */
  logged: LocalInteraction[];
}

/**
 * What the open page means in the local replica: who is on it and which
 * account it is about, that account's timeline, and whether the page was
 * already logged. Each read follows the page and every local change.
 */
export function usePageAccount(
  data: LocalData | null,
  context: PageContext | null,
  userId: string,
  internalDomains: readonly string[],
  /** The company the user picked among several on the page; else the likeliest. */
  companyKey: string | null,
): PageAccount {
  const [match, setMatch] = useState<ContextMatch | null>(null);
  const [focusAccount, setFocusAccount] = useState<LocalAccount | null>(null);
  const [timeline, setTimeline] = useState<LocalInteraction[] | null>(null);
  const [logged, setLogged] = useState<LocalInteraction[]>([]);
  const db = data?.db;

  const participantsKey = context ? JSON.stringify(context.participants) : '';
  const internalKey = internalDomains.join(',');
  // Matching does not wait for the rest of the local data: it only needs the database and the page.
  useEffect(() => {
    if (!context) return setMatch(null);
    let stale = false;
    void openRapportDb()
      .then((d) => matchLocally(d, context.participants, internalDomains))
      .then((m) => !stale && setMatch(m));
    return () => {
      stale = true;
    };
  }, [participantsKey, internalKey, data]);
  useEffect(() => {
    if (!db || !data?.focusAccountId) return setFocusAccount(null);
    void db.get('accounts', data.focusAccountId).then((a) => setFocusAccount(a ?? null));
  }, [db, data?.focusAccountId]);

  const picked = match?.companies.find((c) => c.key === companyKey) ?? match?.companies[0] ?? null;
  const account = focusAccount ?? picked?.account ?? null;
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

  const ref = context ? `${context.site}\n${context.ref}` : '';
  useEffect(() => {
    if (!db || !context || !userId) return setLogged([]);
    let stale = false;
    void loggedFrom(db, userId, context.site, context.ref).then((l) => !stale && setLogged(l));
    return () => {
      stale = true;
    };
  }, [db, ref, userId, data]);

  return { match, focusAccount, account, timeline, logged };
}
