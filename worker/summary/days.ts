// UTC calendar days as `YYYY-MM-DD` strings, the key of the daily roll-ups.

const DAY_MS = 86_400_000;

export const utcDay = (t: Date | string | number): string => new Date(t).toISOString().slice(0, 10);

export const addDays = (day: string, n: number): string =>
  utcDay(Date.parse(`${day}T00:00:00Z`) + n * DAY_MS);

/** The Monday starting the (UTC, ISO) week that holds `day`. */
export function mondayOf(day: string): string {
  const weekday = new Date(`${day}T00:00:00Z`).getUTCDay(); // 0 = Sunday
  return addDays(day, -((weekday + 6) % 7));
}

/** The UTC days overlapping the half-open period [from, to); `first > last` when it is empty. */
export function periodDays(from: Date, to: Date): { first: string; last: string } {
  const first = utcDay(from);
  if (to.getTime() <= from.getTime()) return { first, last: addDays(first, -1) };
  return { first, last: utcDay(new Date(to.getTime() - 1)) };
}
