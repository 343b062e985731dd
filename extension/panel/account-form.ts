import type { AccountInput, Stakeholder, Tier } from '../../shared/schemas/index.ts';

/** The stakeholder kinds of design §1, as the forms name them. */
export const STAKEHOLDERS: { value: Stakeholder; label: string }[] = [
  { value: 'customer', label: 'Customer' },
  { value: 'supplier', label: 'Supplier' },
  { value: 'partner', label: 'Partner' },
  { value: 'employee', label: 'Employee' },
  { value: 'other', label: 'Other' },
];

/** What the account forms hold, as typed (strings where the user types). */
export interface AccountDraft {
  name: string;
  tier: Tier;
  stakeholder: Stakeholder;
  /** Days, or empty for the tier's default. */
  cadence: string;
  ownerId: string;
  /** Comma- or space-separated domains. */
  domains: string;
  startsOn: string;
  endsOn: string;
}

export type AccountField = keyof AccountDraft;
/** Problems by field, in plain words, shown beside the field. */
export type AccountErrors = Partial<Record<AccountField, string>>;

export function accountDraftOf(a: AccountInput): AccountDraft {
  return {
    name: a.name,
    tier: a.tier,
    stakeholder: a.stakeholder,
    cadence: a.cadenceDays === null ? '' : String(a.cadenceDays),
    ownerId: a.ownerId ?? '',
    domains: a.domains.join(', '),
    startsOn: a.startsOn ?? '',
    endsOn: a.endsOn ?? '',
  };
}

// Same rule as the shared DomainSchema; the panel keeps zod out of its bundle.
const DOMAIN_RE = /^(?=.{1,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/;
const DATE_RE = /^\d{4}-\d{2}-\d{2}$/;

/** A cadence as typed: empty is the tier's default (null), 0 is off; otherwise whole days up to 365. */
export function parseCadence(text: string): number | null | string {
  const t = text.trim();
  if (!t) return null;
  const n = Number(t);
  return Number.isInteger(n) && n >= 0 && n <= 365
    ? n
    : 'Whole days up to 365 (0 switches reminders off), or empty for the default.';
}

/** Domains as typed, lower-cased and de-duplicated; or what is wrong with them. */
export function parseDomains(text: string): string[] | string {
  const list = [
    ...new Set(
      text
        .split(/[\s,;]+/)
        .map((d) => d.trim().toLowerCase().replace(/^@/, ''))
        .filter(Boolean),
    ),
  ];
  const bad = list.find((d) => !DOMAIN_RE.test(d));
  if (bad) return `“${bad}” is not a domain name (like acme.com).`;
  if (list.length > 20) return 'At most 20 domains.';
  return list;
}

/**
 * The account an edit saves: the original with every field of the draft
 * applied, or the problems by field. Notes and id are kept as they were.
 */
export function buildAccount(draft: AccountDraft, original: AccountInput): AccountInput | AccountErrors {
  const errors: AccountErrors = {};
  const name = draft.name.trim();
  if (!name) errors.name = 'Give the account a name.';
  else if (name.length > 200) errors.name = 'At most 200 characters.';
  const cadence = parseCadence(draft.cadence);
  if (typeof cadence === 'string') errors.cadence = cadence;
  const domains = parseDomains(draft.domains);
  if (typeof domains === 'string') errors.domains = domains;
  if (draft.startsOn && !DATE_RE.test(draft.startsOn)) errors.startsOn = 'Pick a date.';
  if (draft.endsOn && !DATE_RE.test(draft.endsOn)) errors.endsOn = 'Pick a date.';
  if (!errors.startsOn && !errors.endsOn && draft.startsOn && draft.endsOn && draft.endsOn < draft.startsOn)
    errors.endsOn = 'The end is before the start.';
  if (Object.keys(errors).length > 0) return errors;
  return {
    ...original,
    name,
    tier: draft.tier,
    stakeholder: draft.stakeholder,
    cadenceDays: cadence as number | null,
    ownerId: draft.ownerId || null,
    domains: domains as string[],
    startsOn: draft.startsOn || null,
    endsOn: draft.endsOn || null,
  };
}

/** The input fields of a stored account: what a put needs to write it back. */
export function accountInputOf(a: AccountInput): AccountInput {
  return {
    id: a.id,
    name: a.name,
    domains: a.domains,
    stakeholder: a.stakeholder,
    tier: a.tier,
    cadenceDays: a.cadenceDays,
    ownerId: a.ownerId,
    startsOn: a.startsOn,
    endsOn: a.endsOn,
    notes: a.notes,
  };
}
