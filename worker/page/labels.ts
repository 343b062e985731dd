import type { ReminderRule } from '../../shared/schemas/index.ts';

// Words the pages use for the domain's enums, in one place so every page says the same.

export const STAKEHOLDER_LABEL = {
  customer: 'Customer (CRM)',
  supplier: 'Supplier (SRM)',
  partner: 'Partner (PRM)',
  employee: 'Employee (ERM)',
  other: 'Other',
} as const;

export const TIER_LABEL = { strategic: 'Strategic', tactical: 'Tactical' } as const;

/** Each reminder rule as the settings and reminder lists name it (design §6, §14). */
export const RULE_LABEL: Record<ReminderRule, string> = {
  'follow-up': 'Follow-up',
  'awaiting-reply': 'Awaiting reply',
  'keep-in-touch': 'Keep in touch',
  'strategic-review': 'Strategic review',
  'alliance-ending': 'Alliance ending',
  balance: 'Balance',
  'plan-review': 'Plan review',
  'kpi-stale': 'KPI not measured',
  'commitment-due': 'Commitment due',
  'conflict-sla': 'Conflict past its SLA',
  'milestone-due': 'Milestone due',
  celebrate: 'Celebrate a milestone',
};

export const WEEKDAY_LABEL = [
  'Monday',
  'Tuesday',
  'Wednesday',
  'Thursday',
  'Friday',
  'Saturday',
  'Sunday',
] as const;

export const ROLE_LABEL = { member: 'Member', manager: 'Manager', admin: 'Admin' } as const;

export const options = <K extends string>(labels: Record<K, string>) =>
  (Object.entries(labels) as [K, string][]).map(([value, label]) => ({ value, label }));
