import { useState } from 'preact/hooks';
import { PlanForm, type PlanFormProps } from './PlanForm.tsx';
import type { ObjectiveRow } from './plan-view.ts';
import { buildMeasurement, threadDay } from './plan-writes.ts';

const fmt = (n: number) => n.toLocaleString('en-GB', { maximumFractionDigits: 6 });

/** A value with its unit, e.g. `92.5 %` or `14 days`. */
export function withUnit(value: number, unit: string): string {
  return unit ? `${fmt(value)} ${unit}` : fmt(value);
}

/**
 * Record a KPI value: the objective (the furthest behind first), the value, the day (the
 * thread's) and a note (the thread's subject). Saved with the thread's interaction.
 */
export function KpiForm(props: PlanFormProps & { objectives: ObjectiveRow[] }) {
  const { link } = props;
  const [objectiveId, setObjectiveId] = useState(props.objectives[0]?.objective.id ?? '');
  const [value, setValue] = useState('');
  const [measuredOn, setMeasuredOn] = useState(() => threadDay(link.context, link.timeZone, Date.now()));
  const [note, setNote] = useState(link.context?.title ?? '');
  const row = props.objectives.find((r) => r.objective.id === objectiveId);
  const o = row?.objective;
  return (
    <PlanForm
      {...props}
      title="Record a KPI value"
      testid="kpi-form"
      submitLabel="Record value"
      savedText="KPI value recorded. It will sync in the background."
      build={(interactionId, now) => {
        const m = buildMeasurement({ objectiveId, value, measuredOn, note }, interactionId, now);
        return typeof m === 'string' ? m : [{ name: 'measurement.put', args: m }];
      }}
    >
      <label>
        Objective
        <select value={objectiveId} onChange={(e) => setObjectiveId(e.currentTarget.value)}>
          {props.objectives.map((r) => (
            <option key={r.objective.id} value={r.objective.id}>
              {r.objective.title}
            </option>
          ))}
        </select>
      </label>
      <div class="grid2">
        <label>
          Value{o?.unit ? ` (${o.unit})` : ''}
          <input
            type="text"
            inputMode="decimal"
            value={value}
            autoComplete="off"
            onInput={(e) => setValue(e.currentTarget.value)}
            placeholder={row?.progress.latest ? fmt(row.progress.latest.value) : o ? fmt(o.baseline) : ''}
            aria-describedby="kpi-hint"
          />
        </label>
        <label>
          Measured on
          <input type="date" value={measuredOn} onInput={(e) => setMeasuredOn(e.currentTarget.value)} />
        </label>
      </div>
      {o && (
        <p class="muted hint" id="kpi-hint">
          Target {withUnit(o.target, o.unit)} by {o.dueOn}; baseline {withUnit(o.baseline, o.unit)}
          {row?.progress.latest
            ? `; last ${withUnit(row.progress.latest.value, o.unit)} on ${row.progress.latest.measuredOn}`
            : ''}
          .
        </p>
      )}
      <label>
        Note
        <input type="text" value={note} maxLength={10_000} onInput={(e) => setNote(e.currentTarget.value)} />
      </label>
    </PlanForm>
  );
}
