import type { AccountPlan, Contact } from '../../../shared/schemas/index.ts';
import { STAGE_NAMES } from '../../../shared/schemas/index.ts';

// Words and lookups the plan sections share, so every section names people, values and states
// the same way.

export type ObjectiveView = AccountPlan['objectives'][number];
export type CommitmentView = AccountPlan['commitments'][number];
export type ConflictView = AccountPlan['conflicts'][number];

/** Names of both sides: our people by user id, their contacts by contact id. */
export interface Names {
  users: ReadonlyMap<string, string>;
  contacts: ReadonlyMap<string, string>;
}

export function namesOf(
  people: readonly { id: string; name: string }[],
  contacts: readonly Contact[],
): Names {
  return {
    users: new Map(people.map((p) => [p.id, p.name])),
    contacts: new Map(contacts.map((c) => [c.id, c.name])),
  };
}

/** A user's name, or how to say that they have left. */
export const userName = (n: Names, id: string | null) =>
  id === null ? 'Nobody' : (n.users.get(id) ?? 'A former colleague');
export const contactName = (n: Names, id: string | null) =>
  id === null ? 'Nobody' : (n.contacts.get(id) ?? 'A former contact');

/** `12.5 %`, `1,250 k€`, `42`: a KPI value with its unit, grouped for reading. */
export function kpi(value: number, unit: string): string {
  const n = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 2 }).format(value);
  if (!unit) return n;
  return unit === '%' ? `${n}%` : `${n} ${unit}`;
}

export const pct = (share: number) => `${Math.round(share * 100)}%`;

export const STATUS_LABEL: Record<ObjectiveView['status'], string> = {
  'on-track': 'On track',
  'at-risk': 'At risk',
  'off-track': 'Off track',
  achieved: 'Achieved',
  dropped: 'Dropped',
};

export const OUTCOME_LABEL: Record<CommitmentView['outcome'], string> = {
  'kept-on-time': 'Kept on time',
  'kept-late': 'Kept late',
  broken: 'Broken',
  cancelled: 'Cancelled',
  overdue: 'Overdue',
  open: 'Open',
};

export const SEVERITY_LABEL = { low: 'Low', medium: 'Medium', high: 'High', critical: 'Critical' } as const;

export const PLAN_STATUS_LABEL = { draft: 'Draft', active: 'Active', closed: 'Closed' } as const;

export const LEVEL_OF_THREE = { low: 'Low', medium: 'Medium', high: 'High' } as const;

export const ALLIANCE_LABEL = {
  commitment: 'Commitment',
  integration: 'Integration',
  riskSharing: 'Risk sharing',
  flexibility: 'Flexibility',
} as const;

export const RACI_LABEL = { R: 'Responsible', A: 'Accountable', C: 'Consulted', I: 'Informed' } as const;

/** `4 · Trusted advisor`. */
export const stage = (rating: number) => `${rating} · ${STAGE_NAMES[rating - 1] ?? ''}`;

export const STAGE_OPTIONS = STAGE_NAMES.map((name, i) => ({
  value: String(i + 1),
  label: `${i + 1} · ${name}`,
}));

/** The gap between the two ratings of a review, in words. */
export function ratingGap(ours: number, theirs: number | null): string {
  if (theirs === null) return 'They gave no rating.';
  const d = theirs - ours;
  if (d === 0) return 'Both sides see the same stage.';
  const steps = Math.abs(d) === 1 ? 'one stage' : `${Math.abs(d)} stages`;
  return d < 0 ? `They see us ${steps} lower than we do.` : `They see us ${steps} higher than we do.`;
}

/** The page's people pickers: ours first, then theirs, each with a side in its value. */
export function personOptions(people: readonly { id: string; name: string }[], contacts: readonly Contact[]) {
  return {
    ours: people.map((p) => ({ value: `user:${p.id}`, label: p.name })),
    theirs: contacts.map((c) => ({ value: `contact:${c.id}`, label: c.name })),
  };
}
