/** Size bounds of the classifier's input and of a team's learned weights (no imports: the schemas use them). */

/** Longest text read per field: enough for any title and a paragraph of notes. */
export const MAX_TEXT = 4_000;

/** Longest word kept as a term: longer "words" are ids, hashes or pasted junk. */
export const MAX_TERM_LENGTH = 40;

/** Most terms one interaction contributes, title first: a pasted essay must not flood the weights. */
export const MAX_TERMS_PER_TEXT = 40;

/** Most terms an org's weights hold: about 8 KB synced. */
export const MAX_TEAM_TERMS = 300;

/** No learned term pulls harder than this: about one decisive keyword. */
export const MAX_TEAM_WEIGHT = 4;
