/** The reminder rules: the six of design §6 and the six of relationship plans (§14), one pure function each. */
export * from './alliance-ending.ts';
export * from './awaiting-reply.ts';
export * from './balance.ts';
export * from './commitment-due.ts';
export * from './conflict-sla.ts';
export * from './follow-up.ts';
export * from './keep-in-touch.ts';
export * from './kpi-stale.ts';
export * from './milestone-due.ts';
export * from './plan-review.ts';
export * from './strategic-review.ts';
