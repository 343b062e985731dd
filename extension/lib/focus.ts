/** Where a clicked reminder notification leaves the account the panel should show (IndexedDB `meta`). */
export const FOCUS_KEY = 'focusAccount';

/** What the background records for the panel when a reminder notification is clicked. */
export interface Focus {
  accountId: string | null;
  reminderId: string;
  at: number;
}
