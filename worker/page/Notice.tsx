import { PLAN_DONE } from './plan/done.ts';

// What the last change did, shown once after the redirect that followed it. Only known codes
// are shown, so a crafted link cannot put arbitrary words on the page.

const DONE: Record<string, string> = {
  'account-created': 'Account created.',
  'account-saved': 'Profile saved.',
  'account-deleted': 'Account deleted.',
  'contact-added': 'Contact added.',
  'contact-saved': 'Contact saved.',
  'contact-deleted': 'Contact deleted.',
  'invite-revoked': 'Invite revoked. Its code no longer works.',
  'role-changed': 'Role changed.',
  'person-deactivated': 'Deactivated. Their sign-ins stopped working and their accounts were handed over.',
  'settings-saved': 'Settings saved.',
  'profile-saved': 'Your profile is saved.',
  'token-revoked': 'Revoked. That device or token is signed out.',
  ...PLAN_DONE,
};

export function Notice(props: { done: string | undefined }) {
  const text = props.done ? DONE[props.done] : undefined;
  if (!text) return null;
  return (
    <p class="notice notice-ok" role="status" data-testid="done" data-done={props.done}>
      {text}
    </p>
  );
}
