/** The signed-in Google account, shared by Gmail and Google Calendar. */
import { queryOutside } from './context.ts';
import { cleanName, lastEmailIn, parseNameEmail } from './people.ts';
import { clean } from './text.ts';

// The account button links to the sign-out chooser in every locale; its label
// ("Google Account: Jane Doe (jane@example.com)", "Google-Konto: …",
// "Compte Google : …") is translated, the link is not.
const ACCOUNT_BUTTON = 'a[href*="accounts.google.com/SignOutOptions"], [aria-label^="Google Account:"]';
const TITLE_RE = /\s-\s([^-]*?\S+@\S+)\s-\s(?:Gmail|Google Mail)$/;

export interface GoogleAccount {
  email: string | null;
  /** The user's own name, for pages that call them "me". */
  name: string;
}

/**
 * The signed-in account: the account button in the Google bar, then any
 * account button outside `exclude` (message bodies and descriptions, where a
 * sender could plant one), then the Gmail tab title.
 */
export function googleAccount(doc: Document, exclude: string): GoogleAccount {
  // The Google bar (`#gb`) holds the button; searching it alone spares a scan of the page.
  const bar = doc.getElementById('gb');
  const inBar = bar && !bar.closest(exclude) ? queryOutside(bar, ACCOUNT_BUTTON, exclude) : [];
  for (const button of inBar.length ? inBar : queryOutside(doc, ACCOUNT_BUTTON, exclude)) {
    for (const label of [button.getAttribute('aria-label'), button.getAttribute('title')]) {
      const email = lastEmailIn(label);
      if (email) return { email, name: nameInLabel(label!, email) };
    }
  }
  const title = TITLE_RE.exec(doc.title.trim());
  if (!title) return { email: null, name: '' };
  const parsed = parseNameEmail(title[1]);
  return parsed ? parsed : { email: lastEmailIn(title[1]), name: '' };
}

/** "Google Account: Jane Doe (jane@example.com)" → "Jane Doe", in any language that puts a colon after the product. */
function nameInLabel(label: string, email: string): string {
  const text = clean(label, 1000);
  const at = text.toLowerCase().lastIndexOf(email);
  if (at < 0) return '';
  const before = text.slice(0, at).replace(/[\s(<]+$/, '');
  const colon = before.indexOf(':');
  return cleanName(colon >= 0 ? before.slice(colon + 1) : before);
}
