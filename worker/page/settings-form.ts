import {
  DateSchema,
  DomainSchema,
  type OrgSettings,
  type OrgSettingsPatch,
  OrgSettingsPatchSchema,
  OrgSettingsSchema,
  ReminderRuleSchema,
} from '../../shared/schemas/index.ts';
import type { FieldErrors } from './Fields.tsx';
import type { FormFields } from './session.tsx';

// The settings form's fields are named by their path in OrgSettings (`cadenceDays.strategic`),
// so an issue the shared schema reports lands on the field it concerns. The form always sends
// every setting; the result is a full patch for `updateSettings`, the PATCH /api/settings code.

/** A whole-number setting: its path, and the range the shared schema allows (for the message). */
export const NUMBER_FIELDS = {
  'cadenceDays.strategic': [1, 365],
  'cadenceDays.tactical': [1, 365],
  awaitingReplyBusinessDays: [1, 60],
  strategicReviewDays: [1, 730],
  allianceEndingDays: [0, 365],
  escalationDays: [1, 365],
  'balance.windowDays': [1, 365],
  'balance.minInteractions': [1, 10_000],
  'balance.weekday': [1, 7],
  kpiStaleDays: [1, 365],
  'conflictSlaDays.critical': [1, 260],
  'conflictSlaDays.high': [1, 260],
  'conflictSlaDays.medium': [1, 260],
  'conflictSlaDays.low': [1, 260],
  'healthWeights.cadence': [0, 100],
  'healthWeights.attention': [0, 100],
  'healthWeights.objectives': [0, 100],
  'healthWeights.commitments': [0, 100],
  'healthWeights.conflicts': [0, 100],
  'healthWeights.reviews': [0, 100],
} as const satisfies Record<string, readonly [number, number]>;
type NumberField = keyof typeof NUMBER_FIELDS;

/** Form values as strings, keyed by field name. */
export type SettingsValues = Record<string, string>;

const get = (o: unknown, path: string): unknown =>
  path
    .split('.')
    .reduce<unknown>(
      (v, k) => (v && typeof v === 'object' ? (v as Record<string, unknown>)[k] : undefined),
      o,
    );

/** The stored settings as the form shows them. */
export function settingsValues(s: OrgSettings): SettingsValues {
  const v: SettingsValues = {};
  for (const path of Object.keys(NUMBER_FIELDS)) v[path] = String(get(s, path));
  v['balance.maxTacticalShare'] = String(Math.round(s.balance.maxTacticalShare * 1000) / 10);
  v['workingHours.days'] = s.workingHours.days.join('\n');
  v['workingHours.start'] = s.workingHours.start;
  v['workingHours.end'] = s.workingHours.end;
  v.holidays = s.holidays.join('\n');
  v.disabledRules = s.disabledRules.join('\n');
  v.internalDomains = s.internalDomains.join('\n');
  return v;
}

/** What was posted, as the form shows it again after an error (checkbox groups may be absent). */
export function settingsValuesFrom(f: FormFields): SettingsValues {
  const v: SettingsValues = {};
  for (const path of [
    ...Object.keys(NUMBER_FIELDS),
    'balance.maxTacticalShare',
    'workingHours.start',
    'workingHours.end',
    'holidays',
    'internalDomains',
  ])
    v[path] = f[path] ?? '';
  v['workingHours.days'] = f['workingHours.days'] ?? '';
  v.disabledRules = f.disabledRules ?? '';
  return v;
}

const list = (s: string) =>
  s
    .split(/[\s,;]+/)
    .map((x) => x.trim())
    .filter(Boolean);

function set(target: Record<string, unknown>, path: string, value: unknown) {
  const keys = path.split('.');
  let o = target;
  for (const k of keys.slice(0, -1)) {
    o[k] ??= {};
    o = o[k] as Record<string, unknown>;
  }
  o[keys[keys.length - 1]!] = value;
}

/** The posted form as a full settings patch, or the errors by field. */
export function parseSettingsForm(
  v: SettingsValues,
): { ok: true; patch: OrgSettingsPatch } | { ok: false; errors: FieldErrors } {
  const errors: FieldErrors = {};
  const patch: Record<string, unknown> = {};
  for (const [path, [min, max]] of Object.entries(NUMBER_FIELDS) as [
    NumberField,
    readonly [number, number],
  ][]) {
    const raw = (v[path] ?? '').trim();
    const n = Number(raw);
    if (!raw || !Number.isInteger(n) || n < min || n > max)
      errors[path] = `Enter a whole number from ${min} to ${max}.`;
    else set(patch, path, n);
  }
  const share = Number((v['balance.maxTacticalShare'] ?? '').trim().replace(/%$/, ''));
  if (!(v['balance.maxTacticalShare'] ?? '').trim() || !Number.isFinite(share) || share < 0 || share > 100)
    errors['balance.maxTacticalShare'] = 'Enter a percentage from 0 to 100.';
  else set(patch, 'balance.maxTacticalShare', share / 100);
  const days = list(v['workingHours.days'] ?? '').map(Number);
  if (days.length === 0) errors['workingHours.days'] = 'Choose at least one working day.';
  set(patch, 'workingHours.days', days);
  set(patch, 'workingHours.start', (v['workingHours.start'] ?? '').trim());
  set(patch, 'workingHours.end', (v['workingHours.end'] ?? '').trim());
  patch.holidays = [...new Set(list(v.holidays ?? ''))].sort();
  const badDay = (patch.holidays as string[]).find((d) => !DateSchema.safeParse(d).success);
  if (badDay) errors.holidays = `“${badDay}” is not a date; write each as YYYY-MM-DD.`;
  const rules = list(v.disabledRules ?? '');
  patch.disabledRules = rules.filter((r) => ReminderRuleSchema.safeParse(r).success);
  patch.internalDomains = [...new Set(list((v.internalDomains ?? '').toLowerCase()))];
  const badDomain = (patch.internalDomains as string[]).find((d) => !DomainSchema.safeParse(d).success);
  if (badDomain) errors.internalDomains = `“${badDomain}” is not a domain name like example.com.`;
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  // The form sends every setting, so the whole schema can check the cross-field rules (a day's
  // start before its end) in the same pass, and every message shows at once.
  const parsed = OrgSettingsPatchSchema.safeParse(patch);
  const whole = OrgSettingsSchema.safeParse(patch);
  if (!parsed.success || !whole.success)
    return {
      ok: false,
      errors: settingsIssueErrors([...(parsed.error?.issues ?? []), ...(whole.error?.issues ?? [])]),
    };
  return { ok: true, patch: parsed.data };
}

/** Issues (from the schema or from `updateSettings`' 400) on their fields: the path without array indexes. */
export function settingsIssueErrors(
  issues: readonly { path: readonly PropertyKey[]; message: string }[],
): FieldErrors {
  const out: FieldErrors = {};
  for (const i of issues) {
    const name = i.path.filter((p): p is string => typeof p === 'string').join('.') || '_form';
    const message = i.message ? i.message[0]!.toUpperCase() + i.message.slice(1) : 'Invalid value';
    // An issue on a whole group (the health weights' "at least one above zero") goes on its first field.
    const field = name === 'healthWeights' ? 'healthWeights.cadence' : name;
    out[field] ??= message;
  }
  return out;
}
