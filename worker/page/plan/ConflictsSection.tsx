import type { Plan } from '../../../shared/schemas/index.ts';
import { formatWhen } from '../../../shared/ui/TimelineRow.tsx';
import { Csrf, type FieldErrors, SelectField, TextArea, TextField } from '../Fields.tsx';
import { formatDay } from '../format.ts';
import type { ConflictFormValues } from './ledger-forms.ts';
import { PlanForm } from './PlanFields.tsx';
import { Ladder } from './PlanOverview.tsx';
import { planUrl } from './urls.ts';
import { type ConflictView, contactName, type Names, SEVERITY_LABEL, userName } from './words.ts';

const SEVERITY_RANK = { low: 0, medium: 1, high: 2, critical: 3 } as const;
const CAUSE = { opened: 'opened', sla: 'raised: SLA passed', manual: 'changed by hand' } as const;

/** A conflict's fields; the level and the resolution only on its edit page. */
export function ConflictFields(props: {
  form: string;
  values: ConflictFormValues;
  errors?: FieldErrors | undefined;
  people: readonly { id: string; name: string }[];
  editing?: boolean;
}) {
  const { form, values: v, errors } = props;
  return (
    <>
      <TextField
        form={form}
        name="title"
        label="What is the conflict"
        value={v.title}
        errors={errors}
        maxLength={200}
      />
      <div class="row">
        <SelectField
          form={form}
          name="severity"
          label="Severity"
          value={v.severity}
          errors={errors}
          options={(Object.keys(SEVERITY_LABEL) as (keyof typeof SEVERITY_LABEL)[]).map((s) => ({
            value: s,
            label: SEVERITY_LABEL[s],
          }))}
          hint="Sets how many business days it may stay at a level."
        />
        <SelectField
          form={form}
          name="ownerId"
          label="Handled by (ours)"
          value={v.ownerId}
          errors={errors}
          options={props.people.map((p) => ({ value: p.id, label: p.name }))}
        />
        <TextField
          form={form}
          name="openedOn"
          label="Raised on"
          type="date"
          value={v.openedOn}
          errors={errors}
        />
      </div>
      {props.editing && (
        <>
          <div class="row">
            <SelectField
              form={form}
              name="level"
              label="Escalation level"
              value={v.level}
              errors={errors}
              options={['1', '2', '3'].map((l) => ({ value: l, label: `Level ${l}` }))}
              hint="A change by hand is kept in the history."
            />
            <SelectField
              form={form}
              name="state"
              label="State"
              value={v.state}
              errors={errors}
              options={[
                { value: 'open', label: 'Open' },
                { value: 'resolved', label: 'Resolved' },
              ]}
            />
            <TextField
              form={form}
              name="resolvedOn"
              label="Resolved on"
              type="date"
              value={v.resolvedOn}
              errors={errors}
              hint="Empty: today, when resolving."
            />
          </div>
          <TextArea
            form={form}
            name="resolution"
            label="Resolution"
            value={v.resolution}
            errors={errors}
            rows={2}
          />
          <TextArea
            form={form}
            name="lesson"
            label="Lesson learned"
            value={v.lesson}
            errors={errors}
            rows={2}
          />
        </>
      )}
    </>
  );
}

function Conflict(props: {
  accountId: string;
  c: ConflictView;
  plan: Plan | null;
  names: Names;
  mine: boolean;
  csrf: string;
  timeZone: string;
  resolving?: { values: { resolution: string; lesson: string }; errors: FieldErrors } | undefined;
}) {
  const { c } = props;
  const atLevel = props.plan?.escalation.find((s) => s.level === c.level);
  const form = `resolve-${c.id.slice(-12)}`;
  return (
    <li
      class="conflict"
      data-testid="conflict"
      data-conflict-id={c.id}
      data-level={c.level}
      data-state={c.state}
      data-escalated={c.escalated ? 'true' : 'false'}
      data-past-sla={c.pastSla ? 'true' : 'false'}
    >
      <div class="row-line">
        <span>
          <strong>{c.title}</strong> <span class={`sev sev-${c.severity}`}>{SEVERITY_LABEL[c.severity]}</span>{' '}
          {c.state === 'open' ? (
            <>
              <span class="level">Level {c.level}</span>
              {c.escalated && <span class="esc">escalated</span>}
              {c.pastSla && <span class="esc">past SLA</span>}
            </>
          ) : (
            <span class="ok">Resolved {c.resolvedOn ? formatDay(c.resolvedOn) : ''}</span>
          )}
        </span>
        {props.mine && (
          <span class="actions small">
            <a href={planUrl(props.accountId, 'conflicts', c.id)} aria-label={`Edit ${c.title}`}>
              Edit
            </a>
            <a
              href={planUrl(props.accountId, 'conflicts', c.id, 'delete')}
              class="danger-link"
              aria-label={`Delete ${c.title}`}
            >
              Delete
            </a>
          </span>
        )}
      </div>
      <p class="small">
        Raised {formatDay(c.openedOn)} · handled by {userName(props.names, c.ownerId)} · SLA {c.slaDays}{' '}
        business days a level
        {c.state === 'open' && c.nextLevelAt && (
          <>
            {' '}
            · goes to level {c.level + 1} on{' '}
            <time dateTime={c.nextLevelAt}>{formatWhen(c.nextLevelAt, props.timeZone)}</time>
          </>
        )}
        {c.state === 'open' && atLevel && (
          <span class="block">
            At this level:{' '}
            {[
              ...atLevel.userIds.map((id) => userName(props.names, id)),
              ...atLevel.contactIds.map((id) => `${contactName(props.names, id)} (theirs)`),
            ].join(', ')}
          </span>
        )}
      </p>
      <details class="disclosure compact">
        <summary>Level history ({c.levelHistory.length})</summary>
        <ol class="history" data-testid="level-history">
          {c.levelHistory.map((h) => (
            <li key={`${h.at}-${h.level}`} data-level={h.level} data-cause={h.cause}>
              Level {h.level}, {CAUSE[h.cause]} ·{' '}
              <time dateTime={h.at}>{formatWhen(h.at, props.timeZone)}</time>
            </li>
          ))}
        </ol>
      </details>
      {c.state === 'resolved' && (c.resolution || c.lesson) && (
        <dl class="facts small">
          {c.resolution && (
            <>
              <dt>Resolution</dt>
              <dd class="prewrap">{c.resolution}</dd>
            </>
          )}
          {c.lesson && (
            <>
              <dt>Lesson</dt>
              <dd class="prewrap">{c.lesson}</dd>
            </>
          )}
        </dl>
      )}
      {c.state === 'open' && props.mine && (
        <details class="disclosure compact" open={props.resolving ? true : undefined}>
          <summary>Resolve</summary>
          <form
            method="post"
            action={planUrl(props.accountId, 'conflicts', c.id, 'quick')}
            class="form"
            data-testid="resolve-form"
            noValidate
          >
            <Csrf token={props.csrf} />
            <input type="hidden" name="do" value="resolve" />
            <TextArea
              form={form}
              name="resolution"
              label="How it was resolved"
              value={props.resolving?.values.resolution ?? ''}
              errors={props.resolving?.errors}
              rows={2}
            />
            <TextArea
              form={form}
              name="lesson"
              label="Lesson learned"
              value={props.resolving?.values.lesson ?? ''}
              errors={props.resolving?.errors}
              rows={2}
            />
            <div class="button-row">
              <button type="submit" class="primary">
                Mark resolved today
              </button>
            </div>
          </form>
        </details>
      )}
    </li>
  );
}

/** The conflict log: the agreed ladder, then each conflict with its level, SLA and history. */
export function ConflictsSection(props: {
  accountId: string;
  conflicts: ConflictView[];
  plan: Plan | null;
  names: Names;
  canManage: boolean;
  viewerId: string;
  csrf: string;
  timeZone: string;
  people: readonly { id: string; name: string }[];
  adding: { values: ConflictFormValues; errors?: FieldErrors | undefined };
  resolving?: { id: string; values: { resolution: string; lesson: string }; errors: FieldErrors } | undefined;
}) {
  // Open ones first, the most escalated and severe on top; then resolved ones, latest first.
  const live = props.conflicts
    .filter((c) => c.deletedAt === null)
    .sort((a, b) =>
      a.state !== b.state
        ? a.state === 'open'
          ? -1
          : 1
        : a.state === 'open'
          ? b.level - a.level ||
            SEVERITY_RANK[b.severity] - SEVERITY_RANK[a.severity] ||
            a.openedOn.localeCompare(b.openedOn)
          : (b.resolvedOn ?? '').localeCompare(a.resolvedOn ?? ''),
    );
  const open = live.filter((c) => c.state === 'open');
  return (
    <section aria-labelledby="conflicts-heading">
      <h2 id="conflicts-heading">Conflicts</h2>
      {props.plan && (
        <details class="disclosure compact">
          <summary>The agreed escalation ladder</summary>
          <Ladder plan={props.plan} names={props.names} />
        </details>
      )}
      <p class="small" data-testid="conflict-count" data-open={open.length}>
        {open.length === 0
          ? 'No open conflict.'
          : `${open.length} open, ${open.filter((c) => c.escalated).length} escalated.`}
      </p>
      {live.length > 0 && (
        <ul class="plain" data-testid="conflicts">
          {live.map((c) => (
            <Conflict
              key={c.id}
              accountId={props.accountId}
              c={c}
              plan={props.plan}
              names={props.names}
              mine={props.canManage || c.createdBy === props.viewerId}
              csrf={props.csrf}
              timeZone={props.timeZone}
              resolving={props.resolving?.id === c.id ? props.resolving : undefined}
            />
          ))}
        </ul>
      )}
      <details class="disclosure" open={props.adding.errors ? true : undefined}>
        <summary>Raise a conflict</summary>
        <PlanForm
          action={planUrl(props.accountId, 'conflicts')}
          csrf={props.csrf}
          form="conflict"
          errors={props.adding.errors}
          submit="Raise conflict"
        >
          <ConflictFields
            form="conflict"
            values={props.adding.values}
            errors={props.adding.errors}
            people={props.people}
          />
        </PlanForm>
      </details>
    </section>
  );
}
