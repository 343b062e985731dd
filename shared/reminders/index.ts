/** Reminder engine (design §6): rules, deterministic ids, reconciliation, escalation and snooze. */
export * from './compute.ts';
export * from './compute-plan.ts';
export * from './escalation.ts';
export * from './inputs.ts';
export * from './reconcile.ts';
export * from './reminder-id.ts';
export * from './rule-context.ts';
export * from './rules/index.ts';
export * from './settings.ts';
export * from './sha256.ts';
export * from './snooze.ts';
