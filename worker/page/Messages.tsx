import { Layout, type LayoutViewer } from './Layout.tsx';

/**
 * Signed out: how to get in. There is no password; a signed-in extension mints
 * a one-time link. A deployment with no organisation yet is pointed at /setup.
 */
export function SignInPage(props: { signedOut?: boolean; fresh?: boolean }) {
  return (
    <Layout title="Sign in">
      <h1>Sign in to Rapport</h1>
      {props.signedOut && (
        <p role="status" data-testid="signed-out">
          You are signed out.
        </p>
      )}
      {props.fresh ? (
        <p data-testid="sign-in-fresh">
          This Rapport server has no organisation yet. If you run it, <a href="/setup">set it up</a> with its
          setup token.
        </p>
      ) : (
        <>
          <p data-testid="sign-in-how">
            There is no password. Open the Rapport side panel in your browser and choose{' '}
            <strong>Open Rapport on the web</strong>. It opens a one-time link, valid for 5 minutes, that
            signs this browser in for 30 days.
          </p>
          <p>
            Not connected yet? Ask a manager or admin of your team for an invite code, then connect the
            extension's panel with this server's address and the code.
          </p>
        </>
      )}
    </Layout>
  );
}

export function ForbiddenPage(props: { viewer: LayoutViewer }) {
  return (
    <Layout title="Managers only" viewer={props.viewer}>
      <h1>This page is for managers and admins</h1>
      <p data-testid="forbidden">
        You are signed in as a {props.viewer.role}. You can use <a href="/accounts">the accounts</a>,{' '}
        <a href="/settings">the settings</a> and <a href="/me">your own profile</a>. Ask an admin of your
        organisation if you need more.
      </p>
    </Layout>
  );
}

export function NotFoundPage(props: { viewer: LayoutViewer; what: string }) {
  return (
    <Layout title="Not found" viewer={props.viewer}>
      <h1>{props.what} not found</h1>
      <p>
        It may have been deleted, or the link is wrong. <a href="/accounts">Back to the accounts</a>.
      </p>
    </Layout>
  );
}

/** A form whose CSRF token does not match the session (an old tab, or a forged post). */
export function FormExpiredPage(props: { viewer: LayoutViewer; back: string }) {
  return (
    <Layout title="Form expired" viewer={props.viewer}>
      <h1>This form has expired</h1>
      <p data-testid="form-expired">
        Nothing was changed. <a href={props.back}>Open the page again</a> and resubmit.
      </p>
    </Layout>
  );
}

export function LinkGonePage() {
  return (
    <Layout title="Link expired">
      <h1>This sign-in link has expired or was already used</h1>
      <p data-testid="link-gone">
        Sign-in links work once and for 5 minutes. Choose <strong>Open Rapport on the web</strong> in the
        Rapport side panel again to get a new one.
      </p>
    </Layout>
  );
}

/**
 * The web link's landing page. Opening the link spends nothing: link scanners
 * and mail previews fetch URLs with GET, so only this button's POST signs in.
 */
export function LinkConfirmPage(props: { code: string; name: string; org: string }) {
  return (
    <Layout title="Sign in">
      <h1>Sign in to Rapport</h1>
      <p>
        Continue as <strong data-testid="link-user">{props.name}</strong> of <strong>{props.org}</strong> on
        this browser. You stay signed in for 30 days or until you sign out.
      </p>
      <form method="post" action="/auth/link">
        <input type="hidden" name="code" value={props.code} />
        <button type="submit" class="primary" data-testid="link-continue">
          Continue
        </button>
      </form>
      <p class="muted">If you did not ask to sign in, close this page; the link expires by itself.</p>
    </Layout>
  );
}
