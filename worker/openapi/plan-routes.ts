import type { z } from 'zod';
import {
  AccountPlanSchema,
  CommitmentCreateSchema,
  CommitmentPatchSchema,
  ConflictCreateSchema,
  ConflictPatchSchema,
  HealthListQuerySchema,
  MeasurementCreateSchema,
  MeasurementListQuerySchema,
  MeasurementPatchSchema,
  MilestoneCreateSchema,
  MilestonePatchSchema,
  ObjectiveCreateSchema,
  ObjectivePatchSchema,
  PlanPutSchema,
  PlanRecordListQuerySchema,
  ResponsibilityCreateSchema,
  ResponsibilityPatchSchema,
  ReviewCreateSchema,
  ReviewPatchSchema,
} from '../../shared/schemas/index.ts';
import type { RouteDoc } from './routes.ts';

// The relationship-plan routes (design §14, §15) for the OpenAPI document.

const OWNER = 'the account’s owner, a manager or an admin';
const ANYONE = 'any member; someone else’s: its author, the account’s owner, a manager or an admin';

function records(
  plural: string,
  name: string,
  who: string,
  create: z.ZodType,
  patch: z.ZodType,
  list: z.ZodObject = PlanRecordListQuerySchema,
): RouteDoc[] {
  const one = name.toLowerCase();
  return [
    {
      method: 'get',
      path: `/api/${plural}`,
      summary: `List the org's ${plural} (accountId: one account's), by id`,
      auth: 'bearer',
      query: list,
      status: 200,
      response: { pageOf: name },
    },
    {
      method: 'get',
      path: `/api/${plural}/:id`,
      summary: `One ${one}`,
      auth: 'bearer',
      status: 200,
      response: { ref: name },
    },
    {
      method: 'post',
      path: `/api/${plural}`,
      summary: `Create a ${one} (${who})`,
      auth: 'bearer',
      body: create,
      status: 201,
      response: { ref: name },
      problems: [403, 404, 409],
    },
    {
      method: 'patch',
      path: `/api/${plural}/:id`,
      summary: `Change fields of a ${one} (${who})`,
      auth: 'bearer',
      body: patch,
      status: 200,
      response: { ref: name },
      problems: [403, 409],
    },
    {
      method: 'delete',
      path: `/api/${plural}/:id`,
      summary: `Delete a ${one}, a tombstone (${who})`,
      auth: 'bearer',
      status: 204,
      problems: [403],
    },
  ];
}

export const PLAN_ROUTES: RouteDoc[] = [
  {
    method: 'get',
    path: '/api/accounts/:id/plan',
    summary: 'The account’s plan with its derived values: progress, outcomes, SLAs, matrix flags, health',
    auth: 'bearer',
    status: 200,
    response: AccountPlanSchema,
  },
  {
    method: 'get',
    path: '/api/plans/:accountId',
    summary: 'The account’s plan',
    auth: 'bearer',
    status: 200,
    response: { ref: 'Plan' },
  },
  {
    method: 'put',
    path: '/api/plans/:accountId',
    summary: `Create (201) or replace (200) the account’s plan, one per account (${OWNER})`,
    auth: 'bearer',
    body: PlanPutSchema,
    status: 200,
    response: { ref: 'Plan' },
    problems: [403, 409],
  },
  {
    method: 'delete',
    path: '/api/plans/:accountId',
    summary: `Delete the account’s plan, a tombstone (${OWNER})`,
    auth: 'bearer',
    status: 204,
    problems: [403],
  },
  ...records('objectives', 'Objective', OWNER, ObjectiveCreateSchema, ObjectivePatchSchema),
  ...records(
    'measurements',
    'Measurement',
    ANYONE,
    MeasurementCreateSchema,
    MeasurementPatchSchema,
    MeasurementListQuerySchema,
  ),
  ...records('reviews', 'Review', ANYONE, ReviewCreateSchema, ReviewPatchSchema),
  ...records('milestones', 'Milestone', ANYONE, MilestoneCreateSchema, MilestonePatchSchema),
  ...records(
    'responsibilities',
    'Responsibility',
    OWNER,
    ResponsibilityCreateSchema,
    ResponsibilityPatchSchema,
  ),
  ...records('commitments', 'Commitment', ANYONE, CommitmentCreateSchema, CommitmentPatchSchema),
  ...records('conflicts', 'Conflict', ANYONE, ConflictCreateSchema, ConflictPatchSchema),
  {
    method: 'get',
    path: '/api/health',
    summary: 'Health of the org’s planned and strategic accounts, worst first; band filters',
    auth: 'bearer',
    query: HealthListQuerySchema,
    status: 200,
    response: { pageOf: 'HealthListItem' },
  },
];
