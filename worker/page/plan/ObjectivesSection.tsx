import type { Contact } from '../../../shared/schemas/index.ts';
import { type FieldErrors, SelectField, TextArea, TextField } from '../Fields.tsx';
import { formatDay } from '../format.ts';
import { MeasurementLine, ProgressBar } from './ObjectiveChart.tsx';
import { PlanForm } from './PlanFields.tsx';
import type { MeasurementFormValues, ObjectiveFormValues } from './record-forms.ts';
import { planUrl } from './urls.ts';
import { contactName, kpi, type Names, type ObjectiveView, pct, STATUS_LABEL, userName } from './words.ts';

/** The objective's fields, for adding one and on its edit page. */
export function ObjectiveFields(props: {
  form: string;
  values: ObjectiveFormValues;
  errors?: FieldErrors | undefined;
  people: readonly { id: string; name: string }[];
  contacts: readonly Contact[];
  editing?: boolean;
}) {
  const { form, values: v, errors } = props;
  return (
    <>
      <TextField form={form} name="title" label="Objective" value={v.title} errors={errors} maxLength={200} />
      <div class="row">
        <TextField
          form={form}
          name="baseline"
          label="Baseline"
          value={v.baseline}
          errors={errors}
          inputMode="text"
          hint="Where it stands today."
        />
        <TextField
          form={form}
          name="target"
          label="Target"
          value={v.target}
          errors={errors}
          hint="Below the baseline for a goal to reduce."
        />
        <TextField
          form={form}
          name="unit"
          label="Unit"
          value={v.unit}
          errors={errors}
          maxLength={40}
          placeholder="%"
          hint="Optional: %, days, k€…"
        />
      </div>
      <div class="row">
        <TextField form={form} name="dueOn" label="Due" type="date" value={v.dueOn} errors={errors} />
        <SelectField
          form={form}
          name="weight"
          label="Weight in health"
          value={v.weight}
          errors={errors}
          options={['1', '2', '3', '4', '5'].map((w) => ({ value: w, label: w === '3' ? '3 (usual)' : w }))}
        />
      </div>
      <div class="row">
        <SelectField
          form={form}
          name="ownerId"
          label="Owner (ours)"
          value={v.ownerId}
          errors={errors}
          options={props.people.map((p) => ({ value: p.id, label: p.name }))}
        />
        <SelectField
          form={form}
          name="counterpartId"
          label="Counterpart (theirs)"
          value={v.counterpartId}
          errors={errors}
          options={[
            { value: '', label: 'Nobody named' },
            ...props.contacts.map((c) => ({ value: c.id, label: c.name })),
          ]}
        />
      </div>
      {props.editing && (
        <SelectField
          form={form}
          name="state"
          label="State"
          value={v.state}
          errors={errors}
          options={[
            { value: 'open', label: 'Open' },
            { value: 'achieved', label: 'Achieved' },
            { value: 'dropped', label: 'Dropped' },
          ]}
        />
      )}
    </>
  );
}

/** A KPI reading's fields. */
export function MeasurementFields(props: {
  form: string;
  values: MeasurementFormValues;
  errors?: FieldErrors | undefined;
  unit: string;
}) {
  const { form, values: v, errors } = props;
  return (
    <>
      <input type="hidden" name="objectiveId" value={v.objectiveId} />
      <div class="row">
        <TextField
          form={form}
          name="value"
          label={props.unit ? `Value (${props.unit})` : 'Value'}
          value={v.value}
          errors={errors}
        />
        <TextField
          form={form}
          name="measuredOn"
          label="Measured on"
          type="date"
          value={v.measuredOn}
          errors={errors}
        />
      </div>
      <TextArea
        form={form}
        name="note"
        label="Note"
        value={v.note}
        errors={errors}
        rows={2}
        hint="Optional."
      />
    </>
  );
}

function Objective(props: {
  accountId: string;
  o: ObjectiveView;
  names: Names;
  canManage: boolean;
  viewerId: string;
  csrf: string;
  measuring: { values: MeasurementFormValues; errors?: FieldErrors | undefined };
}) {
  const { o, accountId } = props;
  const live = o.measurements.filter((m) => m.deletedAt === null);
  const latest = live[live.length - 1];
  const form = `measure-${o.id.slice(-12)}`;
  return (
    <li class="objective" data-testid="objective" data-objective-id={o.id} data-status={o.status}>
      <div class="objective-head">
        <h3 class="objective-title">{o.title}</h3>
        <span class={`status status-${o.status}`} data-testid="objective-status">
          {STATUS_LABEL[o.status]}
        </span>
      </div>
      <div class="objective-progress">
        <ProgressBar o={o} />
        <span class="small">
          {pct(o.progress)} of the way · {pct(o.expected)} expected by now
        </span>
      </div>
      <p class="small objective-facts">
        {latest ? (
          <>
            Latest <strong>{kpi(latest.value, o.unit)}</strong> on {formatDay(latest.measuredOn)}
          </>
        ) : (
          <span class="warn">No measurement yet</span>
        )}{' '}
        · from {kpi(o.baseline, o.unit)} to <strong>{kpi(o.target, o.unit)}</strong> by {formatDay(o.dueOn)}
        <br />
        <span class="muted">
          Owner {userName(props.names, o.ownerId)}
          {o.counterpartId && ` · their counterpart ${contactName(props.names, o.counterpartId)}`} · weight{' '}
          {o.weight}
        </span>
      </p>
      <MeasurementLine o={o} />
      {live.length > 0 && (
        <details class="disclosure compact">
          <summary>
            {live.length} {live.length === 1 ? 'measurement' : 'measurements'}
          </summary>
          <ul class="plain" data-testid="measurements">
            {[...live].reverse().map((m) => (
              <li key={m.id} class="row-line" data-testid="measurement" data-measurement-id={m.id}>
                <span>
                  <strong>{kpi(m.value, o.unit)}</strong> <span class="muted">{formatDay(m.measuredOn)}</span>
                  {m.interactionId && <span class="muted small"> · from a logged interaction</span>}
                  {m.note && <span class="block small">{m.note}</span>}
                </span>
                {(props.canManage || m.createdBy === props.viewerId) && (
                  <span class="actions">
                    <a
                      href={planUrl(accountId, 'measurements', m.id)}
                      aria-label={`Edit the value of ${formatDay(m.measuredOn)}`}
                    >
                      Edit
                    </a>
                    <a
                      href={planUrl(accountId, 'measurements', m.id, 'delete')}
                      class="danger-link"
                      aria-label={`Delete the value of ${formatDay(m.measuredOn)}`}
                    >
                      Delete
                    </a>
                  </span>
                )}
              </li>
            ))}
          </ul>
        </details>
      )}
      <details class="disclosure compact" open={props.measuring.errors ? true : undefined}>
        <summary>Record a value</summary>
        <PlanForm
          action={planUrl(accountId, 'measurements')}
          csrf={props.csrf}
          form={form}
          errors={props.measuring.errors}
          submit="Record value"
        >
          <MeasurementFields
            form={form}
            values={props.measuring.values}
            errors={props.measuring.errors}
            unit={o.unit}
          />
        </PlanForm>
      </details>
      {props.canManage && (
        <p class="actions small">
          <a href={planUrl(accountId, 'objectives', o.id)} aria-label={`Edit ${o.title}`}>
            Edit objective
          </a>
          <a
            href={planUrl(accountId, 'objectives', o.id, 'delete')}
            class="danger-link"
            aria-label={`Delete ${o.title}`}
          >
            Delete
          </a>
        </p>
      )}
    </li>
  );
}

/** Objectives with their progress and readings; forms to record a value and to add one. */
export function ObjectivesSection(props: {
  accountId: string;
  objectives: ObjectiveView[];
  names: Names;
  canManage: boolean;
  viewerId: string;
  csrf: string;
  people: readonly { id: string; name: string }[];
  contacts: readonly Contact[];
  today: string;
  adding: { values: ObjectiveFormValues; errors?: FieldErrors | undefined };
  measuring?: { values: MeasurementFormValues; errors: FieldErrors } | undefined;
}) {
  const open = props.objectives.filter((o) => o.state === 'open');
  const closed = props.objectives.filter((o) => o.state !== 'open');
  const item = (o: ObjectiveView) => (
    <Objective
      key={o.id}
      accountId={props.accountId}
      o={o}
      names={props.names}
      canManage={props.canManage}
      viewerId={props.viewerId}
      csrf={props.csrf}
      measuring={
        props.measuring?.values.objectiveId === o.id
          ? props.measuring
          : { values: { objectiveId: o.id, value: '', measuredOn: props.today, note: '' } }
      }
    />
  );
  return (
    <section aria-labelledby="objectives-heading">
      <h2 id="objectives-heading">Objectives</h2>
      {props.objectives.length === 0 ? (
        <p class="muted">No objectives yet: agree a measurable goal with them and add it here.</p>
      ) : (
        <ul class="plain objectives" data-testid="objectives">
          {open.map(item)}
          {closed.map(item)}
        </ul>
      )}
      {props.canManage && (
        <details class="disclosure" open={props.adding.errors ? true : undefined}>
          <summary>Add an objective</summary>
          <PlanForm
            action={planUrl(props.accountId, 'objectives')}
            csrf={props.csrf}
            form="objective"
            errors={props.adding.errors}
            submit="Add objective"
          >
            <ObjectiveFields
              form="objective"
              values={props.adding.values}
              errors={props.adding.errors}
              people={props.people}
              contacts={props.contacts}
            />
          </PlanForm>
        </details>
      )}
    </section>
  );
}
