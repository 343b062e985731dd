import type { Contact, Plan } from '../../../shared/schemas/index.ts';
import { CheckboxGroup, type FieldErrors, SelectField, TextArea, TextField } from '../Fields.tsx';
import { formatDay } from '../format.ts';
import { options } from '../labels.ts';
import { PlanForm } from './PlanFields.tsx';
import { escContactsField, escUsersField, LEVELS, type PlanFormValues } from './plan-form.ts';
import { planUrl } from './urls.ts';
import {
  ALLIANCE_LABEL,
  contactName,
  LEVEL_OF_THREE,
  type Names,
  PLAN_STATUS_LABEL,
  userName,
} from './words.ts';

const LEVEL_WORDS = ['', 'working level', 'management', 'executives'];

/** The plan's fields, for starting a plan and for changing it. */
export function PlanFields(props: {
  values: PlanFormValues;
  errors?: FieldErrors | undefined;
  people: readonly { id: string; name: string }[];
  contacts: readonly Contact[];
}) {
  const { values: v, errors } = props;
  const form = 'plan';
  const many = (s: string) => s.split('\n').filter(Boolean);
  return (
    <>
      <div class="row">
        <SelectField
          form={form}
          name="status"
          label="Status"
          value={v.status}
          errors={errors}
          options={options(PLAN_STATUS_LABEL)}
        />
        <TextField
          form={form}
          name="startsOn"
          label="Starts"
          type="date"
          value={v.startsOn}
          errors={errors}
        />
        <TextField
          form={form}
          name="endsOn"
          label="Ends"
          type="date"
          value={v.endsOn}
          errors={errors}
          hint="Optional."
        />
      </div>
      <TextArea
        form={form}
        name="vision"
        label="Vision"
        value={v.vision}
        errors={errors}
        rows={3}
        maxLength={10_000}
        hint="What the partnership is for, in both parties' words."
      />
      <TextField
        form={form}
        name="reviewEveryDays"
        label="Review every (days)"
        value={v.reviewEveryDays}
        errors={errors}
        inputMode="numeric"
        hint="Empty: the organisation's review period."
      />
      <fieldset class="field">
        <legend>Alliance profile</legend>
        <div class="row">
          <SelectField
            form={form}
            name="duration"
            label="Duration"
            value={v.duration}
            errors={errors}
            options={[
              { value: '', label: 'No profile' },
              { value: 'short', label: 'Short term' },
              { value: 'long', label: 'Long term' },
            ]}
          />
          {(Object.keys(ALLIANCE_LABEL) as (keyof typeof ALLIANCE_LABEL)[]).map((d) => (
            <SelectField
              key={d}
              form={form}
              name={d}
              label={ALLIANCE_LABEL[d]}
              value={v[d]}
              errors={errors}
              options={options(LEVEL_OF_THREE)}
            />
          ))}
        </div>
        <span class="hint">The four levels are kept only with a duration.</span>
      </fieldset>
      <fieldset class="field">
        <legend>Escalation ladder</legend>
        <span class="hint">
          Who a conflict goes to at each level. Our people at a level get the reminder when a conflict reaches
          it.
        </span>
        {LEVELS.map((level) => (
          <div key={level} class="row ladder-row">
            <CheckboxGroup
              form={form}
              name={escUsersField(level)}
              label={`Level ${level} (${LEVEL_WORDS[level]}): our side`}
              values={many(v[escUsersField(level)])}
              errors={errors}
              inline
              options={props.people.map((p) => ({ value: p.id, label: p.name }))}
            />
            <CheckboxGroup
              form={form}
              name={escContactsField(level)}
              label={`Level ${level}: their side`}
              values={many(v[escContactsField(level)])}
              errors={errors}
              inline
              options={props.contacts.map((c) => ({ value: c.id, label: c.name }))}
              hint={props.contacts.length === 0 ? 'Add their contacts above to name them here.' : undefined}
            />
          </div>
        ))}
      </fieldset>
    </>
  );
}

/** The agreed ladder, level by level, both sides. */
export function Ladder(props: { plan: Plan; names: Names; current?: number }) {
  if (props.plan.escalation.length === 0) return <p class="muted">No escalation ladder agreed yet.</p>;
  return (
    <ol class="ladder" data-testid="ladder">
      {props.plan.escalation.map((s) => (
        <li
          key={s.level}
          data-level={s.level}
          aria-current={props.current === s.level ? 'step' : undefined}
          class={props.current === s.level ? 'ladder-current' : undefined}
        >
          <strong>Level {s.level}</strong> <span class="muted">({LEVEL_WORDS[s.level]})</span>:{' '}
          {[
            ...s.userIds.map((id) => userName(props.names, id)),
            ...s.contactIds.map((id) => `${contactName(props.names, id)} (theirs)`),
          ].join(', ')}
        </li>
      ))}
    </ol>
  );
}

/** The plan's head: status, dates, vision, the alliance profile, the ladder, and its edit form. */
export function PlanOverview(props: {
  accountId: string;
  plan: Plan;
  nextReviewOn: string | null;
  names: Names;
  canManage: boolean;
  csrf: string;
  values: PlanFormValues;
  errors?: FieldErrors | undefined;
  people: readonly { id: string; name: string }[];
  contacts: readonly Contact[];
  today: string;
}) {
  const { plan: p } = props;
  const overdue = props.nextReviewOn !== null && props.nextReviewOn < props.today;
  return (
    <div data-testid="plan" data-plan-id={p.id} data-status={p.status}>
      <dl class="facts">
        <dt>Status</dt>
        <dd data-field="plan-status">{PLAN_STATUS_LABEL[p.status]}</dd>
        <dt>Runs</dt>
        <dd>
          {formatDay(p.startsOn)}
          {p.endsOn ? ` to ${formatDay(p.endsOn)}` : ', no end date'}
        </dd>
        <dt>Next review</dt>
        <dd data-testid="next-review" data-value={props.nextReviewOn ?? ''}>
          {props.nextReviewOn ? (
            <span class={overdue ? 'warn' : undefined}>
              {formatDay(props.nextReviewOn)}
              {overdue ? ' (overdue)' : ''}
            </span>
          ) : (
            <span class="muted">None: the plan is closed</span>
          )}
          <span class="muted">
            {' '}
            · every {p.reviewEveryDays === null ? "the organisation's period" : `${p.reviewEveryDays} days`}
          </span>
        </dd>
        {p.alliance && (
          <>
            <dt>Alliance</dt>
            <dd data-testid="alliance">
              {p.alliance.duration === 'long' ? 'Long term' : 'Short term'}
              {(Object.keys(ALLIANCE_LABEL) as (keyof typeof ALLIANCE_LABEL)[]).map((d) => (
                <span key={d}>
                  {' · '}
                  {ALLIANCE_LABEL[d]} <strong>{LEVEL_OF_THREE[p.alliance![d]].toLowerCase()}</strong>
                </span>
              ))}
            </dd>
          </>
        )}
      </dl>
      {p.vision ? (
        <blockquote class="vision" data-testid="vision">
          {p.vision}
        </blockquote>
      ) : (
        <p class="muted">No vision written yet.</p>
      )}
      <h3 id="ladder-heading">Escalation ladder</h3>
      <Ladder plan={p} names={props.names} />
      {props.canManage ? (
        <>
          <details class="disclosure" open={props.errors ? true : undefined} data-testid="edit-plan">
            <summary>Edit the plan</summary>
            <PlanForm
              action={planUrl(props.accountId)}
              csrf={props.csrf}
              form="plan"
              errors={props.errors}
              submit="Save plan"
            >
              <PlanFields
                values={props.values}
                errors={props.errors}
                people={props.people}
                contacts={props.contacts}
              />
            </PlanForm>
          </details>
          <p>
            <a href={planUrl(props.accountId, undefined, undefined, 'delete')} class="danger-link small">
              Delete the plan…
            </a>
          </p>
        </>
      ) : (
        <p class="muted small">Only the account's owner, a manager or an admin can change the plan.</p>
      )}
    </div>
  );
}
