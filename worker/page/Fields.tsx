import type { ComponentChildren, InputHTMLAttributes } from 'preact';
import type { z } from 'zod';

// Labelled form controls for the server-rendered forms. A field with an error is marked
// `aria-invalid`, its message sits right under the label and is tied to the control with
// `aria-describedby`, and the value the person typed is rendered back unchanged.

/** Field name → message, for the fields that failed. */
export type FieldErrors = Partial<Record<string, string>>;

interface Common {
  name: string;
  label: ComponentChildren;
  errors?: FieldErrors | undefined;
  hint?: ComponentChildren;
  /** Prefix for element ids, when a page holds several forms with the same field names. */
  form?: string;
}

const idOf = (p: Pick<Common, 'name' | 'form'>) =>
  `${p.form ? `${p.form}-` : ''}f-${p.name.replace(/\W/g, '-')}`;

function describedBy(id: string, error?: string, hint?: unknown): string | undefined {
  const ids = [error ? `${id}-error` : '', hint ? `${id}-hint` : ''].filter(Boolean);
  return ids.length ? ids.join(' ') : undefined;
}

function Wrap(props: Common & { id: string; children: ComponentChildren; error?: string | undefined }) {
  return (
    <div class={props.error ? 'field field-invalid' : 'field'} data-field-name={props.name}>
      <label for={props.id}>{props.label}</label>
      {props.hint && (
        <span class="hint" id={`${props.id}-hint`}>
          {props.hint}
        </span>
      )}
      {props.error && (
        <span class="field-error" id={`${props.id}-error`} data-testid={`error-${props.name}`}>
          {props.error}
        </span>
      )}
      {props.children}
    </div>
  );
}

export function TextField(
  props: Common & {
    value: string | number | null | undefined;
    type?: 'text' | 'email' | 'date' | 'number' | 'time' | 'password' | 'search';
    required?: boolean;
    autocomplete?: string;
    inputMode?: 'numeric' | 'text' | 'email';
    min?: number | string;
    max?: number | string;
    maxLength?: number;
    placeholder?: string;
    size?: number;
    /** The id of a `<datalist>` of suggestions. */
    list?: string;
    /** When empty, the page script fills in the browser's own time zone. */
    dataDefaultZone?: boolean;
  },
) {
  const id = idOf(props);
  const error = props.errors?.[props.name];
  return (
    <Wrap {...props} id={id} error={error}>
      <input
        {...({
          id,
          name: props.name,
          type: props.type ?? 'text',
          value: props.value ?? '',
          required: props.required,
          autocomplete: props.autocomplete,
          inputMode: props.inputMode,
          min: props.min,
          max: props.max,
          maxLength: props.maxLength,
          placeholder: props.placeholder,
          size: props.size,
          list: props.list,
          'data-default-zone': props.dataDefaultZone ? '' : undefined,
          'aria-invalid': error ? 'true' : undefined,
          'aria-describedby': describedBy(id, error, props.hint),
        } as InputHTMLAttributes<HTMLInputElement>)}
      />
    </Wrap>
  );
}

export function TextArea(
  props: Common & { value: string | null | undefined; rows?: number; maxLength?: number },
) {
  const id = idOf(props);
  const error = props.errors?.[props.name];
  return (
    <Wrap {...props} id={id} error={error}>
      <textarea
        id={id}
        name={props.name}
        rows={props.rows ?? 4}
        maxLength={props.maxLength}
        aria-invalid={error ? 'true' : undefined}
        aria-describedby={describedBy(id, error, props.hint)}
      >
        {props.value ?? ''}
      </textarea>
    </Wrap>
  );
}

export interface Option {
  value: string;
  label: string;
}

export function SelectField(
  props: Common & { value: string | null | undefined; options: readonly Option[] },
) {
  const id = idOf(props);
  const error = props.errors?.[props.name];
  return (
    <Wrap {...props} id={id} error={error}>
      <select
        id={id}
        name={props.name}
        aria-invalid={error ? 'true' : undefined}
        aria-describedby={describedBy(id, error, props.hint)}
      >
        {props.options.map((o) => (
          <option key={o.value} value={o.value} selected={o.value === (props.value ?? '')}>
            {o.label}
          </option>
        ))}
      </select>
    </Wrap>
  );
}

/** A group of checkboxes sharing one name (working days, switched-off rules). */
export function CheckboxGroup(
  props: Common & { values: readonly string[]; options: readonly Option[]; inline?: boolean },
) {
  const id = idOf(props);
  const error = props.errors?.[props.name];
  return (
    <fieldset
      class={error ? 'field field-invalid' : 'field'}
      data-field-name={props.name}
      aria-describedby={describedBy(id, error, props.hint)}
    >
      <legend>{props.label}</legend>
      {props.hint && (
        <span class="hint" id={`${id}-hint`}>
          {props.hint}
        </span>
      )}
      {error && (
        <span class="field-error" id={`${id}-error`} data-testid={`error-${props.name}`}>
          {error}
        </span>
      )}
      <div class={props.inline ? 'checks checks-inline' : 'checks'}>
        {props.options.map((o) => (
          <label key={o.value} class="check">
            <input
              type="checkbox"
              name={props.name}
              value={o.value}
              checked={props.values.includes(o.value)}
            />{' '}
            {o.label}
          </label>
        ))}
      </div>
    </fieldset>
  );
}

/** The session's CSRF token, in every form that changes something. */
export function Csrf(props: { token: string }) {
  return <input type="hidden" name="csrf" value={props.token} />;
}

/**
 * The list of what failed, at the top of the form, each linking to its field.
 * Announced (role=alert), so a screen reader user hears that the save did not happen.
 */
export function ErrorSummary(props: { errors: FieldErrors | undefined; form?: string }) {
  const entries = Object.entries(props.errors ?? {}).filter((e): e is [string, string] => !!e[1]);
  if (entries.length === 0) return null;
  return (
    <div class="error-summary" role="alert" data-testid="error-summary">
      <p>
        <strong>Nothing was saved.</strong>{' '}
        {entries.length === 1 ? 'Fix the field below.' : `Fix the ${entries.length} fields below.`}
      </p>
      <ul>
        {entries.map(([name, message]) =>
          name === '_form' ? (
            <li key={name}>{message}</li>
          ) : (
            <li key={name}>
              <a href={`#${idOf({ name, ...(props.form ? { form: props.form } : {}) })}`}>{message}</a>
            </li>
          ),
        )}
      </ul>
    </div>
  );
}

/**
 * zod issues as field errors: the first message per field, where the field is
 * the issue's path mapped by `field` (by default its dotted path without array
 * indexes, so `domains.2` lands on `domains`).
 */
export function issueErrors(
  error: z.ZodError,
  field: (path: (string | number)[]) => string = defaultField,
): FieldErrors {
  const out: FieldErrors = {};
  for (const issue of error.issues) {
    const path = issue.path.filter((p): p is string | number => typeof p !== 'symbol');
    const name = field(path) || '_form';
    out[name] ??= sentence(issue.message);
  }
  return out;
}

const defaultField = (path: (string | number)[]) => path.filter((p) => typeof p === 'string').join('.');

/** zod's messages start lower-case ("expected …"); the page shows sentences. */
const sentence = (m: string) => (m ? m[0]!.toUpperCase() + m.slice(1) : 'Invalid value');
