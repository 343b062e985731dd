import { buildResponsibilityMatrix, type MatrixFlag } from '../../../shared/plans/index.ts';
import type { Contact, Responsibility } from '../../../shared/schemas/index.ts';
import { Csrf, ErrorSummary, type FieldErrors, SelectField, TextField } from '../Fields.tsx';
import type { FormFields } from '../session.tsx';
import { type CellFormValues, gridField, rolesText } from './ledger-forms.ts';
import { PersonSelect, PlanForm } from './PlanFields.tsx';
import { planUrl } from './urls.ts';
import { contactName, type Names, personOptions, RACI_LABEL, userName } from './words.ts';

const FLAG_LABEL: Record<MatrixFlag, string> = {
  'no-accountable': 'Nobody is accountable (no A)',
  'several-accountable': 'More than one A',
};
const FLAG_SHORT: Record<MatrixFlag, string> = {
  'no-accountable': 'no A',
  'several-accountable': 'more than one A',
};

const gridId = (name: string) => `grid-f-${name.replace(/\W/g, '-')}`;

/** The fields of one matrix cell: an area, a person of either side, a role. */
export function CellFields(props: {
  form: string;
  values: CellFormValues;
  errors?: FieldErrors | undefined;
  areas: readonly string[];
  people: readonly { id: string; name: string }[];
  contacts: readonly Contact[];
  objectives: readonly { id: string; title: string }[];
}) {
  const { form, values: v, errors } = props;
  const who = personOptions(props.people, props.contacts);
  return (
    <>
      <div class="row">
        <TextField
          form={form}
          name="area"
          label="Area"
          value={v.area}
          errors={errors}
          maxLength={120}
          list="matrix-areas"
          hint="An existing area, or a new one."
        />
        <PersonSelect
          form={form}
          name="person"
          label="Person"
          value={v.person}
          errors={errors}
          groups={[
            { label: 'Our side', options: who.ours },
            { label: 'Their side', options: who.theirs },
          ]}
        />
        <SelectField
          form={form}
          name="role"
          label="Role"
          value={v.role}
          errors={errors}
          options={(Object.keys(RACI_LABEL) as (keyof typeof RACI_LABEL)[]).map((r) => ({
            value: r,
            label: `${r} · ${RACI_LABEL[r]}`,
          }))}
        />
      </div>
      {props.objectives.length > 0 && (
        <SelectField
          form={form}
          name="objectiveId"
          label="Serves the objective"
          value={v.objectiveId}
          errors={errors}
          options={[
            { value: '', label: 'None' },
            ...props.objectives.map((o) => ({ value: o.id, label: o.title })),
          ]}
        />
      )}
      <datalist id="matrix-areas">
        {props.areas.map((a) => (
          <option key={a} value={a} />
        ))}
      </datalist>
    </>
  );
}

/**
 * The two-sided responsibility matrix: areas × people of both sides, each cell the RACI letters
 * that person holds there. Those who may change it get one input per cell and one Save; an
 * emptied cell removes the person from the area. Areas with no A, or more than one, are flagged.
 */
export function MatrixSection(props: {
  accountId: string;
  cells: Responsibility[];
  names: Names;
  canManage: boolean;
  csrf: string;
  people: readonly { id: string; name: string }[];
  contacts: readonly Contact[];
  objectives: readonly { id: string; title: string }[];
  grid?: { values: FormFields; errors: FieldErrors } | undefined;
  adding: { values: CellFormValues; errors?: FieldErrors | undefined };
}) {
  const m = buildResponsibilityMatrix(props.cells);
  const who = (key: string) => {
    const [side, id] = key.split(':') as ['user' | 'contact', string];
    return side === 'user'
      ? { name: userName(props.names, id), side: 'ours' }
      : { name: contactName(props.names, id), side: 'theirs' };
  };
  const keys = m.people.map((p) => `${p.side === 'ours' ? 'user' : 'contact'}:${p.id}`);
  const objectiveTitle = (id: string | null) => props.objectives.find((o) => o.id === id)?.title;
  const errors = props.grid?.errors;
  const table = (
    <div class="table-wrap">
      <table class="matrix" data-testid="matrix">
        <caption>
          R responsible · A accountable · C consulted · I informed.
          {props.canManage && ' Type the letters in a cell; empty it to take the person off the area.'}
        </caption>
        <thead>
          <tr>
            <th scope="col">Area</th>
            {keys.map((k) => {
              const p = who(k);
              return (
                <th key={k} scope="col" class={`side-${p.side}`} data-person={k}>
                  {p.name}
                  <span class="block small muted">{p.side}</span>
                </th>
              );
            })}
            <th scope="col">Check</th>
          </tr>
        </thead>
        <tbody>
          {m.areas.map((a, i) => (
            <tr key={a.area} data-testid="matrix-area" data-area={a.area} data-flag={a.flag ?? 'ok'}>
              <th scope="row">
                {a.area}
                {props.canManage && <input type="hidden" name={`area.${i}`} value={a.area} />}
                {a.objectiveId && objectiveTitle(a.objectiveId) && (
                  <span class="block small muted">for {objectiveTitle(a.objectiveId)}</span>
                )}
              </th>
              {keys.map((k) => {
                const name = gridField(i, k);
                const shown = props.grid?.values[name] ?? rolesText(a.roles[k]);
                const error = errors?.[name];
                return (
                  <td key={k} class="cell" data-person={k} data-roles={rolesText(a.roles[k])}>
                    {props.canManage ? (
                      <input
                        id={gridId(name)}
                        name={name}
                        value={shown}
                        size={3}
                        maxLength={8}
                        autocomplete="off"
                        class="cell-input"
                        aria-label={`${a.area}: ${who(k).name} (${who(k).side})`}
                        aria-invalid={error ? 'true' : undefined}
                      />
                    ) : (
                      shown
                    )}
                  </td>
                );
              })}
              <td data-testid="matrix-flag">
                {a.flag ? <span class="warn">{FLAG_LABEL[a.flag]}</span> : <span class="ok">One A</span>}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
  return (
    <section aria-labelledby="matrix-heading">
      <h2 id="matrix-heading">Who does what</h2>
      {m.flagged.length > 0 && (
        <p class="notice" data-testid="matrix-flags">
          {m.flagged.length === 1 ? 'One area needs' : `${m.flagged.length} areas need`} exactly one
          accountable person: {m.flagged.map((f) => `${f.area} (${FLAG_SHORT[f.flag]})`).join(', ')}.
        </p>
      )}
      {m.areas.length === 0 ? (
        <p class="muted">No responsibilities agreed yet. Add the first cell below.</p>
      ) : props.canManage ? (
        <form
          method="post"
          action={planUrl(props.accountId, 'matrix')}
          class="grid-form"
          data-testid="grid-form"
          noValidate
        >
          <Csrf token={props.csrf} />
          <ErrorSummary errors={errors} form="grid" />
          {table}
          <div class="button-row">
            <button type="submit" class="primary">
              Save the matrix
            </button>
          </div>
        </form>
      ) : (
        table
      )}
      {props.canManage ? (
        <details class="disclosure" open={props.adding.errors ? true : undefined}>
          <summary>Add a person to an area</summary>
          <PlanForm
            action={planUrl(props.accountId, 'responsibilities')}
            csrf={props.csrf}
            form="cell"
            errors={props.adding.errors}
            submit="Add to the matrix"
          >
            <CellFields
              form="cell"
              values={props.adding.values}
              errors={props.adding.errors}
              areas={m.areas.map((a) => a.area)}
              people={props.people}
              contacts={props.contacts}
              objectives={props.objectives}
            />
          </PlanForm>
        </details>
      ) : (
        <p class="muted small">Only the account's owner, a manager or an admin can change the matrix.</p>
      )}
    </section>
  );
}
