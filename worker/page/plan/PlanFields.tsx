import type { ComponentChildren } from 'preact';
import { Csrf, ErrorSummary, type FieldErrors, type Option } from '../Fields.tsx';

// Form pieces the plan sections add to Fields.tsx: a people picker grouped by side, and the
// frame every plan form shares. Ids follow Fields.tsx (`<form>-f-<name>`), so the error
// summary's links land on the control.

const idOf = (form: string, name: string) => `${form}-f-${name.replace(/\W/g, '-')}`;

/** A select of people grouped "Our side" / "Their side"; values carry the side (`user:` / `contact:`). */
export function PersonSelect(props: {
  form: string;
  name: string;
  label: ComponentChildren;
  value: string;
  errors?: FieldErrors | undefined;
  groups: { label: string; options: readonly Option[] }[];
  /** An empty first choice, e.g. "Nobody". */
  empty?: string;
  hint?: string;
}) {
  const id = idOf(props.form, props.name);
  const error = props.errors?.[props.name];
  const described = [error ? `${id}-error` : '', props.hint ? `${id}-hint` : ''].filter(Boolean).join(' ');
  return (
    <div class={error ? 'field field-invalid' : 'field'} data-field-name={props.name}>
      <label for={id}>{props.label}</label>
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
      <select
        id={id}
        name={props.name}
        aria-invalid={error ? 'true' : undefined}
        aria-describedby={described || undefined}
      >
        {props.empty !== undefined && (
          <option value="" selected={props.value === ''}>
            {props.empty}
          </option>
        )}
        {props.groups
          .filter((g) => g.options.length > 0)
          .map((g) => (
            <optgroup key={g.label} label={g.label}>
              {g.options.map((o) => (
                <option key={o.value} value={o.value} selected={o.value === props.value}>
                  {o.label}
                </option>
              ))}
            </optgroup>
          ))}
      </select>
    </div>
  );
}

/** A plan form: POSTed with the CSRF token, its errors summarised on top, one submit button. */
export function PlanForm(props: {
  action: string;
  csrf: string;
  form: string;
  errors?: FieldErrors | undefined;
  submit: string;
  children: ComponentChildren;
  /** Shown beside the submit button, e.g. a Cancel link on an edit page. */
  extra?: ComponentChildren;
}) {
  return (
    <form method="post" action={props.action} class="form" data-testid={`${props.form}-form`} noValidate>
      <Csrf token={props.csrf} />
      <ErrorSummary errors={props.errors} form={props.form} />
      {props.children}
      <div class="button-row">
        <button type="submit" class="primary">
          {props.submit}
        </button>
        {props.extra}
      </div>
    </form>
  );
}

/** A one-button form (mark kept, reached, celebrated…), posting fixed fields. */
export function QuickAction(props: {
  action: string;
  csrf: string;
  fields: Record<string, string>;
  label: string;
  /** Says which record, for screen readers: "Mark 'Send the forecast' kept". */
  ariaLabel: string;
  testid?: string;
}) {
  return (
    <form method="post" action={props.action} class="quick">
      <Csrf token={props.csrf} />
      {Object.entries(props.fields).map(([k, v]) => (
        <input key={k} type="hidden" name={k} value={v} />
      ))}
      <button type="submit" aria-label={props.ariaLabel} data-testid={props.testid}>
        {props.label}
      </button>
    </form>
  );
}
