import type { Account, Contact } from '../../shared/schemas/index.ts';
import { TimelineRow } from '../../shared/ui/TimelineRow.tsx';
import { AccountForm } from './AccountForm.tsx';
import type { AccountFormValues, ContactFormValues } from './account-form.ts';
import { ContactsSection, ZoneList } from './ContactsSection.tsx';
import type { CadenceHealth } from './cadence.ts';
import { HealthChip } from './DirectoryView.tsx';
import type { FieldErrors } from './Fields.tsx';
import { formatDay, plural } from './format.ts';
import { Layout } from './Layout.tsx';
import { STAKEHOLDER_LABEL } from './labels.ts';
import { Notice } from './Notice.tsx';
import { BandChip } from './plan/HealthSection.tsx';
import { type PlanForms, type PlanPageData, PlanSections } from './plan/PlanSections.tsx';
import type { ActiveReminder, accountTimeline } from './queries.ts';
import { TIMELINE_LIMIT } from './queries.ts';
import { RemindersList } from './RemindersList.tsx';
import type { Viewer } from './session.tsx';

function Cadence(props: { health: CadenceHealth }) {
  const { status, daysSince, cadenceDays } = props.health;
  return (
    <span
      data-testid="cadence-health"
      data-status={status}
      data-days-since={daysSince ?? ''}
      data-cadence-days={cadenceDays}
    >
      {status === 'off' ? (
        <>Off: a closed relationship gets no keep-in-touch reminders</>
      ) : status === 'never' ? (
        <>
          <span class="warn">No interaction yet</span>, cadence {plural(cadenceDays, 'day')}
        </>
      ) : (
        <>
          {plural(daysSince ?? 0, 'day')} since the last interaction, cadence {plural(cadenceDays, 'day')}:{' '}
          {status === 'overdue' ? (
            <span class="warn">overdue by {plural((daysSince ?? 0) - cadenceDays, 'day')}</span>
          ) : (
            <span class="ok">on track</span>
          )}
        </>
      )}
    </span>
  );
}

/** Who may edit the profile: the owner, managers and admins, and anyone while nobody owns it (as the mutator rules). */
export const canEditAccount = (viewer: Viewer, a: Pick<Account, 'ownerId'>) =>
  viewer.role !== 'member' || a.ownerId === null || a.ownerId === viewer.userId;

export interface AccountPageData {
  account: Account;
  ownerName: string | null;
  health: CadenceHealth;
  score: number;
  cadence: { strategic: number; tactical: number };
  people: { id: string; name: string }[];
  contacts: Contact[];
  contactLimit: number;
  timeline: Awaited<ReturnType<typeof accountTimeline>>;
  reminders: ActiveReminder[];
  /** The relationship plan's sections (design §14, §15). */
  plan: PlanPageData | null;
}

/** What a failed form posted, shown again with its errors. */
export interface AccountPageForms {
  profile?: { values: AccountFormValues; errors: FieldErrors };
  contact?: { values: ContactFormValues; errors: FieldErrors };
  done?: string | undefined;
  /** A refusal that belongs to no form field (for instance, a delete that was not allowed). */
  error?: string;
  /** A plan form that failed. */
  plan?: PlanForms;
}

/** `/accounts/:id`: the profile (editable by those allowed), contacts, open reminders and the timeline. */
export function AccountView(props: {
  viewer: Viewer;
  data: AccountPageData;
  forms: AccountPageForms;
  profileValues: AccountFormValues;
}) {
  const { viewer, data, forms } = props;
  const a = data.account;
  const editable = canEditAccount(viewer, a);
  // A refused post from someone who may not edit has no form to show its message by.
  const pageError =
    forms.error ?? (!editable && forms.profile ? Object.values(forms.profile.errors).join(' ') : undefined);
  return (
    <Layout title={a.name} viewer={viewer} area="accounts">
      <p>
        <a href="/accounts">← Accounts</a>
      </p>
      <Notice done={forms.done} />
      {pageError && (
        <p class="notice" role="alert" data-testid="page-error">
          {pageError}
        </p>
      )}
      <h1 data-testid="account-name" data-account-id={a.id}>
        {a.name}
      </h1>
      <dl class="facts" data-testid="account-facts">
        <dt>Tier</dt>
        <dd data-field="tier" data-value={a.tier}>
          <span class={`tag tag-${a.tier}`}>{a.tier}</span>
        </dd>
        <dt>Stakeholder</dt>
        <dd data-field="stakeholder" data-value={a.stakeholder}>
          {STAKEHOLDER_LABEL[a.stakeholder]}
        </dd>
        <dt>Owner</dt>
        <dd data-field="owner" data-value={a.ownerId ?? ''}>
          {a.ownerId && data.ownerName ? (
            viewer.role === 'member' ? (
              data.ownerName
            ) : (
              <a href={`/people/${a.ownerId}`}>{data.ownerName}</a>
            )
          ) : (
            <span class="muted">Nobody</span>
          )}
        </dd>
        <dt>Health</dt>
        <dd data-field="health">
          {data.plan?.view.health ? (
            <a href="#health-heading" class="plain-link">
              <BandChip band={data.plan.view.health.band} score={data.plan.view.health.score} />
            </a>
          ) : (
            <HealthChip score={data.score} />
          )}
        </dd>
        <dt>Cadence</dt>
        <dd data-field="cadenceDays" data-value={a.cadenceDays ?? ''}>
          <Cadence health={data.health} />
          {a.cadenceDays === null && <span class="muted"> (the {a.tier} default)</span>}
        </dd>
        {(a.startsOn || a.endsOn) && (
          <>
            <dt>Alliance</dt>
            <dd data-field="alliance" data-starts-on={a.startsOn ?? ''} data-ends-on={a.endsOn ?? ''}>
              {a.startsOn ? `${formatDay(a.startsOn)}` : 'Open start'}
              {a.endsOn ? ` to ${formatDay(a.endsOn)}` : ', no end date'}
            </dd>
          </>
        )}
        {a.domains.length > 0 && (
          <>
            <dt>Domains</dt>
            <dd data-field="domains">{a.domains.join(', ')}</dd>
          </>
        )}
      </dl>
      {a.notes && <p class="timeline-notes">{a.notes}</p>}
      {editable ? (
        <details class="disclosure" open={forms.profile ? true : undefined} data-testid="edit-profile">
          <summary>Edit profile</summary>
          <AccountForm
            action={`/accounts/${a.id}`}
            csrf={viewer.csrf}
            values={props.profileValues}
            errors={forms.profile?.errors}
            people={data.people}
            cadence={data.cadence}
            submit="Save profile"
          />
        </details>
      ) : (
        <p class="muted">Only the owner, a manager or an admin can edit this profile.</p>
      )}
      <ContactsSection
        accountId={a.id}
        contacts={data.contacts}
        csrf={viewer.csrf}
        adding={forms.contact?.values ?? { name: '', emails: '', title: '', timeZone: '' }}
        addErrors={forms.contact?.errors}
        limit={data.contactLimit}
      />
      <ZoneList />
      {data.plan && <PlanSections data={data.plan} forms={forms.plan ?? {}} csrf={viewer.csrf} />}
      <section aria-labelledby="reminders-heading">
        <h2 id="reminders-heading">Open reminders</h2>
        <RemindersList
          items={data.reminders}
          timeZone={viewer.timeZone}
          show="person"
          empty="No open reminders on this account."
        />
      </section>
      <section aria-labelledby="timeline-heading">
        <h2 id="timeline-heading">Timeline</h2>
        {data.timeline.length === 0 ? (
          <p class="muted">Nothing logged with this account yet.</p>
        ) : (
          <ol class="timeline" data-testid="timeline">
            {data.timeline.map((i) => (
              <TimelineRow key={i.id} item={i} redacted={i.redacted} timeZone={viewer.timeZone} />
            ))}
          </ol>
        )}
        {data.timeline.length === TIMELINE_LIMIT && (
          <p class="muted">Showing the latest {TIMELINE_LIMIT} interactions.</p>
        )}
      </section>
      {editable && (
        <p class="danger-zone">
          <a href={`/accounts/${a.id}/delete`} class="danger-link" data-testid="delete-account">
            Delete this account…
          </a>
        </p>
      )}
    </Layout>
  );
}
