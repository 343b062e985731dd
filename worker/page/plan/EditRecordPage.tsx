import type { AccountPlan, Contact } from '../../../shared/schemas/index.ts';
import type { FieldErrors } from '../Fields.tsx';
import { Layout } from '../Layout.tsx';
import type { Viewer } from '../session.tsx';
import type { KindSpec } from './kinds.tsx';
import { PlanForm } from './PlanFields.tsx';
import { planUrl, type RecordKind, SECTION_ANCHOR } from './urls.ts';

/** `/accounts/:id/plan/:kind/:rid`: one plan record's form, on its own page. */
export function EditRecordPage(props: {
  viewer: Viewer;
  kind: RecordKind;
  spec: KindSpec;
  accountId: string;
  accountName: string;
  recordId: string;
  label: string;
  values: Record<string, string>;
  errors?: FieldErrors | undefined;
  people: readonly { id: string; name: string }[];
  contacts: readonly Contact[];
  view: AccountPlan;
}) {
  const { spec, accountId } = props;
  const back = `/accounts/${accountId}#${SECTION_ANCHOR[props.kind]}`;
  const Fields = spec.Fields;
  return (
    <Layout title={`Edit ${spec.noun}`} viewer={props.viewer} area="accounts">
      <p>
        <a href={back}>← {props.accountName}</a>
      </p>
      <h1>
        Edit {spec.noun}: <span class="wrap">{props.label}</span>
      </h1>
      <PlanForm
        action={planUrl(accountId, props.kind, props.recordId)}
        csrf={props.viewer.csrf}
        form="edit"
        errors={props.errors}
        submit={`Save ${spec.noun}`}
        extra={
          <a href={back} class="button">
            Cancel
          </a>
        }
      >
        <Fields
          form="edit"
          values={props.values}
          errors={props.errors}
          people={props.people}
          contacts={props.contacts}
          view={props.view}
          editing
        />
      </PlanForm>
    </Layout>
  );
}
