import type { AccountPlan, Contact } from '../../../shared/schemas/index.ts';
import type { FieldErrors } from '../Fields.tsx';
import type { FormFields } from '../session.tsx';
import { CommitmentsSection as Commitments, type LedgerFilter } from './CommitmentsSection.tsx';
import { ConflictsSection } from './ConflictsSection.tsx';
import { HealthSection } from './HealthSection.tsx';
import {
  type CellFormValues,
  type CommitmentFormValues,
  type ConflictFormValues,
  NEW_CELL,
  newCommitmentValues,
  newConflictValues,
} from './ledger-forms.ts';
import { MatrixSection } from './MatrixSection.tsx';
import { MilestonesSection } from './MilestonesSection.tsx';
import { ObjectivesSection } from './ObjectivesSection.tsx';
import { PlanForm } from './PlanFields.tsx';
import { PlanFields, PlanOverview } from './PlanOverview.tsx';
import { newPlanValues, type PlanFormValues, planValues } from './plan-form.ts';
import { ReviewsSection } from './ReviewsSection.tsx';
import {
  type MeasurementFormValues,
  type MilestoneFormValues,
  NEW_MILESTONE,
  newObjectiveValues,
  newReviewValues,
  type ObjectiveFormValues,
  type ReviewFormValues,
} from './record-forms.ts';
import { planUrl } from './urls.ts';
import { namesOf } from './words.ts';

/** What the account page needs for the plan sections. */
export interface PlanPageData {
  view: AccountPlan;
  tier: 'strategic' | 'tactical';
  people: { id: string; name: string }[];
  contacts: Contact[];
  /** The owner, a manager or an admin: may change the plan, objectives and matrix, and anyone's records. */
  canManage: boolean;
  viewerId: string;
  timeZone: string;
  /** Today in the viewer's zone, for date defaults. */
  today: string;
  filter: LedgerFilter;
}

type Failed<V> = { values: V; errors: FieldErrors };

/** A plan form that failed, shown again with what was typed and its errors. */
export interface PlanForms {
  plan?: Failed<PlanFormValues>;
  objective?: Failed<ObjectiveFormValues>;
  measurement?: Failed<MeasurementFormValues>;
  review?: Failed<ReviewFormValues>;
  milestone?: Failed<MilestoneFormValues>;
  cell?: Failed<CellFormValues>;
  grid?: Failed<FormFields>;
  commitment?: Failed<CommitmentFormValues>;
  conflict?: Failed<ConflictFormValues>;
  resolve?: { id: string } & Failed<{ resolution: string; lesson: string }>;
}

const hasRecords = (v: AccountPlan) =>
  v.objectives.length +
    v.responsibilities.length +
    v.commitments.length +
    v.conflicts.length +
    v.reviews.length +
    v.milestones.length >
  0;

const NAV = [
  ['plan-heading', 'Plan'],
  ['health-heading', 'Health'],
  ['objectives-heading', 'Objectives'],
  ['reviews-heading', 'Reviews'],
  ['milestones-heading', 'Milestones'],
  ['matrix-heading', 'Who does what'],
  ['commitments-heading', 'Promises'],
  ['conflicts-heading', 'Conflicts'],
] as const;

/**
 * The relationship plan on `/accounts/:id` (design §14, §15): the plan and its ladder, health
 * explained, objectives, reviews, milestones, the matrix, the promises ledger and the conflict
 * log. An account with no plan and no records is offered one instead.
 */
export function PlanSections(props: { data: PlanPageData; forms: PlanForms; csrf: string }) {
  const { data: d, forms, csrf } = props;
  const v = d.view;
  const names = namesOf(d.people, d.contacts);
  const accountId = v.accountId;
  const common = { accountId, names, canManage: d.canManage, viewerId: d.viewerId, csrf };
  // Offered a plan only while nothing is there; a failed form of another record still shows its section.
  if (!v.plan && !hasRecords(v) && Object.keys(forms).every((k) => k === 'plan')) {
    return (
      <section aria-labelledby="plan-heading" data-testid="plan-offer">
        <h2 id="plan-heading">Relationship plan</h2>
        {v.health && <HealthSection health={v.health} />}
        <p>
          {d.tier === 'strategic'
            ? 'This strategic account has no plan yet. A plan keeps the goals, the people on both sides, promises and conflicts beside the mail.'
            : 'No plan yet. Any account may have one.'}
        </p>
        {d.canManage ? (
          <details
            class="disclosure"
            open={d.tier === 'strategic' || forms.plan ? true : undefined}
            data-testid="start-plan"
          >
            <summary>Start a plan</summary>
            <PlanForm
              action={planUrl(accountId)}
              csrf={csrf}
              form="plan"
              errors={forms.plan?.errors}
              submit="Start the plan"
            >
              <PlanFields
                values={forms.plan?.values ?? newPlanValues(d.today)}
                errors={forms.plan?.errors}
                people={d.people}
                contacts={d.contacts}
              />
            </PlanForm>
          </details>
        ) : (
          <p class="muted small">The account's owner, a manager or an admin can start one.</p>
        )}
      </section>
    );
  }
  const objectiveChoices = v.objectives
    .filter((o) => o.deletedAt === null)
    .map((o) => ({ id: o.id, title: o.title }));
  return (
    <div class="plan-sections" data-testid="plan-sections">
      <nav aria-label="The plan" class="plan-nav">
        <ul>
          {NAV.filter(([id]) => id !== 'health-heading' || v.health).map(([id, label]) => (
            <li key={id}>
              <a href={`#${id}`}>{label}</a>
            </li>
          ))}
        </ul>
      </nav>
      <section aria-labelledby="plan-heading">
        <h2 id="plan-heading">Relationship plan</h2>
        {v.plan ? (
          <PlanOverview
            accountId={accountId}
            plan={v.plan}
            nextReviewOn={v.nextReviewOn}
            names={names}
            canManage={d.canManage}
            csrf={csrf}
            values={forms.plan?.values ?? planValues(v.plan)}
            errors={forms.plan?.errors}
            people={d.people}
            contacts={d.contacts}
            today={d.today}
          />
        ) : d.canManage ? (
          <details class="disclosure" open={forms.plan ? true : undefined} data-testid="start-plan">
            <summary>Start a plan: vision, alliance profile and escalation ladder</summary>
            <PlanForm
              action={planUrl(accountId)}
              csrf={csrf}
              form="plan"
              errors={forms.plan?.errors}
              submit="Start the plan"
            >
              <PlanFields
                values={forms.plan?.values ?? newPlanValues(d.today)}
                errors={forms.plan?.errors}
                people={d.people}
                contacts={d.contacts}
              />
            </PlanForm>
          </details>
        ) : (
          <p class="muted">No plan written yet; its records are below.</p>
        )}
      </section>
      {v.health && <HealthSection health={v.health} />}
      <ObjectivesSection
        {...common}
        objectives={v.objectives.filter((o) => o.deletedAt === null)}
        people={d.people}
        contacts={d.contacts}
        today={d.today}
        adding={forms.objective ?? { values: newObjectiveValues(d.viewerId) }}
        measuring={forms.measurement}
      />
      <ReviewsSection
        {...common}
        reviews={v.reviews}
        adding={forms.review ?? { values: newReviewValues(d.today) }}
      />
      <MilestonesSection
        {...common}
        milestones={v.milestones}
        today={d.today}
        adding={forms.milestone ?? { values: NEW_MILESTONE }}
      />
      <MatrixSection
        {...common}
        cells={v.responsibilities}
        people={d.people}
        contacts={d.contacts}
        objectives={objectiveChoices}
        grid={forms.grid}
        adding={forms.cell ?? { values: NEW_CELL }}
      />
      <Commitments
        {...common}
        commitments={v.commitments}
        filter={d.filter}
        people={d.people}
        contacts={d.contacts}
        adding={forms.commitment ?? { values: newCommitmentValues(d.viewerId) }}
      />
      <ConflictsSection
        {...common}
        conflicts={v.conflicts}
        plan={v.plan}
        timeZone={d.timeZone}
        people={d.people}
        adding={forms.conflict ?? { values: newConflictValues(d.viewerId, d.today) }}
        resolving={forms.resolve}
      />
    </div>
  );
}
