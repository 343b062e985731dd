import type { AccountPlan, Contact, MutationName } from '../../../shared/schemas/index.ts';
import type { Parsed } from '../account-form.ts';
import type { FieldErrors } from '../Fields.tsx';
import type { FormFields } from '../session.tsx';
import { CommitmentFields } from './CommitmentsSection.tsx';
import { ConflictFields } from './ConflictsSection.tsx';
import {
  cellValues,
  cellValuesFrom,
  commitmentValues,
  commitmentValuesFrom,
  conflictValues,
  conflictValuesFrom,
  parseCellForm,
  parseCommitmentForm,
  parseConflictForm,
} from './ledger-forms.ts';
import { CellFields } from './MatrixSection.tsx';
import { MilestoneFields } from './MilestonesSection.tsx';
import { MeasurementFields, ObjectiveFields } from './ObjectivesSection.tsx';
import type { PlanForms } from './PlanSections.tsx';
import { ReviewFields } from './ReviewsSection.tsx';
import {
  measurementValues,
  measurementValuesFrom,
  milestoneValues,
  milestoneValuesFrom,
  objectiveValues,
  objectiveValuesFrom,
  parseMeasurementForm,
  parseMilestoneForm,
  parseObjectiveForm,
  parseReviewForm,
  reviewValues,
  reviewValuesFrom,
} from './record-forms.ts';
import type { RecordKind } from './urls.ts';
import { kpi } from './words.ts';

// One table of what differs between the seven plan records on the page: how a form reads,
// which mutation writes it, how it is named, and its fields. The routes are written once over it.

/** What every plan record has that the page relies on. */
export interface PlanRecord {
  id: string;
  createdBy: string;
  deletedAt: string | null;
  interactionId?: string | null;
}

type Values = Record<string, string>;

/** What a kind's fields component receives. */
export interface FieldsContext {
  form: string;
  values: Values;
  errors?: FieldErrors | undefined;
  people: readonly { id: string; name: string }[];
  contacts: readonly Contact[];
  view: AccountPlan;
  editing: boolean;
}

export interface KindSpec {
  /** "objective": in headings and confirmations. */
  noun: string;
  put: MutationName;
  del: MutationName;
  /** Plan, objectives and matrix cells: only the owner, managers and admins write them. */
  manageOnly: boolean;
  /** The live record of that id on this account's plan view. */
  find(view: AccountPlan, id: string): PlanRecord | undefined;
  /** How the record is named to a person. */
  label(r: PlanRecord, view: AccountPlan): string;
  valuesFrom(f: FormFields): Values;
  valuesOf(r: PlanRecord): Values;
  /** The record to write: a new one (`existing` null) or the edited one, keeping what the form does not show. */
  parse(
    id: string,
    accountId: string,
    v: Values,
    existing: PlanRecord | null,
    today: string,
  ): Parsed<unknown>;
  /** A failed add, to show again on the account page. */
  failed(values: Values, errors: FieldErrors): PlanForms;
  Fields(props: FieldsContext): preact.JSX.Element;
  /** What deleting it does, in one sentence. */
  deleteSays: string;
}

const live = <T extends PlanRecord>(list: readonly T[], id: string) =>
  list.find((r) => r.id === id && r.deletedAt === null);
const link = (r: PlanRecord | null) => r?.interactionId ?? null;

const measurementsOf = (view: AccountPlan) => view.objectives.flatMap((o) => o.measurements);

export const KINDS: Record<RecordKind, KindSpec> = {
  objectives: {
    noun: 'objective',
    put: 'objective.put',
    del: 'objective.delete',
    manageOnly: true,
    find: (v, id) => live(v.objectives, id),
    label: (r) => (r as AccountPlan['objectives'][number]).title,
    valuesFrom: objectiveValuesFrom,
    valuesOf: (r) => objectiveValues(r as AccountPlan['objectives'][number]),
    parse: (id, accountId, v) =>
      parseObjectiveForm(id, accountId, v as ReturnType<typeof objectiveValuesFrom>),
    failed: (values, errors) => ({
      objective: { values: values as ReturnType<typeof objectiveValuesFrom>, errors },
    }),
    Fields: (p) => (
      <ObjectiveFields
        form={p.form}
        values={p.values as ReturnType<typeof objectiveValuesFrom>}
        errors={p.errors}
        people={p.people}
        contacts={p.contacts}
        editing={p.editing}
      />
    ),
    deleteSays: 'Its measurements go with it, and it no longer counts in health.',
  },
  measurements: {
    noun: 'measurement',
    put: 'measurement.put',
    del: 'measurement.delete',
    manageOnly: false,
    find: (v, id) => live(measurementsOf(v), id),
    label: (r, v) => {
      const m = r as AccountPlan['objectives'][number]['measurements'][number];
      const o = v.objectives.find((x) => x.id === m.objectiveId);
      return `${kpi(m.value, o?.unit ?? '')} for ${o?.title ?? 'an objective'} (${m.measuredOn})`;
    },
    valuesFrom: measurementValuesFrom,
    valuesOf: (r) => measurementValues(r as AccountPlan['objectives'][number]['measurements'][number]),
    parse: (id, _accountId, v, existing) =>
      parseMeasurementForm(id, v as ReturnType<typeof measurementValuesFrom>, link(existing)),
    failed: (values, errors) => ({
      measurement: { values: values as ReturnType<typeof measurementValuesFrom>, errors },
    }),
    Fields: (p) => (
      <MeasurementFields
        form={p.form}
        values={p.values as ReturnType<typeof measurementValuesFrom>}
        errors={p.errors}
        unit={p.view.objectives.find((o) => o.id === p.values.objectiveId)?.unit ?? ''}
      />
    ),
    deleteSays: "The objective's progress goes back to the reading before it.",
  },
  reviews: {
    noun: 'review',
    put: 'review.put',
    del: 'review.delete',
    manageOnly: false,
    find: (v, id) => live(v.reviews, id),
    label: (r) => `the review of ${(r as AccountPlan['reviews'][number]).heldOn}`,
    valuesFrom: reviewValuesFrom,
    valuesOf: (r) => reviewValues(r as AccountPlan['reviews'][number]),
    parse: (id, accountId, v, existing) =>
      parseReviewForm(id, accountId, v as ReturnType<typeof reviewValuesFrom>, link(existing)),
    failed: (values, errors) => ({
      review: { values: values as ReturnType<typeof reviewValuesFrom>, errors },
    }),
    Fields: (p) => (
      <ReviewFields
        form={p.form}
        values={p.values as ReturnType<typeof reviewValuesFrom>}
        errors={p.errors}
      />
    ),
    deleteSays: 'The next review is then counted from the review before it.',
  },
  milestones: {
    noun: 'milestone',
    put: 'milestone.put',
    del: 'milestone.delete',
    manageOnly: false,
    find: (v, id) => live(v.milestones, id),
    label: (r) => (r as AccountPlan['milestones'][number]).title,
    valuesFrom: milestoneValuesFrom,
    valuesOf: (r) => milestoneValues(r as AccountPlan['milestones'][number]),
    parse: (id, accountId, v, existing) =>
      parseMilestoneForm(id, accountId, v as ReturnType<typeof milestoneValuesFrom>, link(existing)),
    failed: (values, errors) => ({
      milestone: { values: values as ReturnType<typeof milestoneValuesFrom>, errors },
    }),
    Fields: (p) => (
      <MilestoneFields
        form={p.form}
        values={p.values as ReturnType<typeof milestoneValuesFrom>}
        errors={p.errors}
      />
    ),
    deleteSays: 'Its lesson goes with it.',
  },
  responsibilities: {
    noun: 'matrix cell',
    put: 'responsibility.put',
    del: 'responsibility.delete',
    manageOnly: true,
    find: (v, id) => live(v.responsibilities, id),
    label: (r) => {
      const c = r as AccountPlan['responsibilities'][number];
      return `${c.role} in ${c.area}`;
    },
    valuesFrom: cellValuesFrom,
    valuesOf: (r) => cellValues(r as AccountPlan['responsibilities'][number]),
    parse: (id, accountId, v) => parseCellForm(id, accountId, v as ReturnType<typeof cellValuesFrom>),
    failed: (values, errors) => ({ cell: { values: values as ReturnType<typeof cellValuesFrom>, errors } }),
    Fields: (p) => (
      <CellFields
        form={p.form}
        values={p.values as ReturnType<typeof cellValuesFrom>}
        errors={p.errors}
        areas={[...new Set(p.view.responsibilities.map((r) => r.area))]}
        people={p.people}
        contacts={p.contacts}
        objectives={p.view.objectives.map((o) => ({ id: o.id, title: o.title }))}
      />
    ),
    deleteSays: 'The person no longer holds this role in this area.',
  },
  commitments: {
    noun: 'promise',
    put: 'commitment.put',
    del: 'commitment.delete',
    manageOnly: false,
    find: (v, id) => live(v.commitments, id),
    label: (r) => `“${(r as AccountPlan['commitments'][number]).what}”`,
    valuesFrom: commitmentValuesFrom,
    valuesOf: (r) => commitmentValues(r as AccountPlan['commitments'][number]),
    parse: (id, accountId, v, existing, today) =>
      parseCommitmentForm(id, accountId, v as ReturnType<typeof commitmentValuesFrom>, link(existing), today),
    failed: (values, errors) => ({
      commitment: { values: values as ReturnType<typeof commitmentValuesFrom>, errors },
    }),
    Fields: (p) => (
      <CommitmentFields
        form={p.form}
        values={p.values as ReturnType<typeof commitmentValuesFrom>}
        errors={p.errors}
        people={p.people}
        contacts={p.contacts}
        editing={p.editing}
      />
    ),
    deleteSays:
      'It leaves the ledger and no longer counts for or against us. To record that it was dropped, mark it cancelled instead.',
  },
  conflicts: {
    noun: 'conflict',
    put: 'conflict.put',
    del: 'conflict.delete',
    manageOnly: false,
    find: (v, id) => live(v.conflicts, id),
    label: (r) => (r as AccountPlan['conflicts'][number]).title,
    valuesFrom: conflictValuesFrom,
    valuesOf: (r) => conflictValues(r as AccountPlan['conflicts'][number]),
    // A new conflict starts open at level 1, whatever was posted.
    parse: (id, accountId, v, existing, today) =>
      parseConflictForm(
        id,
        accountId,
        (existing ? v : { ...v, level: '1', state: 'open' }) as ReturnType<typeof conflictValuesFrom>,
        link(existing),
        today,
      ),
    failed: (values, errors) => ({
      conflict: { values: values as ReturnType<typeof conflictValuesFrom>, errors },
    }),
    Fields: (p) => (
      <ConflictFields
        form={p.form}
        values={p.values as ReturnType<typeof conflictValuesFrom>}
        errors={p.errors}
        people={p.people}
        editing={p.editing}
      />
    ),
    deleteSays: 'Its level history and its reminders go with it. To close it, resolve it instead.',
  },
};
