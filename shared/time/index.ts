/** Business time: zones, working hours, holidays and DST, using only `Intl`. */
export * from './business-calendar.ts';
export * from './business-time.ts';
export * from './civil-date.ts';
export * from './instant.ts';
export * from './local-day.ts';
export * from './working-hours.ts';
export * from './zone.ts';
