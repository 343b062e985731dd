/** Relationship plans (design §14) and health (§15): pure derived values, `now` passed in. */
export * from './commitment-outcome.ts';
export * from './conflict-sla.ts';
export * from './health/index.ts';
export * from './inputs.ts';
export * from './objective-progress.ts';
export * from './responsibility-matrix.ts';
export * from './review-schedule.ts';
