export * from './api.ts';
export * from './common.ts';
export * from './directory.ts';
export * from './interaction.ts';
export * from './page-context.ts';
export * from './reminder.ts';
export * from './summary.ts';
export * from './sync.ts';
