import type { Summary } from '../../shared/schemas/summary.ts';
import { balanceShares } from '../../shared/ui/BalanceBar.tsx';

/**
 * One CSV field, always quoted. Text a spreadsheet would read as a formula
 * (starting with = + - @, tab or carriage return) gets a leading apostrophe,
 * the OWASP-recommended neutraliser. Numbers are written bare.
 */
export function csvField(value: string | number | null): string {
  if (value === null) return '""';
  if (typeof value === 'number') return String(value);
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return `"${safe.replace(/"/g, '""')}"`;
}

/** RFC 4180 rows, CRLF-terminated. */
export function toCsv(rows: (string | number | null)[][]): string {
  return rows.map((r) => `${r.map(csvField).join(',')}\r\n`).join('');
}

/** The team table as shown on the page, one row per person, with the period on every row. */
export function peopleCsv(summary: Summary): string {
  const { from, to } = summary.period;
  return toCsv([
    [
      'period_from',
      'period_to',
      'user_id',
      'name',
      'interactions',
      'tactical',
      'strategic',
      'strategic_share_pct',
      'overdue_reminders',
      'escalated_reminders',
      'last_activity_at',
    ],
    ...summary.people.map((p) => [
      from,
      to,
      p.userId,
      p.name,
      p.total,
      p.tactical,
      p.strategic,
      p.total > 0 ? balanceShares(p.tactical, p.strategic).strategic : null,
      p.overdueReminders,
      p.escalatedReminders,
      p.lastActivityAt,
    ]),
  ]);
}

/** The weekly chart's numbers. */
export function weeksCsv(summary: Summary): string {
  return toCsv([
    ['week_start', 'tactical', 'strategic', 'total'],
    ...summary.weeks.map((w) => [w.weekStart, w.tactical, w.strategic, w.tactical + w.strategic]),
  ]);
}
