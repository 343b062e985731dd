import { useState } from 'preact/hooks';
import type { Role } from '../../shared/schemas/common.ts';
import type { PageContext } from '../../shared/schemas/page-context.ts';
import type { Db, LocalAccount } from '../lib/db.ts';
import type { OrgPerson } from '../lib/org-cache.ts';
import { AccountEdit } from './AccountEdit.tsx';
import { suggestAccountName } from './account-name.ts';
import { CreateAccount } from './CreateAccount.tsx';
import { createContact } from './directory-writes.ts';
import type { Company, ContextMatch, PersonMatch } from './local-match.ts';
import { formatDate } from './time-format.ts';

const SITE_NAMES: Record<PageContext['site'], string> = {
  gmail: 'Gmail thread',
  'google-calendar': 'Google Calendar event',
  'outlook-mail': 'Outlook email',
  'outlook-calendar': 'Outlook event',
};

interface Props {
  db: Db;
  userId: string;
  role: Role;
  context: PageContext | null;
  loading: boolean;
  match: ContextMatch | null;
  /** The account shown when a reminder notification steered the panel, over the page's. */
  focusAccount: LocalAccount | null;
  /** The account the panel speaks about. */
  account: LocalAccount | null;
  /** The company the user picked among several on the page (its key), if any. */
  companyKey: string | null;
  onPickCompany: (key: string) => void;
  people: OrgPerson[] | null;
  defaultCadence: { strategic: number; tactical: number };
  onClearFocus: () => void;
  onChanged: () => void;
}

/**
 * What is open in the tab: subject, the client companies and people on it
 * and the account it is about, with creation of what the directory lacks
 * and the account's Edit disclosure. Colleagues are shown as colleagues.
 * Page text is rendered as text only, never as markup.
 */
export function ContextCard(props: Props) {
  const { context, match, focusAccount, account } = props;
  const companies = match?.companies ?? [];
  return (
    <section class="card" aria-labelledby="context-heading" data-testid="context-card">
      <h2 id="context-heading">{context ? SITE_NAMES[context.site] : 'Nothing open'}</h2>
      {focusAccount && (
        <p class="row">
          <span>Showing a reminder's account.</span>
          <button type="button" class="link" onClick={props.onClearFocus}>
            Back to the page
          </button>
        </p>
      )}
      {context ? (
        <>
          <h1 data-testid="context-title">{context.title || '(no subject)'}</h1>
          <AccountLine {...props} account={account} />
          {!focusAccount && <Companies {...props} companies={companies} />}
          <ul class="people" aria-label="People">
            {(match?.people ?? context.participants.map(bare)).map((p) => (
              <Person key={p.participant.email} person={p} {...props} />
            ))}
          </ul>
        </>
      ) : (
        <>
          {focusAccount && <AccountLine {...props} account={focusAccount} />}
          <p class="muted">
            {props.loading
              ? 'Reading the page…'
              : 'Open an email thread or calendar event, or log an interaction by hand below.'}
          </p>
        </>
      )}
    </section>
  );
}

const bare = (participant: PageContext['participants'][number]): PersonMatch => ({
  participant,
  contact: null,
  account: null,
  domain: null,
});

/** The owner, managers and admins may change an account (the server checks again). */
export const canEditAccount = (a: LocalAccount, userId: string, role: Role) =>
  role === 'manager' || role === 'admin' || a.ownerId === userId;

function AccountLine(props: Props) {
  const a = props.account;
  if (!a) return null;
  return (
    <div class="account-line">
      <p data-testid="context-account">
        <strong>{a.name}</strong> <span class={`tag tag-${a.tier}`}>{a.tier}</span>{' '}
        <span class="muted">
          {a.stakeholder} ·{' '}
          {a.cadenceDays === 0
            ? 'keep-in-touch off'
            : `every ${a.cadenceDays ?? props.defaultCadence[a.tier]} days`}
          {a.endsOn ? ` · ends ${formatDate(a.endsOn)}` : ''}
        </span>
        {a.pending ? <span class="muted"> · not synced yet</span> : null}
      </p>
      {canEditAccount(a, props.userId, props.role) && (
        <AccountEdit
          key={a.id}
          db={props.db}
          account={a}
          userId={props.userId}
          people={props.people}
          defaultCadence={props.defaultCadence}
          onSaved={props.onChanged}
        />
      )}
    </div>
  );
}

/**
 * The client companies on the page. With several, the user picks the one the
 * log is about; each company without an account offers to create it.
 */
function Companies(props: Props & { companies: Company[] }) {
  const { companies, context } = props;
  const [creating, setCreating] = useState<string | null>(null);
  if (companies.length === 0)
    return props.account ? null : <p class="muted">No client company on this page yet.</p>;
  const several = companies.length > 1;
  const picked = props.companyKey ?? companies[0]!.key;
  const texts = (c: Company) => [
    ...c.people.map((p) => p.participant.name),
    ...(props.match?.people ?? []).map((p) => p.participant.name),
    context?.title ?? '',
  ];
  // Listed in the page's order, so nothing moves under the pointer when an account appears.
  const body = [...companies]
    .sort((a, b) => a.pageOrder - b.pageOrder)
    .map((c) => {
      const label = c.account ? c.account.name : c.domain!;
      return (
        <li key={c.key} data-testid="company" data-company={c.key}>
          <span class="company-row">
            {several ? (
              <label class="check">
                <input
                  type="radio"
                  name="company"
                  value={c.key}
                  checked={picked === c.key}
                  onChange={() => props.onPickCompany(c.key)}
                />
                {label}
              </label>
            ) : (
              !c.account && <span>{label}</span>
            )}
            <span class="muted">
              {c.account ? ` ${c.account.tier}` : ' no account yet'} · {c.people.length}{' '}
              {c.people.length === 1 ? 'person' : 'people'}
            </span>
            {!c.account && c.domain && (
              <button
                type="button"
                aria-label={`Create account for ${c.domain}`}
                aria-expanded={creating === c.key}
                onClick={() => setCreating(creating === c.key ? null : c.key)}
              >
                Create account
              </button>
            )}
          </span>
          {creating === c.key && c.domain && (
            <CreateAccount
              db={props.db}
              domain={c.domain}
              suggestedName={suggestAccountName(c.domain, texts(c))}
              userId={props.userId}
              defaultCadence={props.defaultCadence}
              onCreated={(id) => {
                setCreating(null);
                // The log stays about the company it was about: creating another company's account
                // must not move it (an account would now sort first); the picked one keeps its pick.
                props.onPickCompany(picked === c.key ? `account:${id}` : picked);
                props.onChanged();
              }}
              onCancel={() => setCreating(null)}
            />
          )}
        </li>
      );
    });
  if (!several && companies[0]!.account) return null;
  return several ? (
    <fieldset class="companies">
      <legend>Which company is this about?</legend>
      <ul class="plain">{body}</ul>
    </fieldset>
  ) : (
    <ul class="plain companies">{body}</ul>
  );
}

function Person(props: Props & { person: PersonMatch }) {
  const { person, db, userId } = props;
  const p = person.participant;
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const run = async (write: () => Promise<unknown>) => {
    setBusy(true);
    setError(null);
    try {
      await write();
      props.onChanged();
    } catch {
      setError('Could not save that here; try again.');
    } finally {
      setBusy(false);
    }
  };
  const label = p.name || p.email;
  const canCreateContact = !p.isSelf && !person.colleague && !person.contact && props.match !== null;
  return (
    <li data-testid="participant" data-colleague={person.colleague ? 'true' : undefined}>
      <span>
        {p.name ? `${p.name} ` : ''}
        <span class="muted">&lt;{p.email}&gt;</span>
        {p.isSelf && <span class="muted"> (you)</span>}
        {person.colleague && <span class="badge"> colleague</span>}
        {person.contact && <span class="muted"> · contact</span>}
        {!person.contact && person.account && <span class="muted"> · {person.account.name}</span>}
      </span>
      {canCreateContact && (
        <span class="actions">
          <button
            type="button"
            disabled={busy}
            aria-label={`Add ${label} as a contact`}
            onClick={() => run(() => createContact(db, p, person.account?.id ?? null, userId))}
          >
            Add contact
          </button>
        </span>
      )}
      {error && (
        <span role="alert" class="error">
          {error}
        </span>
      )}
    </li>
  );
}
