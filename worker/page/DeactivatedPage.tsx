import type { DeactivateResponse } from '../../shared/schemas/index.ts';
import { plural } from './format.ts';
import { Layout } from './Layout.tsx';
import type { Viewer } from './session.tsx';

/** What a deactivation did, in numbers, so the admin can see that nothing was lost. */
export function DeactivatedPage(props: { viewer: Viewer; result: DeactivateResponse; heirName: string }) {
  const { result: r } = props;
  return (
    <Layout title={`${r.user.name} deactivated`} viewer={props.viewer} area="team">
      <h1>{r.user.name} is deactivated</h1>
      <ul class="plain" role="status" data-testid="deactivated">
        <li data-field="reassignedAccounts" data-value={r.reassignedAccounts}>
          {plural(r.reassignedAccounts, 'account')} handed to {props.heirName}
        </li>
        <li data-field="revokedTokens" data-value={r.revokedTokens}>
          {plural(r.revokedTokens, 'device or browser', 'devices and browsers')} signed out
        </li>
        <li data-field="revokedInvites" data-value={r.revokedInvites}>
          {plural(r.revokedInvites, 'pending invite')} revoked
        </li>
        <li data-field="closedReminders" data-value={r.closedReminders}>
          {plural(r.closedReminders, 'open reminder')} closed
        </li>
      </ul>
      <p>Their interactions stay in the log and in the team's numbers, under their name marked as former.</p>
      <p>
        <a href="/team">Back to the team</a>
      </p>
    </Layout>
  );
}
