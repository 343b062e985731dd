import { ZoneList } from './ContactsSection.tsx';
import { CopyButton } from './CopyButton.tsx';
import { ErrorSummary, type FieldErrors, TextField } from './Fields.tsx';
import { Layout, type LayoutViewer } from './Layout.tsx';

export interface SetupValues {
  setupToken: string;
  orgName: string;
  name: string;
  email: string;
  timeZone: string;
}

export const EMPTY_SETUP: SetupValues = { setupToken: '', orgName: '', name: '', email: '', timeZone: '' };

/** `/setup` on a fresh deployment: the operator creates the first organisation and its admin. */
export function SetupPage(props: { values: SetupValues; errors?: FieldErrors; disabled?: boolean }) {
  const { values: v, errors } = props;
  return (
    <Layout title="Set up Rapport">
      <h1>Set up Rapport</h1>
      {props.disabled ? (
        <p class="notice" data-testid="setup-disabled">
          Setup is switched off on this server: it has no <code>SETUP_TOKEN</code>. Set one with{' '}
          <code>npx wrangler secret put SETUP_TOKEN</code> (locally, in <code>.dev.vars</code>) and reload
          this page.
        </p>
      ) : (
        <>
          <p>
            Create your organisation and its first admin. You will be signed in here as that admin, and get a
            code to connect your own Rapport side panel.
          </p>
          <form method="post" action="/setup" class="form" data-testid="setup-form" noValidate>
            <ErrorSummary errors={errors} />
            <TextField
              name="setupToken"
              label="Setup token"
              type="password"
              value={v.setupToken}
              errors={errors}
              autocomplete="off"
              hint="The server's SETUP_TOKEN secret. npm start writes it to .dev.vars."
            />
            <TextField
              name="orgName"
              label="Organisation name"
              value={v.orgName}
              errors={errors}
              maxLength={200}
              autocomplete="organization"
            />
            <TextField
              name="name"
              label="Your name"
              value={v.name}
              errors={errors}
              maxLength={200}
              autocomplete="name"
            />
            <TextField
              name="email"
              label="Your work email"
              type="email"
              value={v.email}
              errors={errors}
              autocomplete="email"
              hint="Its domain becomes your organisation's own mail domain, so colleagues never become accounts."
            />
            <TextField
              name="timeZone"
              label="Your time zone"
              value={v.timeZone}
              errors={errors}
              list="time-zones"
              placeholder="Europe/Berlin"
              hint="Reminders land in your working hours in this zone."
              dataDefaultZone
            />
            <ZoneList />
            <button type="submit" class="primary">
              Create the organisation
            </button>
          </form>
        </>
      )}
    </Layout>
  );
}

/** After setup: signed in as the new admin, with the panel's code shown this once. */
export function SetupDonePage(props: { viewer: LayoutViewer; org: string; token: string; server: string }) {
  return (
    <Layout title="Rapport is ready" viewer={props.viewer}>
      <h1>{props.org} is ready</h1>
      <p role="status" data-testid="setup-done">
        You are signed in as <strong>{props.viewer.name}</strong>, the admin of {props.org}.
      </p>
      <h2>Connect your own side panel</h2>
      <p>
        Open the Rapport extension's side panel and connect it with this server address and code. The code is
        shown only now; it signs your browser's extension in until you revoke it under <a href="/me">You</a>.
      </p>
      <dl class="facts codes">
        <dt>Server address</dt>
        <dd>
          <code id="server-address">{props.server}</code>{' '}
          <CopyButton target="server-address" label="Copy address" />
        </dd>
        <dt>Code</dt>
        <dd>
          <code id="panel-code" data-testid="panel-code">
            {props.token}
          </code>{' '}
          <CopyButton target="panel-code" label="Copy code" />
        </dd>
      </dl>
      <p>
        <a class="button primary" href="/team" data-testid="go-team">
          Next: invite your team
        </a>
      </p>
    </Layout>
  );
}
