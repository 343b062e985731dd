import type { Milestone } from '../../../shared/schemas/index.ts';
import { type FieldErrors, TextArea, TextField } from '../Fields.tsx';
import { formatDay } from '../format.ts';
import { PlanForm, QuickAction } from './PlanFields.tsx';
import type { MilestoneFormValues } from './record-forms.ts';
import { planUrl } from './urls.ts';

/** A milestone's fields: planned, reached, celebrated, and the lesson. */
export function MilestoneFields(props: {
  form: string;
  values: MilestoneFormValues;
  errors?: FieldErrors | undefined;
}) {
  const { form, values: v, errors } = props;
  return (
    <>
      <TextField form={form} name="title" label="Milestone" value={v.title} errors={errors} maxLength={200} />
      <div class="row">
        <TextField
          form={form}
          name="dueOn"
          label="Planned for"
          type="date"
          value={v.dueOn}
          errors={errors}
          hint="Optional."
        />
        <TextField
          form={form}
          name="achievedOn"
          label="Reached on"
          type="date"
          value={v.achievedOn}
          errors={errors}
          hint="Empty until reached."
        />
        <TextField
          form={form}
          name="celebratedOn"
          label="Celebrated on"
          type="date"
          value={v.celebratedOn}
          errors={errors}
          hint="Empty until celebrated."
        />
      </div>
      <TextArea form={form} name="lesson" label="Lesson learned" value={v.lesson} errors={errors} rows={2} />
    </>
  );
}

function state(m: Milestone, today: string): { label: string; cls: string } {
  if (m.celebratedOn) return { label: `Celebrated ${formatDay(m.celebratedOn)}`, cls: 'ok' };
  if (m.achievedOn) return { label: `Reached ${formatDay(m.achievedOn)}, not yet celebrated`, cls: 'ok' };
  if (m.dueOn && m.dueOn < today) return { label: `Planned for ${formatDay(m.dueOn)}: late`, cls: 'warn' };
  if (m.dueOn) return { label: `Planned for ${formatDay(m.dueOn)}`, cls: '' };
  return { label: 'No date planned', cls: 'muted' };
}

/** Milestones, with one-button "reached today" and "celebrated today", and their lessons. */
export function MilestonesSection(props: {
  accountId: string;
  milestones: Milestone[];
  canManage: boolean;
  viewerId: string;
  csrf: string;
  today: string;
  adding: { values: MilestoneFormValues; errors?: FieldErrors | undefined };
}) {
  const live = props.milestones.filter((m) => m.deletedAt === null);
  return (
    <section aria-labelledby="milestones-heading">
      <h2 id="milestones-heading">Milestones</h2>
      {live.length === 0 ? (
        <p class="muted">No milestones yet.</p>
      ) : (
        <ul class="plain" data-testid="milestones">
          {live.map((m) => {
            const s = state(m, props.today);
            const mine = props.canManage || m.createdBy === props.viewerId;
            return (
              <li
                key={m.id}
                data-testid="milestone"
                data-milestone-id={m.id}
                data-achieved-on={m.achievedOn ?? ''}
                data-celebrated-on={m.celebratedOn ?? ''}
              >
                <div class="row-line">
                  <span>
                    <strong>{m.title}</strong>
                    <span class={`block small ${s.cls}`}>{s.label}</span>
                  </span>
                  {mine && (
                    <span class="actions small">
                      {!m.achievedOn && (
                        <QuickAction
                          action={planUrl(props.accountId, 'milestones', m.id, 'quick')}
                          csrf={props.csrf}
                          fields={{ do: 'reached' }}
                          label="Reached today"
                          ariaLabel={`Mark ${m.title} reached today`}
                          testid="milestone-reached"
                        />
                      )}
                      {m.achievedOn && !m.celebratedOn && (
                        <QuickAction
                          action={planUrl(props.accountId, 'milestones', m.id, 'quick')}
                          csrf={props.csrf}
                          fields={{ do: 'celebrated' }}
                          label="Celebrated today"
                          ariaLabel={`Mark ${m.title} celebrated today`}
                          testid="milestone-celebrated"
                        />
                      )}
                      <a href={planUrl(props.accountId, 'milestones', m.id)} aria-label={`Edit ${m.title}`}>
                        Edit
                      </a>
                      <a
                        href={planUrl(props.accountId, 'milestones', m.id, 'delete')}
                        class="danger-link"
                        aria-label={`Delete ${m.title}`}
                      >
                        Delete
                      </a>
                    </span>
                  )}
                </div>
                {m.lesson ? (
                  <p class="small prewrap lesson">
                    <strong>Lesson:</strong> {m.lesson}
                  </p>
                ) : m.achievedOn ? (
                  <p class="muted small">No lesson written yet: edit it to keep what you learned.</p>
                ) : null}
              </li>
            );
          })}
        </ul>
      )}
      <details class="disclosure" open={props.adding.errors ? true : undefined}>
        <summary>Add a milestone</summary>
        <PlanForm
          action={planUrl(props.accountId, 'milestones')}
          csrf={props.csrf}
          form="milestone"
          errors={props.adding.errors}
          submit="Add milestone"
        >
          <MilestoneFields form="milestone" values={props.adding.values} errors={props.adding.errors} />
        </PlanForm>
      </details>
    </section>
  );
}
