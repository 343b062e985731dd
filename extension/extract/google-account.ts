/** The signed-in Google account, shared by Gmail and Google Calendar. */
import { lastEmailIn } from './people.ts';

// The account button links to the sign-out chooser in every locale; its label
// ("Google Account: Jane Doe (jane@example.com)") is translated, the link is not.
const ACCOUNT_BUTTON = 'a[href*="accounts.google.com/SignOutOptions"], [aria-label^="Google Account:"]';
const TITLE_RE = /\s-\s(\S+@\S+)\s-\s(?:Gmail|Google Mail)$/;

/** The signed-in address, from the account button, then the Gmail tab title. */
export function googleSelfEmail(doc: Document): string | null {
  // The Google bar (`#gb`) holds the button; searching it alone spares a scan of the page.
  const bar = doc.getElementById('gb');
  const buttons = bar?.querySelectorAll(ACCOUNT_BUTTON);
  for (const button of buttons?.length ? buttons : doc.querySelectorAll(ACCOUNT_BUTTON)) {
    const email = lastEmailIn(button.getAttribute('aria-label')) ?? lastEmailIn(button.getAttribute('title'));
    if (email) return email;
  }
  const title = TITLE_RE.exec(doc.title.trim());
  return title ? lastEmailIn(title[1]) : null;
}
