import { formatWhen } from '../../shared/ui/TimelineRow.tsx';

// Every time the panel shows goes through here: one format (day, month, year, 24-hour
// clock), always on the wall clock of the user's zone, which the footer names once.

/** An instant as the panel shows it, e.g. `16 Nov 2025, 14:30`, in `timeZone`. */
export function formatTime(at: string | number, timeZone: string): string {
  return formatWhen(typeof at === 'number' ? new Date(at).toISOString() : at, timeZone);
}

/** A day as the panel shows it, e.g. `16 Nov 2025`, in `timeZone`. */
export function formatDay(at: string | number, timeZone: string): string {
  const d = new Date(at);
  if (Number.isNaN(d.getTime())) return String(at);
  return new Intl.DateTimeFormat('en-GB', {
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    timeZone,
  }).format(d);
}

/** A calendar date `YYYY-MM-DD` (no zone: it is a day, not an instant) as the panel shows days. */
export function formatDate(date: string): string {
  return /^\d{4}-\d{2}-\d{2}$/.test(date) ? formatDay(`${date}T12:00:00Z`, 'UTC') : date;
}

/** How long ago something fell due, in the largest whole unit: `3 days`, `5 h`, `20 min`. */
export function lateBy(dueMs: number, now: number): string {
  const min = Math.max(0, Math.floor((now - dueMs) / 60_000));
  if (min < 60) return `${min} min`;
  const h = Math.floor(min / 60);
  if (h < 24) return `${h} h`;
  const d = Math.floor(h / 24);
  return `${d} day${d === 1 ? '' : 's'}`;
}
