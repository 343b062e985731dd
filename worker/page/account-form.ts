import {
  type Account,
  type AccountInput,
  AccountInputSchema,
  type Contact,
  type ContactInput,
  ContactInputSchema,
  DateSchema,
  DomainSchema,
  EmailSchema,
  TimeZoneSchema,
} from '../../shared/schemas/index.ts';
import { type FieldErrors, issueErrors } from './Fields.tsx';
import type { FormFields } from './session.tsx';

// Form strings ↔ the shared records. The shared zod schemas decide what is valid; this module
// only splits lists and blanks, and words the common mistakes so a person knows what to type.

export type Parsed<T> = { ok: true; value: T } | { ok: false; errors: FieldErrors };

const ACCOUNT_FIELDS = [
  'name',
  'tier',
  'stakeholder',
  'cadenceDays',
  'ownerId',
  'domains',
  'startsOn',
  'endsOn',
  'notes',
] as const;
export type AccountFormValues = Record<(typeof ACCOUNT_FIELDS)[number], string>;

export function accountValues(a: Pick<Account, (typeof ACCOUNT_FIELDS)[number]>): AccountFormValues {
  return {
    name: a.name,
    tier: a.tier,
    stakeholder: a.stakeholder,
    cadenceDays: a.cadenceDays === null ? '' : String(a.cadenceDays),
    ownerId: a.ownerId ?? '',
    domains: a.domains.join(', '),
    startsOn: a.startsOn ?? '',
    endsOn: a.endsOn ?? '',
    notes: a.notes,
  };
}

/** What the person typed, as the form shows it again after an error. */
export function accountValuesFrom(f: FormFields): AccountFormValues {
  return Object.fromEntries(ACCOUNT_FIELDS.map((k) => [k, f[k] ?? ''])) as AccountFormValues;
}

const list = (s: string) =>
  s
    .split(/[\s,;]+/)
    .map((x) => x.trim())
    .filter(Boolean);

function optionalDate(v: string, errors: FieldErrors, field: string): string | null {
  if (!v.trim()) return null;
  if (DateSchema.safeParse(v.trim()).success) return v.trim();
  errors[field] = 'Enter a date as YYYY-MM-DD, or leave it empty.';
  return null;
}

export function parseAccountForm(id: string, v: AccountFormValues): Parsed<AccountInput> {
  const errors: FieldErrors = {};
  if (!v.name.trim()) errors.name = "Enter the account's name.";
  let cadenceDays: number | null = null;
  if (v.cadenceDays.trim()) {
    const n = Number(v.cadenceDays.trim());
    if (Number.isInteger(n) && n >= 0 && n <= 365) cadenceDays = n;
    else errors.cadenceDays = "Enter whole days from 0 to 365, or leave it empty for the tier's default.";
  }
  const domains = list(v.domains.toLowerCase());
  const badDomain = domains.find((x) => !DomainSchema.safeParse(x).success);
  if (badDomain) errors.domains = `“${badDomain}” is not a domain name like acme.com.`;
  else if (domains.length > 20) errors.domains = 'At most 20 domains.';
  const startsOn = optionalDate(v.startsOn, errors, 'startsOn');
  const endsOn = optionalDate(v.endsOn, errors, 'endsOn');
  if (startsOn && endsOn && endsOn < startsOn) errors.endsOn = 'The end is before the start.';
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  const parsed = AccountInputSchema.safeParse({
    id,
    name: v.name,
    tier: v.tier,
    stakeholder: v.stakeholder,
    cadenceDays,
    ownerId: v.ownerId || null,
    domains,
    startsOn,
    endsOn,
    notes: v.notes.replace(/\r\n/g, '\n'),
  });
  return parsed.success ? { ok: true, value: parsed.data } : { ok: false, errors: issueErrors(parsed.error) };
}

const CONTACT_FIELDS = ['name', 'emails', 'title', 'timeZone'] as const;
export type ContactFormValues = Record<(typeof CONTACT_FIELDS)[number], string>;

export const EMPTY_CONTACT: ContactFormValues = { name: '', emails: '', title: '', timeZone: '' };

export function contactValues(c: Pick<Contact, 'name' | 'emails' | 'title' | 'timeZone'>): ContactFormValues {
  return { name: c.name, emails: c.emails.join(', '), title: c.title ?? '', timeZone: c.timeZone ?? '' };
}

export function contactValuesFrom(f: FormFields): ContactFormValues {
  return Object.fromEntries(CONTACT_FIELDS.map((k) => [k, f[k] ?? ''])) as ContactFormValues;
}

export function parseContactForm(
  id: string,
  accountId: string | null,
  v: ContactFormValues,
): Parsed<ContactInput> {
  const errors: FieldErrors = {};
  if (!v.name.trim()) errors.name = "Enter the contact's name.";
  const emails = list(v.emails);
  const bad = emails.find((e) => !EmailSchema.safeParse(e).success);
  if (bad) errors.emails = `“${bad}” is not an email address.`;
  else if (emails.length > 20) errors.emails = 'At most 20 addresses.';
  const timeZone = v.timeZone.trim() || null;
  if (timeZone && !TimeZoneSchema.safeParse(timeZone).success)
    errors.timeZone = 'Unknown time zone. Use a name such as Europe/Berlin or America/New_York.';
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  const parsed = ContactInputSchema.safeParse({
    id,
    accountId,
    name: v.name,
    emails: emails.map((e) => e.toLowerCase()),
    title: v.title.trim() || null,
    timeZone,
  });
  return parsed.success ? { ok: true, value: parsed.data } : { ok: false, errors: issueErrors(parsed.error) };
}

/** The problem a mutator answered, placed on the field it concerns, or on the form. */
export function problemErrors(p: {
  detail?: string;
  title: string;
  issues?: { path: (string | number)[]; message: string }[];
}): FieldErrors {
  if (p.issues?.length) {
    const out: FieldErrors = {};
    for (const i of p.issues) {
      const name = i.path.filter((x) => typeof x === 'string').join('.') || '_form';
      out[name] ??= i.message;
    }
    return out;
  }
  return { _form: p.detail ?? p.title };
}
