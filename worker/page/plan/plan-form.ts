import {
  type EscalationStep,
  type Plan,
  type PlanInput,
  PlanInputSchema,
} from '../../../shared/schemas/index.ts';
import type { FieldErrors } from '../Fields.tsx';
import type { FormFields } from '../session.tsx';
import { finish, intIn, many, optionalDate, type Parsed, requiredDate, text, valuesOf } from './form-kit.ts';

// The plan form: status and dates, the vision, the review period, the alliance profile and the
// escalation ladder (who of ours and theirs at each of the three levels).

export const LEVELS = [1, 2, 3] as const;
const ALLIANCE_DIMENSIONS = ['commitment', 'integration', 'riskSharing', 'flexibility'] as const;

const PLAN_FIELDS = [
  'status',
  'startsOn',
  'endsOn',
  'vision',
  'reviewEveryDays',
  'duration',
  ...ALLIANCE_DIMENSIONS,
  'esc1Users',
  'esc1Contacts',
  'esc2Users',
  'esc2Contacts',
  'esc3Users',
  'esc3Contacts',
] as const;
export type PlanFormValues = Record<(typeof PLAN_FIELDS)[number], string>;

export const escUsersField = (level: number) => `esc${level}Users` as keyof PlanFormValues;
export const escContactsField = (level: number) => `esc${level}Contacts` as keyof PlanFormValues;

/** A new plan's form: active from today, no end, the org's review period, no profile, no ladder. */
export function newPlanValues(today: string): PlanFormValues {
  return {
    status: 'active',
    startsOn: today,
    endsOn: '',
    vision: '',
    reviewEveryDays: '',
    duration: '',
    commitment: 'medium',
    integration: 'medium',
    riskSharing: 'medium',
    flexibility: 'medium',
    esc1Users: '',
    esc1Contacts: '',
    esc2Users: '',
    esc2Contacts: '',
    esc3Users: '',
    esc3Contacts: '',
  };
}

export function planValues(p: Plan): PlanFormValues {
  const step = (level: number) => p.escalation.find((s) => s.level === level);
  return {
    status: p.status,
    startsOn: p.startsOn,
    endsOn: p.endsOn ?? '',
    vision: p.vision,
    reviewEveryDays: p.reviewEveryDays === null ? '' : String(p.reviewEveryDays),
    duration: p.alliance?.duration ?? '',
    commitment: p.alliance?.commitment ?? 'medium',
    integration: p.alliance?.integration ?? 'medium',
    riskSharing: p.alliance?.riskSharing ?? 'medium',
    flexibility: p.alliance?.flexibility ?? 'medium',
    esc1Users: (step(1)?.userIds ?? []).join('\n'),
    esc1Contacts: (step(1)?.contactIds ?? []).join('\n'),
    esc2Users: (step(2)?.userIds ?? []).join('\n'),
    esc2Contacts: (step(2)?.contactIds ?? []).join('\n'),
    esc3Users: (step(3)?.userIds ?? []).join('\n'),
    esc3Contacts: (step(3)?.contactIds ?? []).join('\n'),
  };
}

export const planValuesFrom = (f: FormFields) => valuesOf(PLAN_FIELDS, f);

/** `escalation.<index>.userIds` (index into the steps sent) → the form's field for that level. */
function ladderNames(steps: EscalationStep[]): Record<string, string> {
  const names: Record<string, string> = { escalation: 'esc1Users', alliance: 'duration' };
  steps.forEach((s, i) => {
    names[`escalation.${i}.userIds`] = escUsersField(s.level);
    names[`escalation.${i}.contactIds`] = escContactsField(s.level);
  });
  for (const d of ALLIANCE_DIMENSIONS) names[`alliance.${d}`] = d;
  names['alliance.duration'] = 'duration';
  return names;
}

/** The ladder's field names for errors the mutator gives by step index. */
export const planErrorNames = (v: PlanFormValues) => ladderNames(stepsOf(v));

function stepsOf(v: PlanFormValues): EscalationStep[] {
  return LEVELS.flatMap((level) => {
    const userIds = [...new Set(many(v[escUsersField(level)]))];
    const contactIds = [...new Set(many(v[escContactsField(level)]))];
    return userIds.length + contactIds.length > 0 ? [{ level, userIds, contactIds }] : [];
  });
}

export function parsePlanForm(id: string, accountId: string, v: PlanFormValues): Parsed<PlanInput> {
  const errors: FieldErrors = {};
  const startsOn = requiredDate(v.startsOn, errors, 'startsOn', 'the day the plan starts');
  const endsOn = optionalDate(v.endsOn, errors, 'endsOn');
  if (!errors.startsOn && endsOn && endsOn < startsOn)
    errors.endsOn = 'The plan cannot end before it starts.';
  const reviewEveryDays = intIn(
    v.reviewEveryDays,
    errors,
    'reviewEveryDays',
    7,
    730,
    "Enter whole days from 7 to 730, or leave it empty for the organisation's review period.",
  );
  const escalation = stepsOf(v);
  const candidate = {
    id,
    accountId,
    status: v.status,
    startsOn,
    endsOn,
    vision: text(v.vision),
    reviewEveryDays,
    alliance: v.duration
      ? {
          duration: v.duration,
          commitment: v.commitment,
          integration: v.integration,
          riskSharing: v.riskSharing,
          flexibility: v.flexibility,
        }
      : null,
    escalation,
  };
  return finish(errors, PlanInputSchema, candidate, ladderNames(escalation));
}
