import type { Contact } from '../../../shared/schemas/index.ts';
import { type FieldErrors, SelectField, TextField } from '../Fields.tsx';
import { formatDay } from '../format.ts';
import type { CommitmentFormValues } from './ledger-forms.ts';
import { PersonSelect, PlanForm, QuickAction } from './PlanFields.tsx';
import { planUrl } from './urls.ts';
import {
  type CommitmentView,
  contactName,
  type Names,
  OUTCOME_LABEL,
  personOptions,
  userName,
} from './words.ts';

/** The ledger's filter, from the page's query. */
export interface LedgerFilter {
  side: '' | 'ours' | 'theirs';
  state: '' | 'open' | 'overdue' | 'kept' | 'late' | 'broken' | 'cancelled';
}

const STATE_FILTER: { value: LedgerFilter['state']; label: string }[] = [
  { value: '', label: 'Any state' },
  { value: 'open', label: 'Open (due or not)' },
  { value: 'overdue', label: 'Overdue' },
  { value: 'kept', label: 'Kept' },
  { value: 'late', label: 'Kept late' },
  { value: 'broken', label: 'Broken' },
  { value: 'cancelled', label: 'Cancelled' },
];

export function parseLedgerFilter(q: Record<string, string | undefined>): LedgerFilter {
  const side = q.side === 'ours' || q.side === 'theirs' ? q.side : '';
  const state = STATE_FILTER.some((s) => s.value === q.state) ? (q.state as LedgerFilter['state']) : '';
  return { side, state };
}

function matches(c: CommitmentView, f: LedgerFilter): boolean {
  if (f.side && c.side !== f.side) return false;
  switch (f.state) {
    case '':
      return true;
    case 'open':
      return c.outcome === 'open' || c.outcome === 'overdue';
    case 'kept':
      return c.outcome === 'kept-on-time' || c.outcome === 'kept-late';
    case 'late':
      return c.outcome === 'kept-late';
    default:
      return c.outcome === f.state;
  }
}

/** The promise's fields: who made it (the side follows), what, by when, and where it stands. */
export function CommitmentFields(props: {
  form: string;
  values: CommitmentFormValues;
  errors?: FieldErrors | undefined;
  people: readonly { id: string; name: string }[];
  contacts: readonly Contact[];
  editing?: boolean;
}) {
  const { form, values: v, errors } = props;
  const who = personOptions(props.people, props.contacts);
  return (
    <>
      <TextField
        form={form}
        name="what"
        label="What was promised"
        value={v.what}
        errors={errors}
        maxLength={500}
      />
      <div class="row">
        <PersonSelect
          form={form}
          name="who"
          label="Promised by"
          value={v.who}
          errors={errors}
          groups={[
            { label: 'Us (ours to keep)', options: who.ours },
            { label: 'Them (theirs to keep)', options: who.theirs },
          ]}
        />
        <TextField form={form} name="dueOn" label="Due" type="date" value={v.dueOn} errors={errors} />
      </div>
      {props.editing && (
        <div class="row">
          <SelectField
            form={form}
            name="state"
            label="State"
            value={v.state}
            errors={errors}
            options={[
              { value: 'open', label: 'Open' },
              { value: 'kept', label: 'Kept' },
              { value: 'broken', label: 'Broken' },
              { value: 'cancelled', label: 'Cancelled' },
            ]}
          />
          <TextField
            form={form}
            name="closedOn"
            label="Closed on"
            type="date"
            value={v.closedOn}
            errors={errors}
            hint="Empty: today, when closing."
          />
        </div>
      )}
    </>
  );
}

function tally(list: CommitmentView[], side: 'ours' | 'theirs') {
  const mine = list.filter((c) => c.side === side && c.deletedAt === null);
  const n = (o: CommitmentView['outcome']) => mine.filter((c) => c.outcome === o).length;
  return {
    all: mine.length,
    onTime: n('kept-on-time'),
    late: n('kept-late'),
    broken: n('broken'),
    overdue: n('overdue'),
    open: n('open'),
  };
}

function TallyLine(props: { label: string; t: ReturnType<typeof tally>; testid: string }) {
  const { t } = props;
  if (t.all === 0) return <li data-testid={props.testid}>{props.label}: none yet.</li>;
  return (
    <li
      data-testid={props.testid}
      data-on-time={t.onTime}
      data-late={t.late}
      data-broken={t.broken}
      data-overdue={t.overdue}
    >
      {props.label}: {t.onTime} kept on time, {t.late} late, {t.broken} broken
      {t.overdue > 0 ? <span class="warn">, {t.overdue} overdue</span> : ''}, {t.open} open.
    </li>
  );
}

/** The promises ledger in both directions, filterable by side and state. */
export function CommitmentsSection(props: {
  accountId: string;
  commitments: CommitmentView[];
  filter: LedgerFilter;
  names: Names;
  canManage: boolean;
  viewerId: string;
  csrf: string;
  people: readonly { id: string; name: string }[];
  contacts: readonly Contact[];
  adding: { values: CommitmentFormValues; errors?: FieldErrors | undefined };
}) {
  const live = props.commitments.filter((c) => c.deletedAt === null);
  const shown = live.filter((c) => matches(c, props.filter));
  const filtered = props.filter.side !== '' || props.filter.state !== '';
  return (
    <section aria-labelledby="commitments-heading">
      <h2 id="commitments-heading">Promises</h2>
      <ul class="plain tally">
        <TallyLine label="Ours" t={tally(live, 'ours')} testid="tally-ours" />
        <TallyLine label="Theirs" t={tally(live, 'theirs')} testid="tally-theirs" />
      </ul>
      <form
        method="get"
        action={`/accounts/${props.accountId}#commitments-heading`}
        class="filters"
        data-testid="ledger-filter"
      >
        <label>
          Side
          <select name="side">
            {[
              { value: '', label: 'Both sides' },
              { value: 'ours', label: 'Ours' },
              { value: 'theirs', label: 'Theirs' },
            ].map((o) => (
              <option key={o.value} value={o.value} selected={o.value === props.filter.side}>
                {o.label}
              </option>
            ))}
          </select>
        </label>
        <label>
          State
          <select name="state">
            {STATE_FILTER.map((o) => (
              <option key={o.value} value={o.value} selected={o.value === props.filter.state}>
                {o.label}
              </option>
            ))}
          </select>
        </label>
        <button type="submit">Filter</button>
        {filtered && (
          <a href={`/accounts/${props.accountId}#commitments-heading`} class="button-link">
            Show all
          </a>
        )}
      </form>
      <p class="muted small" role="status" data-testid="ledger-count" data-count={shown.length}>
        {filtered
          ? `${shown.length} of ${live.length} promises match.`
          : `${live.length} ${live.length === 1 ? 'promise' : 'promises'}.`}
      </p>
      {shown.length > 0 && (
        <div class="table-wrap">
          <table class="stack" data-testid="ledger">
            <thead>
              <tr>
                <th scope="col">What</th>
                <th scope="col">By</th>
                <th scope="col">Due</th>
                <th scope="col">State</th>
                <th scope="col">
                  <span class="visually-hidden">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {shown.map((c) => {
                const mine = props.canManage || c.createdBy === props.viewerId;
                const bad = c.outcome === 'overdue' || c.outcome === 'broken' || c.outcome === 'kept-late';
                return (
                  <tr
                    key={c.id}
                    data-testid="commitment"
                    data-commitment-id={c.id}
                    data-side={c.side}
                    data-outcome={c.outcome}
                  >
                    <th scope="row" class="wrap">
                      {c.what}
                      {c.interactionId && <span class="block small muted">from a logged interaction</span>}
                    </th>
                    <td data-label="By">
                      {c.side === 'ours'
                        ? userName(props.names, c.ownerId)
                        : contactName(props.names, c.contactId)}{' '}
                      <span class="muted small">({c.side})</span>
                    </td>
                    <td data-label="Due">{formatDay(c.dueOn)}</td>
                    <td data-label="State">
                      <span class={bad ? 'warn' : c.outcome === 'kept-on-time' ? 'ok' : undefined}>
                        {OUTCOME_LABEL[c.outcome]}
                      </span>
                      {c.closedOn && <span class="block small muted">{formatDay(c.closedOn)}</span>}
                    </td>
                    <td data-label="">
                      {mine && (
                        <span class="actions small">
                          {c.state === 'open' && (
                            <>
                              <QuickAction
                                action={planUrl(props.accountId, 'commitments', c.id, 'quick')}
                                csrf={props.csrf}
                                fields={{ do: 'kept' }}
                                label="Kept"
                                ariaLabel={`Mark “${c.what}” kept today`}
                                testid="commitment-kept"
                              />
                              <QuickAction
                                action={planUrl(props.accountId, 'commitments', c.id, 'quick')}
                                csrf={props.csrf}
                                fields={{ do: 'broken' }}
                                label="Broken"
                                ariaLabel={`Mark “${c.what}” broken`}
                                testid="commitment-broken"
                              />
                            </>
                          )}
                          <a
                            href={planUrl(props.accountId, 'commitments', c.id)}
                            aria-label={`Edit “${c.what}”`}
                          >
                            Edit
                          </a>
                          <a
                            href={planUrl(props.accountId, 'commitments', c.id, 'delete')}
                            class="danger-link"
                            aria-label={`Delete “${c.what}”`}
                          >
                            Delete
                          </a>
                        </span>
                      )}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
      <details class="disclosure" open={props.adding.errors ? true : undefined}>
        <summary>Note a promise</summary>
        <PlanForm
          action={planUrl(props.accountId, 'commitments')}
          csrf={props.csrf}
          form="commitment"
          errors={props.adding.errors}
          submit="Add promise"
        >
          <CommitmentFields
            form="commitment"
            values={props.adding.values}
            errors={props.adding.errors}
            people={props.people}
            contacts={props.contacts}
          />
        </PlanForm>
      </details>
    </section>
  );
}
