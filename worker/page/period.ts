// The page's period, in whole UTC days (the summary's weeks are UTC weeks too).

const DAY_MS = 86_400_000;
const MAX_DAYS = 731;
const DATE_RE = /^\d{4}-\d{2}-\d{2}$/;
const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export const PRESETS = [
  { id: '7', label: 'Last 7 days' },
  { id: '28', label: 'Last 28 days' },
  { id: '90', label: 'Last 90 days' },
  { id: 'quarter', label: 'This quarter' },
] as const;
export type PresetId = (typeof PRESETS)[number]['id'];

export interface Period {
  /** The preset these dates equal, if any. */
  preset: PresetId | null;
  /** First and last day shown, inclusive, `YYYY-MM-DD`. */
  fromDate: string;
  toDate: string;
  /** The instants passed to the summary: `from` inclusive, `to` exclusive (the day after `toDate`). */
  from: string;
  to: string;
  userId: string | null;
  /** Why the request's period or person was not used, in words. */
  error: string | null;
}

const dayOf = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const msOf = (date: string) => Date.parse(`${date}T00:00:00.000Z`);
const validDate = (s: unknown): s is string =>
  typeof s === 'string' && DATE_RE.test(s) && Number.isFinite(msOf(s)) && dayOf(msOf(s)) === s;

function presetDates(id: PresetId, now: Date): { fromDate: string; toDate: string } {
  const today = dayOf(now.getTime());
  if (id === 'quarter') {
    const quarterMonth = Math.floor(now.getUTCMonth() / 3) * 3;
    return { fromDate: dayOf(Date.UTC(now.getUTCFullYear(), quarterMonth, 1)), toDate: today };
  }
  return { fromDate: dayOf(msOf(today) - (Number(id) - 1) * DAY_MS), toDate: today };
}

function build(
  fromDate: string,
  toDate: string,
  userId: string | null,
  error: string | null,
  now: Date,
): Period {
  const preset =
    PRESETS.find((p) => {
      const d = presetDates(p.id, now);
      return d.fromDate === fromDate && d.toDate === toDate;
    })?.id ?? null;
  return {
    preset,
    fromDate,
    toDate,
    from: `${fromDate}T00:00:00.000Z`,
    to: new Date(msOf(toDate) + DAY_MS).toISOString(),
    userId,
    error,
  };
}

/**
 * Reads `preset`, `from`, `to` (dates) and `userId` from a query. A preset
 * wins over dates; anything invalid falls back to the last 28 days, with the
 * reason in `error` rather than a failed page.
 */
export function parsePeriod(
  q: Record<string, string | undefined>,
  now: Date,
  defaultPreset: PresetId = '28',
): Period {
  const userId = q.userId && UUID_RE.test(q.userId) ? q.userId.toLowerCase() : null;
  let error = q.userId && !userId ? 'That person is not in your team; showing everyone.' : null;
  const preset = PRESETS.find((p) => p.id === q.preset)?.id;
  if (preset) {
    const d = presetDates(preset, now);
    return build(d.fromDate, d.toDate, userId, error, now);
  }
  if (q.from || q.to) {
    if (validDate(q.from) && validDate(q.to)) {
      const [a, b] = msOf(q.from) <= msOf(q.to) ? [q.from, q.to] : [q.to, q.from];
      if ((msOf(b) - msOf(a)) / DAY_MS < MAX_DAYS) return build(a, b, userId, error, now);
      error = `A period can be at most ${MAX_DAYS} days; showing the default.`;
    } else {
      error = 'Give both dates as YYYY-MM-DD; showing the default period.';
    }
  }
  const d = presetDates(defaultPreset, now);
  return build(d.fromDate, d.toDate, userId, error, now);
}

/** The query string for the same period (as dates) and person, plus overrides. */
export function periodQuery(p: Period, extra: Record<string, string | null> = {}): string {
  const params = new URLSearchParams();
  const merged: Record<string, string | null> = {
    from: p.fromDate,
    to: p.toDate,
    userId: p.userId,
    ...extra,
  };
  for (const [k, v] of Object.entries(merged)) if (v) params.set(k, v);
  return params.toString();
}
