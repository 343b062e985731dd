// The budget table of `npm run bench` (design §11).
//
// Adding rows: create `scripts/lib/bench-<area>.ts` exporting
//   export const benchRows: BenchProvider = async (ctx) => [...rows];
// scripts/bench.ts imports every `scripts/lib/bench-*.ts` that exports `benchRows`, runs them
// one after another (the machine has 2 cores; parallel runs would skew each other) and
// renders one table. Use `row()` to fill `ratio` and `verdict` consistently.

export interface BenchRow {
  what: string;
  /** Human budget, e.g. `≤ 100 ms`. */
  budget: string;
  /** Human measurement, e.g. `83 ms (median of 15)`. */
  measured: string;
  /** measured ÷ budget for ceilings (≤ 1 passes), budget ÷ measured for floors; '' when not numeric. */
  ratio: string;
  verdict: 'pass' | 'FAIL' | 'n/a';
}

export interface BenchContext {
  /** Repository root. */
  root: string;
  log: (message: string) => void;
}

export type BenchProvider = (ctx: BenchContext) => Promise<BenchRow[]>;

/** A row for a ceiling (`measured ≤ limit`) or a floor (`measured ≥ limit`). */
export function row(
  what: string,
  kind: 'max' | 'min',
  limit: number,
  value: number | null,
  format: (n: number) => string,
  note = '',
): BenchRow {
  const budget = `${kind === 'max' ? '≤' : '≥'} ${format(limit)}`;
  if (value === null || !Number.isFinite(value))
    return { what, budget, measured: note || 'not measured', ratio: '', verdict: 'n/a' };
  const ratio = kind === 'max' ? value / limit : limit / value;
  return {
    what,
    budget,
    measured: `${format(value)}${note ? ` ${note}` : ''}`,
    ratio: ratio.toFixed(2),
    verdict: ratio <= 1 ? 'pass' : 'FAIL',
  };
}

export const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length === 0 ? Number.NaN : s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};

export const ms = (n: number) => `${n < 10 ? n.toFixed(1) : Math.round(n)} ms`;
export const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
export const pct = (n: number) => `${Math.round(n * 100)} %`;

export function render(rows: BenchRow[]): string {
  const head = '| what | budget | measured (median) | ratio | verdict |\n|---|---|---|---|---|\n';
  const esc = (s: string) => s.replace(/\|/g, '\\|');
  return (
    head +
    rows
      .map((r) => `| ${[r.what, r.budget, r.measured, r.ratio, r.verdict].map(esc).join(' | ')} |`)
      .join('\n')
  );
}
