import type { ComponentChildren } from 'preact';
import { ReminderRuleSchema } from '../../shared/schemas/index.ts';
import {
  CheckboxGroup,
  Csrf,
  ErrorSummary,
  type FieldErrors,
  SelectField,
  TextArea,
  TextField,
} from './Fields.tsx';
import { Layout } from './Layout.tsx';
import { RULE_LABEL, WEEKDAY_LABEL } from './labels.ts';
import { Notice } from './Notice.tsx';
import type { Viewer } from './session.tsx';
import type { SettingsValues } from './settings-form.ts';

const WEEKDAYS = WEEKDAY_LABEL.map((label, i) => ({ value: String(i + 1), label }));

function Group(props: { title: string; id: string; children: ComponentChildren; note?: string }) {
  return (
    <section class="settings-group" aria-labelledby={`${props.id}-heading`}>
      <h2 id={`${props.id}-heading`}>{props.title}</h2>
      {props.note && <p class="muted">{props.note}</p>}
      {props.children}
    </section>
  );
}

/** `/settings`: every org setting of design §6, §14 and §13; an admin edits, everyone else reads. */
export function SettingsView(props: {
  viewer: Viewer;
  values: SettingsValues;
  errors?: FieldErrors | undefined;
  recomputing: boolean;
  done?: string | undefined;
}) {
  const { viewer, values: v, errors } = props;
  const admin = viewer.role === 'admin';
  const num = (name: string, label: string, hint?: string) => (
    <TextField
      name={name}
      label={label}
      value={v[name]}
      errors={errors}
      inputMode="numeric"
      size={6}
      hint={hint}
    />
  );
  const lines = (name: string) => (v[name] ?? '').split('\n').filter(Boolean);
  return (
    <Layout title="Settings" viewer={viewer} area="settings">
      <h1>Settings</h1>
      <Notice done={props.done} />
      {props.recomputing ? (
        <p
          class="notice"
          role="status"
          data-testid="recompute-status"
          data-recompute-status="/settings/status"
          data-state="running"
        >
          Recomputing reminders with these settings… Reminders already due keep their state; new due times
          appear as the recompute reaches each account.
        </p>
      ) : (
        <p class="muted" data-testid="recompute-status" data-state="done">
          Reminders are up to date with these settings.
        </p>
      )}
      {!admin && <p class="notice">Only an admin changes the settings. You can read them here.</p>}
      <form method="post" action="/settings" class="form settings" data-testid="settings-form" noValidate>
        <Csrf token={viewer.csrf} />
        <ErrorSummary errors={errors} />
        <fieldset class="plain-fieldset" disabled={!admin}>
          <legend class="visually-hidden">Organisation settings</legend>
          <Group
            id="cadence"
            title="Keep in touch"
            note="How often each tier should hear from you. An account's own cadence wins."
          >
            <div class="row">
              {num('cadenceDays.strategic', 'Strategic accounts, every (days)')}
              {num('cadenceDays.tactical', 'Tactical accounts, every (days)')}
            </div>
          </Group>
          <Group
            id="hours"
            title="Working time"
            note="Reminders fall due inside these hours, in each person's own time zone; a person may set their own hours."
          >
            <CheckboxGroup
              name="workingHours.days"
              label="Working days"
              values={lines('workingHours.days')}
              options={WEEKDAYS}
              errors={errors}
              inline
            />
            <div class="row">
              <TextField
                name="workingHours.start"
                label="Day starts"
                type="time"
                value={v['workingHours.start']}
                errors={errors}
              />
              <TextField
                name="workingHours.end"
                label="Day ends"
                type="time"
                value={v['workingHours.end']}
                errors={errors}
              />
            </div>
            <TextArea
              name="holidays"
              label="Holidays"
              value={v.holidays}
              errors={errors}
              rows={4}
              hint="Days off for everyone, one per line as YYYY-MM-DD."
            />
          </Group>
          <Group id="rules" title="Reminders">
            <div class="row">
              {num('awaitingReplyBusinessDays', 'Awaiting a reply, remind after (business days)')}
              {num('strategicReviewDays', 'Strategic review when no strategic touch for (days)')}
            </div>
            <div class="row">
              {num('allianceEndingDays', 'Decide on an ending alliance (days before it ends)')}
              {num('escalationDays', 'Escalate to managers when overdue by (days)')}
            </div>
            <CheckboxGroup
              name="disabledRules"
              label="Switched off"
              values={lines('disabledRules')}
              options={ReminderRuleSchema.options.map((r) => ({ value: r, label: RULE_LABEL[r] }))}
              errors={errors}
              hint="No reminders of these kinds are raised for anyone."
              inline
            />
          </Group>
          <Group
            id="balance"
            title="Balance nudge"
            note="A weekly nudge when someone's recent work is almost all tactical."
          >
            <div class="row">
              {num('balance.windowDays', 'Look back (days)')}
              {num('balance.minInteractions', 'Only with at least (interactions)')}
            </div>
            <div class="row">
              <TextField
                name="balance.maxTacticalShare"
                label="Nudge above this tactical share (%)"
                value={v['balance.maxTacticalShare']}
                errors={errors}
                inputMode="numeric"
                size={6}
              />
              <SelectField
                name="balance.weekday"
                label="On"
                value={v['balance.weekday']}
                options={WEEKDAYS}
                errors={errors}
              />
            </div>
          </Group>
          <Group id="plans" title="Relationship plans">
            {num('kpiStaleDays', 'A KPI is stale without a measurement for (days)')}
            <fieldset class="field">
              <legend>A conflict may stay at a level for (business days)</legend>
              <div class="row">
                {num('conflictSlaDays.critical', 'Critical')}
                {num('conflictSlaDays.high', 'High')}
                {num('conflictSlaDays.medium', 'Medium')}
                {num('conflictSlaDays.low', 'Low')}
              </div>
            </fieldset>
            <fieldset class="field">
              <legend>Health weights</legend>
              <span class="hint">
                Relative weights of the parts of an account's health; a part without data is left out.
              </span>
              <div class="row">
                {num('healthWeights.cadence', 'Contact cadence')}
                {num('healthWeights.attention', 'Strategic attention')}
                {num('healthWeights.objectives', 'Objectives')}
              </div>
              <div class="row">
                {num('healthWeights.commitments', 'Commitments')}
                {num('healthWeights.conflicts', 'Conflicts')}
                {num('healthWeights.reviews', 'Reviews')}
              </div>
            </fieldset>
          </Group>
          <Group id="domains" title="Your own mail domains">
            <TextArea
              name="internalDomains"
              label="Internal domains"
              value={v.internalDomains}
              errors={errors}
              rows={3}
              hint="One per line. People at these domains are colleagues: they never become accounts or contacts."
            />
          </Group>
        </fieldset>
        {admin && (
          <button type="submit" class="primary" data-testid="save-settings">
            Save settings
          </button>
        )}
      </form>
    </Layout>
  );
}
