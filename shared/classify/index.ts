/** The transparent tactical/strategic suggestion (design §6) and what it learns from the team. */
export * from './classify.ts';
export * from './limits.ts';
export * from './reasons.ts';
export * from './signals.ts';
export * from './team.ts';
export * from './text.ts';
