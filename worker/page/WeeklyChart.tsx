import type { Summary } from '../../shared/schemas/summary.ts';
import { formatShortDay } from './format.ts';

type Week = Summary['weeks'][number];

const W = 720;
const H = 260;
const M = { l: 48, r: 12, t: 14, b: 50 };
const PLOT_W = W - M.l - M.r;
const PLOT_H = H - M.t - M.b;

const r2 = (n: number) => Math.round(n * 100) / 100;

/** A 1-2-5 step giving about four gridlines, and the axis maximum it implies. */
function yScale(max: number): { top: number; step: number } {
  if (max <= 0) return { top: 4, step: 1 };
  const raw = max / 4;
  const mag = 10 ** Math.floor(Math.log10(raw));
  const step = ([1, 2, 5, 10].find((m) => m * mag >= raw) ?? 10) * mag;
  const safe = Math.max(1, step);
  return { top: Math.ceil(max / safe) * safe, step: safe };
}

/**
 * Weekly stacked bars, tactical under strategic, as inline SVG with labelled
 * axes. The SVG is decorative for assistive technology; the same numbers follow
 * in a visually hidden table. Every bar carries data-week, data-tag and data-value.
 */
export function WeeklyChart(props: { weeks: Week[]; id: string; caption: string }) {
  const { weeks } = props;
  if (weeks.length === 0) return <p class="muted">No weeks in this period.</p>;
  const { top, step } = yScale(Math.max(...weeks.map((w) => w.tactical + w.strategic)));
  const y = (v: number) => M.t + PLOT_H - (v / top) * PLOT_H;
  const slot = PLOT_W / weeks.length;
  const barW = Math.min(56, slot * 0.7);
  const labelEvery = Math.ceil(weeks.length / 12);
  const ticks: number[] = [];
  for (let v = 0; v <= top; v += step) ticks.push(v);
  return (
    <figure class="chart" aria-labelledby={`${props.id}-caption`}>
      <figcaption id={`${props.id}-caption`}>{props.caption}</figcaption>
      <ul class="legend" aria-hidden="true">
        <li>
          <span class="swatch swatch-tac" />
          Tactical
        </li>
        <li>
          <span class="swatch swatch-str" />
          Strategic
        </li>
      </ul>
      <svg
        viewBox={`0 0 ${W} ${H}`}
        width={W}
        height={H}
        aria-hidden="true"
        focusable="false"
        data-testid="weekly-chart"
      >
        {ticks.map((v) => (
          <g key={v}>
            <line class="grid" x1={M.l} x2={W - M.r} y1={r2(y(v))} y2={r2(y(v))} stroke="#d8dde3" />
            <text class="tick-label" x={M.l - 6} y={r2(y(v) + 4)} text-anchor="end">
              {v}
            </text>
          </g>
        ))}
        {weeks.map((w, i) => {
          const x = r2(M.l + i * slot + (slot - barW) / 2);
          const tacTop = y(w.tactical);
          const strTop = y(w.tactical + w.strategic);
          return (
            <g key={w.weekStart} data-testid="chart-week">
              <rect
                class="bar-tac"
                x={x}
                y={r2(tacTop)}
                width={r2(barW)}
                height={r2(M.t + PLOT_H - tacTop)}
                fill="#2f6fb3"
                data-week={w.weekStart}
                data-tag="tactical"
                data-value={w.tactical}
              >
                <title>{`Week of ${formatShortDay(w.weekStart)}: ${w.tactical} tactical`}</title>
              </rect>
              <rect
                class="bar-str"
                x={x}
                y={r2(strTop)}
                width={r2(barW)}
                height={r2(tacTop - strTop)}
                fill="#b3552f"
                data-week={w.weekStart}
                data-tag="strategic"
                data-value={w.strategic}
              >
                <title>{`Week of ${formatShortDay(w.weekStart)}: ${w.strategic} strategic`}</title>
              </rect>
              {i % labelEvery === 0 && (
                <text class="tick-label" x={r2(x + barW / 2)} y={M.t + PLOT_H + 16} text-anchor="middle">
                  {formatShortDay(w.weekStart)}
                </text>
              )}
            </g>
          );
        })}
        <line class="axis" x1={M.l} x2={W - M.r} y1={M.t + PLOT_H} y2={M.t + PLOT_H} stroke="#59626d" />
        <line class="axis" x1={M.l} x2={M.l} y1={M.t} y2={M.t + PLOT_H} stroke="#59626d" />
        <text class="axis-label" x={M.l + PLOT_W / 2} y={H - 8} text-anchor="middle">
          Week starting (Monday)
        </text>
        <text class="axis-label" x={-(M.t + PLOT_H / 2)} y={14} transform="rotate(-90)" text-anchor="middle">
          Interactions
        </text>
      </svg>
      {/* A table ignores width:1px, so the wrapper is what hides it without widening the page. */}
      <div class="visually-hidden">
        <table data-testid="weekly-table">
          <caption>{`${props.caption}, as a table`}</caption>
          <thead>
            <tr>
              <th scope="col">Week starting</th>
              <th scope="col">Tactical</th>
              <th scope="col">Strategic</th>
              <th scope="col">Total</th>
            </tr>
          </thead>
          <tbody>
            {weeks.map((w) => (
              <tr key={w.weekStart} data-week={w.weekStart}>
                <th scope="row">
                  <time dateTime={w.weekStart}>{formatShortDay(w.weekStart)}</time>
                </th>
                <td data-tag="tactical">{w.tactical}</td>
                <td data-tag="strategic">{w.strategic}</td>
                <td>{w.tactical + w.strategic}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </figure>
  );
}
