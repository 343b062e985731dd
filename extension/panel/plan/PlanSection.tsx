import { useEffect, useMemo, useState } from 'preact/hooks';
import './plan.css';
import type { Role } from '../../../shared/schemas/index.ts';
import type { PageContext } from '../../../shared/schemas/page-context.ts';
import type { Db, LocalAccount, LocalInteraction } from '../../lib/db.ts';
import type { OrgPerson } from '../../lib/org-cache.ts';
import type { LocalCommitment, LocalConflict } from '../../lib/plan-replica.ts';
import type { ContextMatch } from '../local-match.ts';
import { CloseCommitmentForm, ResolveConflictForm } from './CloseForms.tsx';
import { CommitmentForm } from './CommitmentForm.tsx';
import { ConflictForm } from './ConflictForm.tsx';
import { KpiForm } from './KpiForm.tsx';
import { MilestoneForm } from './MilestoneForm.tsx';
import { PlanSummary } from './PlanSummary.tsx';
import { useAccountPlan } from './plan-data.ts';
import { hasPlanData, planSettings, planView } from './plan-view.ts';
import { mayPlan, type ThreadLink } from './plan-writes.ts';
import { ReviewForm } from './ReviewForm.tsx';
import { StartPlan } from './StartPlan.tsx';

type Action = 'kpi' | 'review' | 'milestone' | 'commitment' | 'conflict' | 'close' | 'resolve';

/** The one-keystroke actions of the plan section, in the order the buttons show. */
export const PLAN_KEYS: { action: Action; key: string; label: string; title: string }[] = [
  { action: 'kpi', key: 'k', label: 'KPI value', title: 'Record a KPI value' },
  { action: 'review', key: 'r', label: 'Review', title: 'This meeting is the review' },
  { action: 'milestone', key: 'm', label: 'Milestone', title: 'A milestone was reached' },
  { action: 'commitment', key: 'p', label: 'Promise', title: 'Note a commitment, ours or theirs' },
  { action: 'conflict', key: 'c', label: 'Conflict', title: 'Raise a conflict' },
  { action: 'close', key: 'P', label: 'Close promise', title: 'Close a commitment: kept or broken' },
  { action: 'resolve', key: 'C', label: 'Resolve', title: 'Resolve a conflict' },
];

interface Props {
  db: Db;
  userId: string;
  role: Role;
  account: LocalAccount | null;
  context: PageContext | null;
  match: ContextMatch | null;
  /** The user's own logs of the open thread, newest first. */
  logged: LocalInteraction[];
  timeZone: string;
  people: OrgPerson[] | null;
  /** The org's settings as cached (raw). */
  settings: Record<string, unknown> | undefined;
  /** Changes with every local write and sync, so the section reads the replica again. */
  version: unknown;
  onChanged: () => void;
}

/** Keys typed into a field, or inside a plan form, are the field's or the form's. */
function ownKey(e: KeyboardEvent): boolean {
  const t = e.target;
  if (!(t instanceof HTMLElement)) return false;
  if (t.closest('[data-plan-form]')) return true;
  if (t.isContentEditable || t instanceof HTMLTextAreaElement || t instanceof HTMLSelectElement) return true;
  return t instanceof HTMLInputElement && !['radio', 'checkbox', 'button', 'submit'].includes(t.type);
}

/**
 * The account's relationship plan (design §14, §15) as one compact section beside the log form:
 * health with its top reason, open objectives with progress, the next review, open commitments
 * and conflicts; and from the open thread one keystroke each to record a KPI value, mark the
 * review, a milestone reached, note a commitment, raise a conflict, close a commitment or resolve
 * a conflict, each saved with the thread's interaction. A strategic account without a plan is
 * offered one. Everything reads and writes the replica, so it works offline.
 */
export function PlanSection(props: Props) {
  const { account, db, userId } = props;
  const data = useAccountPlan(db, account?.id ?? null, props.version);
  const [action, setAction] = useState<{ kind: Action; initial?: string } | null>(null);
  const [status, setStatus] = useState('');
  const settings = useMemo(() => planSettings(props.settings), [props.settings]);
  const users = useMemo(
    () =>
      props.people?.map((p) => ({ id: p.id, timeZone: p.timeZone })) ?? [
        { id: userId, timeZone: props.timeZone },
      ],
    [props.people, userId, props.timeZone],
  );
  const now = Date.now();
  const view = useMemo(
    () => (account && data ? planView(account, data, users, settings, props.timeZone, now) : null),
    [account, data, users, settings, props.timeZone],
  );
  const ref = props.context ? `${props.context.site}\n${props.context.ref}` : '';
  useEffect(() => setAction(null), [ref, account?.id]);

  const hasPlan = !!data?.plan && data.plan.deletedAt === null;
  const strategic = account?.tier === 'strategic';
  const available = (a: Action): boolean => {
    if (!view) return false;
    if (a === 'kpi') return view.objectives.length > 0;
    if (a === 'review' || a === 'milestone') return hasPlan || strategic;
    if (a === 'close') return view.commitments.length > 0;
    if (a === 'resolve') return view.conflicts.length > 0;
    return true;
  };
  const open = (kind: Action, initial?: string) => {
    setStatus('');
    setAction({ kind, ...(initial ? { initial } : {}) });
  };

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.ctrlKey || e.metaKey || e.altKey || ownKey(e)) return;
      const hit = PLAN_KEYS.find((k) => k.key === e.key);
      if (!hit || !available(hit.action)) return;
      e.preventDefault();
      open(hit.action);
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  });

  if (!account || !data || !view) return null;
  const names = new Map((props.people ?? []).map((p) => [p.id, p.name]));
  const link: ThreadLink = {
    context: props.context,
    match: props.match,
    logged: props.logged[0] ?? null,
    accountId: account.id,
    timeZone: props.timeZone,
  };
  const done = (saved: string | null) => {
    setAction(null);
    if (saved) {
      setStatus(saved);
      props.onChanged();
    }
  };
  const form = { db, userId, link, onDone: done };
  const people = (props.people ?? []).map((p) => ({ id: p.id, name: p.name }));
  // The page's people of this account first, then the account's other contacts.
  const onPage = (props.match?.people ?? []).flatMap((p) =>
    p.contact && p.contact.accountId === account.id && !p.participant.isSelf ? [p.contact.id] : [],
  );
  const contacts = [...data.contacts].sort(
    (a, b) =>
      (onPage.includes(a.id) ? onPage.indexOf(a.id) : 999) -
        (onPage.includes(b.id) ? onPage.indexOf(b.id) : 999) || a.name.localeCompare(b.name),
  );
  const contactNames = new Map(data.contacts.map((c) => [c.id, c.name]));
  const ownerName = account.ownerId ? (names.get(account.ownerId) ?? 'its owner') : null;
  const kind = action?.kind;
  return (
    <section aria-labelledby="plan-heading" data-testid="plan" class="plan">
      <div class="row">
        <h2 id="plan-heading">
          {hasPlan ? 'Relationship plan' : strategic ? 'Relationship' : 'Promises and conflicts'}
        </h2>
        {data.plan?.pending && <span class="badge">not synced yet</span>}
      </div>
      {!hasPlan && strategic && (
        <StartPlan
          db={db}
          userId={userId}
          accountId={account.id}
          accountName={account.name}
          timeZone={props.timeZone}
          blockedBy={mayPlan(account, props.role, userId) ? null : (ownerName ?? 'its owner')}
          onStarted={() => {
            setStatus('Plan started. Add objectives and milestones on the account’s web page.');
            props.onChanged();
          }}
        />
      )}
      {(hasPlan || strategic || hasPlanData(data)) && (
        <PlanSummary
          view={view}
          hasPlan={hasPlan}
          showHealth={hasPlan || strategic}
          names={names}
          contactNames={contactNames}
          onClose={(c: LocalCommitment) => open('close', c.id)}
          onResolve={(c: LocalConflict) => open('resolve', c.id)}
        />
      )}
      {kind === 'kpi' && <KpiForm {...form} objectives={view.objectives} />}
      {kind === 'review' && (
        <ReviewForm
          {...form}
          last={
            [...data.reviews]
              .filter((r) => r.deletedAt === null)
              .sort((a, b) => (a.heldOn < b.heldOn ? 1 : -1))[0] ?? null
          }
        />
      )}
      {kind === 'milestone' && <MilestoneForm {...form} milestones={view.milestones} />}
      {kind === 'commitment' && <CommitmentForm {...form} people={people} contacts={contacts} />}
      {kind === 'conflict' && <ConflictForm {...form} people={people} slaDays={settings.conflictSlaDays} />}
      {kind === 'close' && (
        <CloseCommitmentForm
          {...form}
          commitments={view.commitments}
          today={view.today}
          initial={action?.initial}
        />
      )}
      {kind === 'resolve' && (
        <ResolveConflictForm
          {...form}
          conflicts={view.conflicts.map((c) => c.conflict)}
          today={view.today}
          initial={action?.initial}
        />
      )}
      {!action && (
        <fieldset class="plan-actions">
          <legend class="sr-only">Plan actions</legend>
          {PLAN_KEYS.filter((k) => available(k.action)).map((k) => (
            <button
              key={k.action}
              type="button"
              class="small"
              data-action={k.action}
              title={k.title}
              aria-keyshortcuts={k.key === k.key.toUpperCase() ? `Shift+${k.key}` : k.key}
              onClick={() => open(k.action)}
            >
              {k.label} <kbd>{k.key === k.key.toUpperCase() ? `⇧${k.key}` : k.key}</kbd>
            </button>
          ))}
        </fieldset>
      )}
      <p role="status" aria-live="polite" class="muted hint" data-testid="plan-status">
        {status}
      </p>
    </section>
  );
}
