/** Where the background keeps each tab's latest context (storage.session: trusted contexts only). */
export const contextKey = (tabId: number) => `context:${tabId}`;

/** Channel on which the background announces that local data changed (a sync landed). */
export const CHANGES_CHANNEL = 'rapport-changes';
