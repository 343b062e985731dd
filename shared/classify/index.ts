/** The transparent tactical/strategic suggestion (design §6). */
export * from './classify.ts';
export * from './signals.ts';
