// Words the pages use for the domain's enums, in one place so every page says the same.

export const STAKEHOLDER_LABEL = {
  customer: 'Customer (CRM)',
  supplier: 'Supplier (SRM)',
  partner: 'Partner (PRM)',
  employee: 'Employee (ERM)',
  other: 'Other',
} as const;

export const TIER_LABEL = { strategic: 'Strategic', tactical: 'Tactical' } as const;

export const ROLE_LABEL = { member: 'Member', manager: 'Manager', admin: 'Admin' } as const;

export const options = <K extends string>(labels: Record<K, string>) =>
  (Object.entries(labels) as [K, string][]).map(([value, label]) => ({ value, label }));
