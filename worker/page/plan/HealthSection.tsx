import {
  HEALTH_BAND_LABELS,
  HEALTH_PART_LABELS,
  HEALTHY_FROM,
  WATCH_FROM,
} from '../../../shared/plans/index.ts';
import type { HealthView } from '../../../shared/schemas/index.ts';
import { formatDay, formatShortDay } from '../format.ts';

/** A health band as a chip: its words, its score, and a colour that only repeats the words. */
export function BandChip(props: { band: HealthView['band']; score: number }) {
  return (
    <span class={`band band-${props.band}`} data-band={props.band} data-score={props.score}>
      {HEALTH_BAND_LABELS[props.band]} <span class="band-score">{props.score}</span>
    </span>
  );
}

const W = 300;
const H = 80;

/** The daily scores as a small line, with the band edges drawn in. */
export function TrendLine(props: { trend: HealthView['trend'] }) {
  const points = props.trend;
  if (points.length < 2) return <p class="muted small">The trend appears after a second day of snapshots.</p>;
  const x = (i: number) => (i / (points.length - 1)) * W;
  const y = (score: number) => H - (score / 100) * H;
  const first = points[0]!;
  const last = points[points.length - 1]!;
  const low = points.reduce((m, p) => Math.min(m, p.score), 100);
  const high = points.reduce((m, p) => Math.max(m, p.score), 0);
  return (
    <figure class="spark spark-wide" data-testid="health-trend" data-points={points.length}>
      <svg
        viewBox={`-4 -4 ${W + 8} ${H + 8}`}
        role="img"
        aria-label={`Health from ${formatDay(first.day)} (${first.score}) to ${formatDay(last.day)} (${last.score}); lowest ${low}, highest ${high}.`}
      >
        <rect class="zone-at-risk" x="0" y={y(WATCH_FROM)} width={W} height={H - y(WATCH_FROM)} />
        <rect
          class="zone-watch"
          x="0"
          y={y(HEALTHY_FROM)}
          width={W}
          height={y(WATCH_FROM) - y(HEALTHY_FROM)}
        />
        <polyline
          class="spark-line"
          fill="none"
          points={points.map((p, i) => `${x(i).toFixed(1)},${y(p.score).toFixed(1)}`).join(' ')}
        />
        {points.map((p, i) => (
          <circle key={p.day} class="spark-dot" cx={x(i)} cy={y(p.score)} r="2.5">
            <title>
              {formatDay(p.day)}: {p.score} ({HEALTH_BAND_LABELS[p.band]})
            </title>
          </circle>
        ))}
      </svg>
      <figcaption class="muted small">
        {formatShortDay(first.day)} – {formatShortDay(last.day)}: {first.score} → {last.score}
      </figcaption>
    </figure>
  );
}

/** What moved health since the first day of the trend, in words. */
function movement(trend: HealthView['trend'], score: number): string | null {
  if (trend.length < 2) return null;
  const d = score - trend[0]!.score;
  if (d === 0) return `Unchanged since ${formatDay(trend[0]!.day)}.`;
  return `${d > 0 ? 'Up' : 'Down'} ${Math.abs(d)} since ${formatDay(trend[0]!.day)}.`;
}

/** The account's health: score and band, its top reason, each part with its sentence, the trend. */
export function HealthSection(props: { health: HealthView }) {
  const h = props.health;
  const moved = movement(h.trend, h.score);
  return (
    <section aria-labelledby="health-heading" data-testid="health" data-score={h.score} data-band={h.band}>
      <h2 id="health-heading">Health</h2>
      <p class="health-head">
        <BandChip band={h.band} score={h.score} /> <span data-testid="health-reason">{h.reason}</span>
      </p>
      {moved && <p class="muted small">{moved}</p>}
      <div class="table-wrap">
        <table class="stack" data-testid="health-parts">
          <caption class="visually-hidden">What the score is made of</caption>
          <thead>
            <tr>
              <th scope="col">Part</th>
              <th scope="col" class="num">
                Score
              </th>
              <th scope="col" class="num">
                Weight
              </th>
              <th scope="col">Why</th>
            </tr>
          </thead>
          <tbody>
            {h.parts.map((p) => (
              <tr
                key={p.name}
                data-testid="health-part"
                data-part={p.name}
                data-score={p.score ?? ''}
                class={p.name === h.worstPart ? 'worst' : undefined}
              >
                <th scope="row">
                  {HEALTH_PART_LABELS[p.name]}
                  {p.name === h.worstPart && <span class="esc">weakest</span>}
                </th>
                <td class="num" data-label="Score">
                  {p.score === null ? <span class="muted">no data</span> : p.score}
                </td>
                <td class="num" data-label="Weight">
                  {p.score === null ? <span class="muted">left out</span> : `${p.weight}%`}
                </td>
                <td data-label="Why">{p.reason}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <TrendLine trend={h.trend} />
    </section>
  );
}
