import { BAND_LABEL, type Band, bandOf, SCORE_OFF } from './cadence.ts';
import {
  COUNT_CAP,
  DIRECTORY_PAGE_SIZE,
  type DirectoryPage,
  type DirectoryQuery,
  directoryHref,
  SORTS,
} from './directory.ts';
import { formatDay } from './format.ts';
import { Layout } from './Layout.tsx';
import { options, STAKEHOLDER_LABEL, TIER_LABEL } from './labels.ts';
import type { Viewer } from './session.tsx';

interface Person {
  id: string;
  name: string;
}

/** The health band as a word and a chip; the number is there for sorting by eye. */
export function HealthChip(props: { score: number }) {
  if (props.score === SCORE_OFF)
    return (
      <span class="band band-off" data-band="off">
        Cadence off
      </span>
    );
  const band: Band = bandOf(props.score);
  return (
    <span class={`band band-${band}`} data-band={band} data-score={props.score}>
      {BAND_LABEL[band]} <span class="band-score">{props.score}</span>
    </span>
  );
}

function Filters(props: { q: DirectoryQuery; people: Person[]; viewerId: string }) {
  const { q } = props;
  const sel = (name: string, label: string, value: string, opts: { value: string; label: string }[]) => (
    <label>
      {label}
      <select name={name}>
        {opts.map((o) => (
          <option key={o.value} value={o.value} selected={o.value === value}>
            {o.label}
          </option>
        ))}
      </select>
    </label>
  );
  const me = props.people.find((p) => p.id === props.viewerId);
  const owners = [
    { value: '', label: 'Anyone' },
    ...(me ? [{ value: me.id, label: `Me (${me.name})` }] : []),
    { value: 'none', label: 'Nobody' },
    ...props.people.filter((p) => p.id !== props.viewerId).map((p) => ({ value: p.id, label: p.name })),
  ];
  return (
    <form
      method="get"
      action="/accounts"
      class="filters"
      aria-label="Filter accounts"
      data-testid="directory-filters"
    >
      <label class="grow">
        Search
        <input type="search" name="q" value={q.q} maxLength={100} placeholder="Name or domain" />
      </label>
      {sel('tier', 'Tier', q.tier, [{ value: '', label: 'Any' }, ...options(TIER_LABEL)])}
      {sel('stakeholder', 'Stakeholder', q.stakeholder, [
        { value: '', label: 'Any' },
        ...options(STAKEHOLDER_LABEL),
      ])}
      {sel('owner', 'Owner', q.owner, owners)}
      {sel('band', 'Health', q.band, [{ value: '', label: 'Any' }, ...options(BAND_LABEL)])}
      {sel(
        'sort',
        'Sort by',
        q.sort,
        SORTS.map((s) => ({ value: s.id, label: s.label })),
      )}
      <button type="submit">Show</button>
      {directoryHref({ ...q, after: null, before: null, start: 1 }) !== '/accounts' && (
        <a href="/accounts" class="button-link">
          Clear
        </a>
      )}
    </form>
  );
}

function Pager(props: { q: DirectoryQuery; page: DirectoryPage; shown: number }) {
  const { q, page } = props;
  const base = { ...q, after: null, before: null };
  if (!page.prev && !page.next) return null;
  return (
    <nav class="pager" aria-label="Pages">
      {page.prev ? (
        <a
          href={directoryHref(base, { before: page.prev, start: Math.max(1, q.start - DIRECTORY_PAGE_SIZE) })}
          rel="prev"
          data-testid="page-prev"
        >
          ← Previous
        </a>
      ) : (
        <span />
      )}
      {page.next && (
        <a
          href={directoryHref(base, { after: page.next, start: q.start + props.shown })}
          rel="next"
          data-testid="page-next"
        >
          Next →
        </a>
      )}
    </nav>
  );
}

/** `/accounts`: the org's directory, for every role. */
export function DirectoryView(props: {
  viewer: Viewer;
  q: DirectoryQuery;
  page: DirectoryPage;
  people: Person[];
  now: Date;
}) {
  const { viewer, q, page } = props;
  const names = new Map(props.people.map((p) => [p.id, p.name]));
  const n = page.rows.length;
  const total =
    page.total >= COUNT_CAP ? `${COUNT_CAP.toLocaleString('en')}+` : page.total.toLocaleString('en');
  return (
    <Layout title="Accounts" viewer={viewer} area="accounts">
      <div class="title-row">
        <h1>Accounts</h1>
        <a class="button" href="/accounts/new" data-testid="new-account">
          New account
        </a>
      </div>
      <Filters q={q} people={props.people} viewerId={viewer.userId} />
      <p role="status" data-testid="directory-count" data-total={page.total}>
        {page.total === 0
          ? 'No account matches.'
          : `${total} ${page.total === 1 ? 'account' : 'accounts'}${n > 0 ? `, showing ${q.start}–${q.start + n - 1}` : ''}.`}{' '}
        <span class="muted">
          Health is the contact cadence for now: days since the last touch against the cadence.
        </span>
      </p>
      {n > 0 && (
        <table class="stack" data-testid="directory">
          <caption class="visually-hidden">Accounts, {SORTS.find((s) => s.id === q.sort)?.label}</caption>
          <thead>
            <tr>
              <th scope="col">Account</th>
              <th scope="col">Tier</th>
              <th scope="col">Stakeholder</th>
              <th scope="col">Owner</th>
              <th scope="col">Last touch</th>
              <th scope="col">Health</th>
            </tr>
          </thead>
          <tbody>
            {page.rows.map((r) => {
              const days = r.lastInteractionAt
                ? Math.floor((props.now.getTime() - Date.parse(r.lastInteractionAt)) / 86_400_000)
                : null;
              return (
                <tr key={r.id} data-testid="account-row" data-account-id={r.id}>
                  <th scope="row" data-label="Account">
                    <a href={`/accounts/${r.id}`}>{r.name}</a>
                    {r.domains.length > 0 && <span class="muted small block">{r.domains.join(', ')}</span>}
                  </th>
                  <td data-label="Tier" data-value={r.tier}>
                    <span class={`tag tag-${r.tier}`}>{r.tier}</span>
                  </td>
                  <td data-label="Stakeholder">{STAKEHOLDER_LABEL[r.stakeholder]}</td>
                  <td data-label="Owner" data-value={r.ownerId ?? ''}>
                    {r.ownerId ? (
                      (names.get(r.ownerId) ?? 'Former member')
                    ) : (
                      <span class="muted">Nobody</span>
                    )}
                  </td>
                  <td data-label="Last touch" data-value={r.lastInteractionAt ?? ''}>
                    {r.lastInteractionAt ? (
                      <time dateTime={r.lastInteractionAt}>
                        {formatDay(r.lastInteractionAt, viewer.timeZone)}
                      </time>
                    ) : (
                      <span class="muted">Never</span>
                    )}
                  </td>
                  <td data-label="Health">
                    <span>
                      <HealthChip score={r.score} />{' '}
                      <span class="muted small">
                        {days === null
                          ? `never touched; every ${r.cadenceDays} d`
                          : `${days} d since; every ${r.cadenceDays} d`}
                      </span>
                    </span>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
      <Pager q={q} page={page} shown={n} />
    </Layout>
  );
}
