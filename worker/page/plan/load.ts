import type { Account, AccountPlan, Contact } from '../../../shared/schemas/index.ts';
import { toLocalDate } from '../../../shared/time/index.ts';
import type { Viewer } from '../session.tsx';
import { parseLedgerFilter } from './CommitmentsSection.tsx';
import type { PlanPageData } from './PlanSections.tsx';

/** Who may change the plan, objectives and matrix, and anyone's plan records (design §14; the mutators decide). */
export const managesAccount = (viewer: Pick<Viewer, 'role' | 'userId'>, ownerId: string | null) =>
  viewer.role !== 'member' || ownerId === null || ownerId === viewer.userId;

/**
 * The plan sections' data for one account, from the same view as `GET /api/accounts/:id/plan`
 * (`accountPlan`, so the page and the API cannot disagree), with the names of both sides.
 */
export function planPageData(
  view: AccountPlan,
  viewer: Viewer,
  account: Pick<Account, 'ownerId' | 'tier'>,
  people: { id: string; name: string }[],
  contacts: Contact[],
  query: Record<string, string | undefined>,
  now: Date,
): PlanPageData {
  return {
    view,
    tier: account.tier,
    people,
    contacts,
    canManage: managesAccount(viewer, account.ownerId),
    viewerId: viewer.userId,
    timeZone: viewer.timeZone,
    today: toLocalDate(now, viewer.timeZone),
    filter: parseLedgerFilter(query),
  };
}
