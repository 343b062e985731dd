import { useState } from 'preact/hooks';
import type { PageContext } from '../../shared/schemas/page-context.ts';
import type { Db, LocalAccount } from '../lib/db.ts';
import { createAccountForDomain, createContact } from './directory-writes.ts';
import type { ContextMatch, PersonMatch } from './local-match.ts';

const SITE_NAMES: Record<PageContext['site'], string> = {
  gmail: 'Gmail thread',
  'google-calendar': 'Google Calendar event',
  'outlook-mail': 'Outlook email',
  'outlook-calendar': 'Outlook event',
};

interface Props {
  db: Db;
  userId: string;
  context: PageContext | null;
  loading: boolean;
  match: ContextMatch | null;
  /** The account shown when a reminder notification steered the panel, over the page's. */
  focusAccount: LocalAccount | null;
  onClearFocus: () => void;
  onChanged: () => void;
}

/**
 * What is open in the tab: subject, people and the account they belong to,
 * with one-click creation of what the directory lacks. Page text is rendered
 * as text only, never as markup.
 */
export function ContextCard(props: Props) {
  const { context, match, focusAccount } = props;
  const account = focusAccount ?? match?.account ?? null;
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
          <AccountLine account={account} />
          <ul class="people" aria-label="People">
            {(match?.people ?? context.participants.map(bare)).map((p) => (
              <Person key={p.participant.email} person={p} {...props} account={account} />
            ))}
          </ul>
        </>
      ) : (
        <>
          {focusAccount && <AccountLine account={focusAccount} />}
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

function AccountLine(props: { account: LocalAccount | null }) {
  const a = props.account;
  if (!a) return <p class="muted">No matching account yet.</p>;
  return (
    <p data-testid="context-account">
      <strong>{a.name}</strong> <span class={`tag tag-${a.tier}`}>{a.tier}</span>
      {a.pending ? <span class="muted"> · not synced yet</span> : null}
    </p>
  );
}

function Person(props: Props & { person: PersonMatch; account: LocalAccount | null }) {
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
  const canCreateAccount = !p.isSelf && !person.contact && !person.account && person.domain !== null;
  const canCreateContact = !p.isSelf && !person.contact && props.match !== null;
  return (
    <li data-testid="participant">
      <span>
        {p.name ? `${p.name} ` : ''}
        <span class="muted">&lt;{p.email}&gt;</span>
        {p.isSelf && <span class="muted"> (you)</span>}
        {person.contact && <span class="muted"> · contact</span>}
        {!person.contact && person.account && <span class="muted"> · {person.account.name}</span>}
      </span>
      {(canCreateAccount || canCreateContact) && (
        <span class="actions">
          {canCreateAccount && (
            <button
              type="button"
              disabled={busy}
              aria-label={`Create account for ${person.domain}`}
              onClick={() => run(() => createAccountForDomain(db, person.domain!, userId))}
            >
              Create account
            </button>
          )}
          {canCreateContact && (
            <button
              type="button"
              disabled={busy}
              aria-label={`Add ${label} as a contact`}
              onClick={() => run(() => createContact(db, p, person.account?.id ?? null, userId))}
            >
              Add contact
            </button>
          )}
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
