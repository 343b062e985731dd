import type { Invite, Person } from '../../shared/schemas/index.ts';
import { formatWhen } from '../../shared/ui/TimelineRow.tsx';
import { CopyButton } from './CopyButton.tsx';
import { Csrf, ErrorSummary, type FieldErrors, SelectField, TextField } from './Fields.tsx';
import { formatDay } from './format.ts';
import { Layout } from './Layout.tsx';
import { ROLE_LABEL } from './labels.ts';
import { Notice } from './Notice.tsx';
import type { Viewer } from './session.tsx';

export interface InviteValues {
  name: string;
  email: string;
  role: string;
}

export const EMPTY_INVITE: InviteValues = { name: '', email: '', role: 'member' };

/** An invite just made: the code and the join link, shown this once. */
export interface IssuedInvite {
  name: string | null;
  email: string;
  role: string;
  code: string;
  joinUrl: string;
  server: string;
  expiresAt: string;
}

export interface TeamPageData {
  people: Person[];
  former: Person[];
  invites: Invite[];
}

function Issued(props: { invite: IssuedInvite; timeZone: string }) {
  const { invite } = props;
  return (
    <section class="card issued" aria-labelledby="issued-heading" data-testid="issued-invite">
      <h2 id="issued-heading">Invite for {invite.name ?? invite.email} is ready</h2>
      <p>
        Send these to {invite.name ?? invite.email} ({invite.email},{' '}
        {ROLE_LABEL[invite.role as Person['role']]}). They are shown only now. The code works once, until{' '}
        <time dateTime={invite.expiresAt}>{formatWhen(invite.expiresAt, props.timeZone)}</time>.
      </p>
      <dl class="facts codes">
        <dt>Join link</dt>
        <dd>
          <a id="join-link" href={invite.joinUrl} data-testid="join-link">
            {invite.joinUrl}
          </a>{' '}
          <CopyButton target="join-link" label="Copy link" />
        </dd>
        <dt>Server address</dt>
        <dd>
          <code id="invite-server">{invite.server}</code>{' '}
          <CopyButton target="invite-server" label="Copy address" />
        </dd>
        <dt>Invite code</dt>
        <dd>
          <code id="invite-code" data-testid="invite-code">
            {invite.code}
          </code>{' '}
          <CopyButton target="invite-code" label="Copy code" />
        </dd>
      </dl>
      <p class="muted">
        The join link explains the steps: install the Rapport extension, open its side panel, and connect with
        the server address and the code.
      </p>
    </section>
  );
}

function InviteForm(props: { viewer: Viewer; values: InviteValues; errors?: FieldErrors | undefined }) {
  const roles =
    props.viewer.role === 'admin'
      ? (['member', 'manager', 'admin'] as const)
      : (['member', 'manager'] as const);
  return (
    <form method="post" action="/team/invites" class="form" data-testid="invite-form" noValidate>
      <Csrf token={props.viewer.csrf} />
      <ErrorSummary errors={props.errors} form="invite" />
      <div class="row">
        <TextField
          form="invite"
          name="name"
          label="Name"
          value={props.values.name}
          errors={props.errors}
          maxLength={200}
          autocomplete="off"
        />
        <TextField
          form="invite"
          name="email"
          label="Work email"
          type="email"
          value={props.values.email}
          errors={props.errors}
          autocomplete="off"
        />
        <SelectField
          form="invite"
          name="role"
          label="Role"
          value={props.values.role}
          options={roles.map((r) => ({ value: r, label: ROLE_LABEL[r] }))}
          errors={props.errors}
        />
      </div>
      <button type="submit" class="primary">
        Create invite
      </button>
    </form>
  );
}

function RoleForm(props: { viewer: Viewer; person: Person }) {
  const { person } = props;
  return (
    <form method="post" action={`/team/people/${person.id}/role`} class="inline-form">
      <Csrf token={props.viewer.csrf} />
      <label class="visually-hidden" for={`role-${person.id}`}>
        Role of {person.name}
      </label>
      <select id={`role-${person.id}`} name="role">
        {(['member', 'manager', 'admin'] as const).map((r) => (
          <option key={r} value={r} selected={r === person.role}>
            {ROLE_LABEL[r]}
          </option>
        ))}
      </select>
      <button type="submit" aria-label={`Change the role of ${person.name}`}>
        Change
      </button>
    </form>
  );
}

function PeopleList(props: {
  viewer: Viewer;
  data: TeamPageData;
  rowError?: { id: string; message: string };
}) {
  const admin = props.viewer.role === 'admin';
  return (
    <table class="stack" data-testid="team-people">
      <caption class="visually-hidden">Active people</caption>
      <thead>
        <tr>
          <th scope="col">Person</th>
          <th scope="col">Role</th>
          <th scope="col">Time zone</th>
          {admin && <th scope="col">Actions</th>}
        </tr>
      </thead>
      <tbody>
        {props.data.people.map((p) => (
          <tr key={p.id} data-testid="team-person" data-user-id={p.id} data-role={p.role}>
            <th scope="row" data-label="Person">
              <a href={`/people/${p.id}`}>{p.name}</a>
              {p.id === props.viewer.userId && <span class="muted"> (you)</span>}
              <span class="muted small block">
                {p.email} · <a href={`/accounts?owner=${p.id}`}>their accounts</a>
              </span>
              {props.rowError?.id === p.id && (
                <span class="field-error block" role="alert" data-testid="row-error">
                  {props.rowError.message}
                </span>
              )}
            </th>
            <td data-label="Role">
              {admin ? <RoleForm viewer={props.viewer} person={p} /> : ROLE_LABEL[p.role]}
            </td>
            <td data-label="Time zone">{p.timeZone}</td>
            {admin && (
              <td data-label="Actions">
                {p.id !== props.viewer.userId && (
                  <a
                    href={`/team/people/${p.id}/deactivate`}
                    class="danger-link"
                    aria-label={`Deactivate ${p.name}`}
                  >
                    Deactivate…
                  </a>
                )}
              </td>
            )}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function Invites(props: { viewer: Viewer; invites: Invite[] }) {
  if (props.invites.length === 0) return <p class="muted">No pending invites.</p>;
  return (
    <ul class="plain" data-testid="pending-invites">
      {props.invites.map((i) => (
        <li
          key={i.id}
          class="contact"
          data-testid="pending-invite"
          data-invite-id={i.id}
          data-email={i.email}
        >
          <div>
            <strong>{i.name ?? i.email}</strong> <span class="muted">({ROLE_LABEL[i.role]})</span>
            <span class="muted small block">
              {i.email} · invited by {i.invitedByName ?? 'a former member'} · expires{' '}
              <time dateTime={i.expiresAt}>{formatWhen(i.expiresAt, props.viewer.timeZone)}</time>
              {i.kind === 'device'
                ? ' · a code for another device'
                : i.kind === 'rejoin'
                  ? ' · rejoining'
                  : ''}
            </span>
          </div>
          <div class="actions">
            <a
              href={`/team/invites/${i.id}/revoke`}
              class="danger-link"
              aria-label={`Revoke the invite for ${i.email}`}
            >
              Revoke…
            </a>
          </div>
        </li>
      ))}
    </ul>
  );
}

/** `/team` (managers and admins): people and roles, invites, deactivation. */
export function TeamAdminView(props: {
  viewer: Viewer;
  data: TeamPageData;
  done?: string | undefined;
  issued?: IssuedInvite;
  invite?: { values: InviteValues; errors?: FieldErrors };
  rowError?: { id: string; message: string };
}) {
  const { viewer, data } = props;
  return (
    <Layout title="Team" viewer={viewer} area="team">
      <h1>Team</h1>
      <Notice done={props.done} />
      {props.issued && <Issued invite={props.issued} timeZone={viewer.timeZone} />}
      <section aria-labelledby="invite-heading">
        <h2 id="invite-heading">Invite someone</h2>
        <InviteForm
          viewer={viewer}
          values={props.invite?.values ?? EMPTY_INVITE}
          errors={props.invite?.errors}
        />
      </section>
      <section aria-labelledby="people-heading">
        <h2 id="people-heading">People ({data.people.length})</h2>
        {viewer.role !== 'admin' && <p class="muted">Only an admin can change roles or deactivate people.</p>}
        <PeopleList viewer={viewer} data={data} {...(props.rowError ? { rowError: props.rowError } : {})} />
      </section>
      <section aria-labelledby="invites-heading">
        <h2 id="invites-heading">Pending invites ({data.invites.length})</h2>
        <Invites viewer={viewer} invites={data.invites} />
      </section>
      {data.former.length > 0 && (
        <section aria-labelledby="former-heading">
          <h2 id="former-heading">Former members</h2>
          <ul class="plain" data-testid="former-people">
            {data.former.map((p) => (
              <li key={p.id} data-user-id={p.id}>
                <a href={`/people/${p.id}`}>{p.name}</a> <span class="muted">({p.email})</span>
                {p.deactivatedAt && (
                  <span class="muted small block">
                    Deactivated {formatDay(p.deactivatedAt, viewer.timeZone)}
                  </span>
                )}
              </li>
            ))}
          </ul>
          <p class="muted small">
            Their interactions stay in the log and in the team's numbers. Invite them again to bring them
            back.
          </p>
        </section>
      )}
    </Layout>
  );
}
