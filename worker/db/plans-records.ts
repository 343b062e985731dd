import type {
  Commitment,
  Conflict,
  Measurement,
  Milestone,
  Objective,
  Plan,
  Responsibility,
  Review,
} from '../../shared/schemas/index.ts';
import type {
  commitments,
  conflicts,
  measurements,
  milestones,
  objectives,
  plans,
  responsibilities,
  reviews,
} from './plans-schema.ts';

// Row → wire record conversions of the relationship-plan tables (design §14, §7.1 names).

type Row<T extends { $inferSelect: unknown }> = T['$inferSelect'];

const meta = (r: {
  createdBy: string;
  version: number;
  createdAt: string;
  updatedAt: string;
  deletedAt: string | null;
}) => ({
  createdBy: r.createdBy,
  version: r.version,
  createdAt: r.createdAt,
  updatedAt: r.updatedAt,
  deletedAt: r.deletedAt,
});

export const toPlan = (r: Row<typeof plans>): Plan => ({
  id: r.id,
  accountId: r.accountId,
  status: r.status,
  startsOn: r.startsOn,
  endsOn: r.endsOn,
  vision: r.vision,
  reviewEveryDays: r.reviewEveryDays,
  alliance: r.alliance ?? null,
  escalation: r.escalation,
  ...meta(r),
});

export const toObjective = (r: Row<typeof objectives>): Objective => ({
  id: r.id,
  accountId: r.accountId,
  title: r.title,
  unit: r.unit,
  baseline: r.baseline,
  target: r.target,
  dueOn: r.dueOn,
  ownerId: r.ownerId,
  counterpartId: r.counterpartId,
  weight: r.weight,
  state: r.state,
  ...meta(r),
});

export const toMeasurement = (r: Row<typeof measurements>): Measurement => ({
  id: r.id,
  objectiveId: r.objectiveId,
  accountId: r.accountId,
  value: r.value,
  measuredOn: r.measuredOn,
  note: r.note,
  interactionId: r.interactionId,
  ...meta(r),
});

export const toReview = (r: Row<typeof reviews>): Review => ({
  id: r.id,
  accountId: r.accountId,
  heldOn: r.heldOn,
  ourRating: r.ourRating,
  theirRating: r.theirRating,
  worked: r.worked,
  change: r.change,
  decisions: r.decisions,
  interactionId: r.interactionId,
  ...meta(r),
});

export const toMilestone = (r: Row<typeof milestones>): Milestone => ({
  id: r.id,
  accountId: r.accountId,
  title: r.title,
  dueOn: r.dueOn,
  achievedOn: r.achievedOn,
  celebratedOn: r.celebratedOn,
  lesson: r.lesson,
  interactionId: r.interactionId,
  ...meta(r),
});

export const toResponsibility = (r: Row<typeof responsibilities>): Responsibility => ({
  id: r.id,
  accountId: r.accountId,
  area: r.area,
  objectiveId: r.objectiveId,
  userId: r.userId,
  contactId: r.contactId,
  role: r.role,
  ...meta(r),
});

export const toCommitment = (r: Row<typeof commitments>): Commitment => ({
  id: r.id,
  accountId: r.accountId,
  side: r.side,
  ownerId: r.ownerId,
  contactId: r.contactId,
  what: r.what,
  dueOn: r.dueOn,
  state: r.state,
  closedOn: r.closedOn,
  interactionId: r.interactionId,
  ...meta(r),
});

export const toConflict = (r: Row<typeof conflicts>): Conflict => ({
  id: r.id,
  accountId: r.accountId,
  title: r.title,
  severity: r.severity,
  level: r.level,
  ownerId: r.ownerId,
  openedOn: r.openedOn,
  state: r.state,
  resolution: r.resolution,
  resolvedOn: r.resolvedOn,
  lesson: r.lesson,
  interactionId: r.interactionId,
  slaPeriods: r.slaPeriods,
  levelHistory: r.levelHistory,
  ...meta(r),
});
