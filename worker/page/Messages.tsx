import { Layout, type LayoutViewer } from './Layout.tsx';

/** Signed out: how to sign in (there is no password; the extension mints a one-time link). */
export function SignInPage(props: { signedOut?: boolean }) {
  return (
    <Layout title="Sign in">
      <h1>Sign in to the Rapport team summary</h1>
      {props.signedOut && (
        <p role="status" data-testid="signed-out">
          You are signed out.
        </p>
      )}
      <p>
        The team summary is for managers and admins. There is no password: open the Rapport extension's side
        panel and choose <strong>Open team summary</strong>. It opens a one-time link, valid for 5 minutes,
        that signs this browser in for 30 days.
      </p>
    </Layout>
  );
}

export function ForbiddenPage(props: { viewer: LayoutViewer }) {
  return (
    <Layout title="Managers only" viewer={props.viewer}>
      <h1>The team summary is for managers and admins</h1>
      <p data-testid="forbidden">
        You are signed in as a member. Your own log and reminders are in the Rapport side panel. Ask an admin
        of your organisation if you need manager access.
      </p>
    </Layout>
  );
}

export function NotFoundPage(props: { viewer: LayoutViewer; what: string }) {
  return (
    <Layout title="Not found" viewer={props.viewer}>
      <h1>{props.what} not found</h1>
      <p>
        It may have been deleted, or the link is wrong. <a href="/">Back to the team summary</a>.
      </p>
    </Layout>
  );
}

export function LinkGonePage() {
  return (
    <Layout title="Link expired">
      <h1>This sign-in link has expired or was already used</h1>
      <p data-testid="link-gone">
        Sign-in links work once and for 5 minutes. Open the team summary again from the Rapport extension to
        get a new one.
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
