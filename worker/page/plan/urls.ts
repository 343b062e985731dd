// The plan's page routes, in one place for the views and the route handlers.

export const RECORD_KINDS = [
  'objectives',
  'measurements',
  'reviews',
  'milestones',
  'responsibilities',
  'commitments',
  'conflicts',
] as const;
export type RecordKind = (typeof RECORD_KINDS)[number];

export const isRecordKind = (k: string): k is RecordKind => (RECORD_KINDS as readonly string[]).includes(k);

/** `/accounts/:id/plan`, `/accounts/:id/plan/objectives`, `/accounts/:id/plan/objectives/:rid/delete`… */
export function planUrl(
  accountId: string,
  kind?: RecordKind | 'matrix',
  id?: string,
  action?: string,
): string {
  return ['/accounts', accountId, 'plan', kind, id, action].filter(Boolean).join('/');
}

/** Where each section starts on the account page, for links back after a change. */
export const SECTION_ANCHOR: Record<RecordKind | 'plan' | 'matrix' | 'health', string> = {
  plan: 'plan-heading',
  health: 'health-heading',
  objectives: 'objectives-heading',
  measurements: 'objectives-heading',
  reviews: 'reviews-heading',
  milestones: 'milestones-heading',
  responsibilities: 'matrix-heading',
  matrix: 'matrix-heading',
  commitments: 'commitments-heading',
  conflicts: 'conflicts-heading',
};
