import type { AccountFormValues } from './account-form.ts';
import { Csrf, ErrorSummary, type FieldErrors, SelectField, TextArea, TextField } from './Fields.tsx';
import { options, STAKEHOLDER_LABEL, TIER_LABEL } from './labels.ts';

/** The account profile form, for a new account and for editing one. Works without JavaScript. */
export function AccountForm(props: {
  action: string;
  csrf: string;
  values: AccountFormValues;
  errors?: FieldErrors | undefined;
  people: { id: string; name: string }[];
  cadence: { strategic: number; tactical: number };
  submit: string;
}) {
  const { values: v, errors } = props;
  return (
    <form method="post" action={props.action} class="form" data-testid="account-form" noValidate>
      <Csrf token={props.csrf} />
      <ErrorSummary errors={errors} />
      <TextField name="name" label="Name" value={v.name} errors={errors} required maxLength={200} />
      <div class="row">
        <SelectField name="tier" label="Tier" value={v.tier} options={options(TIER_LABEL)} errors={errors} />
        <SelectField
          name="stakeholder"
          label="Stakeholder"
          value={v.stakeholder}
          options={options(STAKEHOLDER_LABEL)}
          errors={errors}
        />
      </div>
      <div class="row">
        <TextField
          name="cadenceDays"
          label="Keep-in-touch cadence (days)"
          inputMode="numeric"
          size={5}
          value={v.cadenceDays}
          errors={errors}
          hint={`Empty: the tier's default, ${props.cadence.strategic} days for strategic, ${props.cadence.tactical} for tactical. 0 switches it off, for a closed relationship.`}
        />
        <SelectField
          name="ownerId"
          label="Owner"
          value={v.ownerId}
          options={props.people.map((p) => ({ value: p.id, label: p.name }))}
          errors={errors}
        />
      </div>
      <TextField
        name="domains"
        label="Mail domains"
        value={v.domains}
        errors={errors}
        hint="Separated by commas, such as acme.com, acme.de. Mail from these domains is matched to this account."
      />
      <div class="row">
        <TextField
          name="startsOn"
          label="Alliance starts"
          type="date"
          value={v.startsOn}
          errors={errors}
          hint="Optional."
        />
        <TextField
          name="endsOn"
          label="Alliance ends"
          type="date"
          value={v.endsOn}
          errors={errors}
          hint="For a tactical alliance, a reminder to decide comes before this day."
        />
      </div>
      <TextArea name="notes" label="Notes" value={v.notes} errors={errors} rows={4} maxLength={10_000} />
      <button type="submit" class="primary">
        {props.submit}
      </button>
    </form>
  );
}
