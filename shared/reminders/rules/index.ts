/** The six reminder rules of design §6, one pure function each. */
export * from './alliance-ending.ts';
export * from './awaiting-reply.ts';
export * from './balance.ts';
export * from './follow-up.ts';
export * from './keep-in-touch.ts';
export * from './strategic-review.ts';
