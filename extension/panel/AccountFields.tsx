import type { Stakeholder, Tier } from '../../shared/schemas/index.ts';
import { type AccountDraft, type AccountErrors, STAKEHOLDERS } from './account-form.ts';

/** A field's problem, right under it, tied to it for screen readers. */
export function FieldError(props: { id: string; text?: string }) {
  return props.text ? (
    <span id={props.id} class="error field-error" role="alert">
      {props.text}
    </span>
  ) : null;
}

/**
 * Tier, stakeholder and cadence: what both account forms ask. The cadence
 * field shows the org's default for the chosen tier, which an empty field keeps.
 */
export function AccountBasics(props: {
  draft: AccountDraft;
  set: (p: Partial<AccountDraft>) => void;
  errors: AccountErrors;
  /** Prefix for ids and the radio group's name. */
  idp: string;
  defaultCadence: { strategic: number; tactical: number };
}) {
  const { draft, set, errors, idp } = props;
  return (
    <>
      <fieldset>
        <legend>Tier</legend>
        <div class="tags">
          {(['tactical', 'strategic'] as Tier[]).map((t) => (
            <label key={t} class={`tag-option ${t}`}>
              <input
                type="radio"
                name={`${idp}-tier`}
                value={t}
                checked={draft.tier === t}
                onChange={() => set({ tier: t })}
              />
              {t === 'tactical' ? 'Tactical' : 'Strategic'}
            </label>
          ))}
        </div>
      </fieldset>
      <div class="grid2">
        <label>
          Stakeholder
          <select
            value={draft.stakeholder}
            onChange={(e) => set({ stakeholder: e.currentTarget.value as Stakeholder })}
          >
            {STAKEHOLDERS.map((s) => (
              <option key={s.value} value={s.value}>
                {s.label}
              </option>
            ))}
          </select>
        </label>
        <label>
          Cadence (days)
          <input
            type="text"
            inputMode="numeric"
            value={draft.cadence}
            placeholder={`Default: ${props.defaultCadence[draft.tier]}`}
            aria-invalid={errors.cadence ? 'true' : undefined}
            aria-describedby={errors.cadence ? `${idp}-cadence-error` : `${idp}-cadence-hint`}
            onInput={(e) => set({ cadence: e.currentTarget.value })}
          />
          <FieldError id={`${idp}-cadence-error`} text={errors.cadence} />
          {!errors.cadence && (
            <span id={`${idp}-cadence-hint`} class="muted hint">
              {draft.cadence.trim() === '0'
                ? 'Off: no keep-in-touch reminders.'
                : `Empty: the ${draft.tier} default, ${props.defaultCadence[draft.tier]} days. 0: off.`}
            </span>
          )}
        </label>
      </div>
    </>
  );
}
