import { Hono } from 'hono';
import type { InvitePreview } from '../../../shared/schemas/index.ts';
import { formatWhen } from '../../../shared/ui/TimelineRow.tsx';
import type { AppEnv } from '../../env.ts';
import { ProblemError } from '../../http/problem.ts';
import { CopyButton } from '../../page/CopyButton.tsx';
import { page as render } from '../../page/html.ts';
import { Layout } from '../../page/Layout.tsx';
import { ROLE_LABEL } from '../../page/labels.ts';
import { previewInvite } from '../../people/redeem.ts';

function JoinPage(props: { invite: InvitePreview; code: string; server: string }) {
  const { invite } = props;
  return (
    <Layout title={`Join ${invite.org.name}`}>
      <h1>Join {invite.org.name} on Rapport</h1>
      <p data-testid="join-who">
        {invite.name ? `${invite.name}, you` : 'You'} ({invite.email}) are invited as{' '}
        {invite.role === 'admin' ? 'an' : 'a'} {ROLE_LABEL[invite.role].toLowerCase()}. The code works once,
        until <time dateTime={invite.expiresAt}>{formatWhen(invite.expiresAt, 'UTC')} UTC</time>.
      </p>
      <ol class="steps">
        <li>Install the Rapport extension in Chrome, Edge or Firefox (your admin has it).</li>
        <li>Click its toolbar button to open the Rapport side panel.</li>
        <li>
          Connect with these two values:
          <dl class="facts codes">
            <dt>Server address</dt>
            <dd>
              <code id="join-server">{props.server}</code>{' '}
              <CopyButton target="join-server" label="Copy address" />
            </dd>
            <dt>Invite code</dt>
            <dd>
              <code id="join-code">{props.code}</code> <CopyButton target="join-code" label="Copy code" />
            </dd>
          </dl>
        </li>
        <li>Confirm your name, and you are in. Your manager then sees your work in the team summary.</li>
      </ol>
    </Layout>
  );
}

function GonePage() {
  return (
    <Layout title="Invite no longer valid">
      <h1>This invite is no longer valid</h1>
      <p data-testid="join-gone">
        It was already used, revoked, or has expired. Ask the person who invited you for a new one.
      </p>
    </Layout>
  );
}

/**
 * `/join?code=`: the join link an invite shows. It explains how to join and
 * repeats the server address and the code; opening it spends nothing (only the
 * extension's redeem does). Every look-up counts against the strict sign-in limit.
 */
export const joinPages = new Hono<AppEnv>().get('/join', async (c) => {
  const code = c.req.query('code') ?? '';
  if (!code || code.length > 200) return render(c, <GonePage />, 410);
  try {
    const invite = await previewInvite(c.env.DB, code, new Date());
    return render(c, <JoinPage invite={invite} code={code} server={new URL(c.req.url).origin} />);
  } catch (err) {
    if (err instanceof ProblemError && err.problem.status < 500) return render(c, <GonePage />, 410);
    throw err;
  }
});
