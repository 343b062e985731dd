import type { WorkingHours } from '../schemas/settings.ts';

// The clock helpers live in ./clock.ts, which imports nothing, so that the settings schema
// can use them without importing this module back.
export { CLOCK_RE, clockToMinutes } from './clock.ts';
export type { WorkingHours };

/** Monday to Friday, 09:00–17:00 (design §6). */
export const DEFAULT_WORKING_HOURS: WorkingHours = Object.freeze({
  days: Object.freeze([1, 2, 3, 4, 5]) as number[],
  start: '09:00',
  end: '17:00',
});
