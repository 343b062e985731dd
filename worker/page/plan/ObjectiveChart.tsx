import { formatDay } from '../format.ts';
import { kpi, type ObjectiveView, pct } from './words.ts';

const W = 240;
const H = 56;

/** Progress against where it should be by now, as a bar with a tick at the expected share. */
export function ProgressBar(props: { o: ObjectiveView }) {
  const { o } = props;
  return (
    <svg
      class={`progress progress-${o.status}`}
      viewBox="0 0 100 10"
      preserveAspectRatio="none"
      role="img"
      aria-label={`${pct(o.progress)} of the way; ${pct(o.expected)} expected by now`}
      data-testid="progress"
      data-progress={o.progress.toFixed(3)}
      data-expected={o.expected.toFixed(3)}
    >
      <rect class="progress-track" x="0" y="0" width="100" height="10" />
      <rect class="progress-fill" x="0" y="0" width={(o.progress * 100).toFixed(2)} height="10" />
      <line class="progress-expected" x1={o.expected * 100} x2={o.expected * 100} y1="-1" y2="11" />
    </svg>
  );
}

const day = (d: string) => Date.parse(`${d}T00:00:00Z`);

/**
 * The objective's readings as a small line from its start to its due day, with the baseline and
 * the target drawn dashed. Each point says its value on hover; the list under it says the same.
 */
export function MeasurementLine(props: { o: ObjectiveView }) {
  const { o } = props;
  const ms = o.measurements.filter((m) => m.deletedAt === null);
  if (ms.length === 0) return null;
  const start = Math.min(Date.parse(o.createdAt), day(ms[0]!.measuredOn));
  const end = Math.max(day(o.dueOn), day(ms[ms.length - 1]!.measuredOn));
  const values = [o.baseline, o.target, ...ms.map((m) => m.value)];
  const lo = Math.min(...values);
  const hi = Math.max(...values);
  const span = hi - lo || 1;
  const x = (t: number) => (end === start ? W / 2 : ((t - start) / (end - start)) * W);
  const y = (v: number) => H - ((v - lo) / span) * H;
  const latest = ms[ms.length - 1]!;
  return (
    <figure class="spark" data-testid="measurement-line" data-points={ms.length}>
      <svg
        viewBox={`-4 -4 ${W + 8} ${H + 8}`}
        role="img"
        aria-label={`${ms.length} ${ms.length === 1 ? 'measurement' : 'measurements'} of ${o.title}, the latest ${kpi(latest.value, o.unit)} on ${formatDay(latest.measuredOn)}; target ${kpi(o.target, o.unit)}`}
      >
        <line class="spark-baseline" x1="0" x2={W} y1={y(o.baseline)} y2={y(o.baseline)} />
        <line class="spark-target" x1="0" x2={W} y1={y(o.target)} y2={y(o.target)} />
        {ms.length > 1 && (
          <polyline
            class="spark-line"
            fill="none"
            points={ms.map((m) => `${x(day(m.measuredOn)).toFixed(1)},${y(m.value).toFixed(1)}`).join(' ')}
          />
        )}
        {ms.map((m) => (
          <circle
            key={m.id}
            class="spark-dot"
            cx={x(day(m.measuredOn))}
            cy={y(m.value)}
            r="3"
            data-value={m.value}
            data-day={m.measuredOn}
          >
            <title>
              {formatDay(m.measuredOn)}: {kpi(m.value, o.unit)}
            </title>
          </circle>
        ))}
      </svg>
      <figcaption class="muted small">
        Dashed: baseline {kpi(o.baseline, o.unit)} and target {kpi(o.target, o.unit)}.
      </figcaption>
    </figure>
  );
}
