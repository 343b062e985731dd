/** Relationship health (design §15). */
export * from './compute.ts';
export * from './contact-parts.ts';
export * from './context.ts';
export * from './ledger-parts.ts';
export * from './names.ts';
export * from './objectives-part.ts';
export * from './reviews-part.ts';
