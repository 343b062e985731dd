import { and, asc, eq, gt, isNull, type SQL } from 'drizzle-orm';
import type { SQLiteColumn } from 'drizzle-orm/sqlite-core';
import { Hono } from 'hono';
import type { z } from 'zod';
import {
  CommitmentCreateSchema,
  CommitmentFieldsSchema,
  CommitmentInputSchema,
  CommitmentPatchSchema,
  ConflictCreateSchema,
  ConflictFieldsSchema,
  ConflictInputSchema,
  ConflictPatchSchema,
  MeasurementCreateSchema,
  MeasurementFieldsSchema,
  MeasurementInputSchema,
  MeasurementListQuerySchema,
  MeasurementPatchSchema,
  MilestoneCreateSchema,
  MilestoneFieldsSchema,
  MilestoneInputSchema,
  MilestonePatchSchema,
  type MutationName,
  ObjectiveCreateSchema,
  ObjectiveFieldsSchema,
  ObjectiveInputSchema,
  ObjectivePatchSchema,
  PlanRecordListQuerySchema,
  ResponsibilityCreateSchema,
  ResponsibilityFieldsSchema,
  ResponsibilityInputSchema,
  ResponsibilityPatchSchema,
  ReviewCreateSchema,
  ReviewFieldsSchema,
  ReviewInputSchema,
  ReviewPatchSchema,
} from '../../shared/schemas/index.ts';
import { uuidv7 } from '../../shared/uuid.ts';
import { type Db, db } from '../db/client.ts';
import {
  toCommitment,
  toConflict,
  toMeasurement,
  toMilestone,
  toObjective,
  toResponsibility,
  toReview,
} from '../db/plans-records.ts';
import {
  commitments,
  conflicts,
  measurements,
  milestones,
  objectives,
  responsibilities,
  reviews,
} from '../db/plans-schema.ts';
import type { AppEnv } from '../env.ts';
import { decodeKey, toPage } from '../http/paging.ts';
import { invalid, notFound } from '../http/problem.ts';
import { jsonBody, query } from '../http/validate.ts';
import { applyOne } from '../sync/apply.ts';
import { idTaken } from './directory-shared.ts';

// The REST routes of the seven plan records beside the plan (design §14, §15), all alike:
// `GET ?accountId=` (the org's records, or one account's, by id), `GET /:id`, `POST`,
// `PATCH /:id` and `DELETE /:id`. Every write goes through the record's mutator, as a push does,
// so who may write and every reference check are decided there.

interface Table {
  id: SQLiteColumn;
  orgId: SQLiteColumn;
  accountId: SQLiteColumn;
  deletedAt: SQLiteColumn;
}

interface Spec<Row, Wire> {
  table: Table;
  /** "Objective": the 404 says "Objective not found". */
  name: string;
  toWire: (row: Row) => Wire;
  put: MutationName;
  del: MutationName;
  fields: z.ZodObject;
  input: z.ZodType;
  create: z.ZodType<{ id?: string }>;
  patch: z.ZodType;
  list: typeof PlanRecordListQuerySchema;
  /** Extra list filters beyond the account. */
  filter?: (q: Record<string, unknown>) => SQL | undefined;
}

/** The fields a client writes, taken from the stored record: what a PATCH merges onto. */
const inputOf = (fields: z.ZodObject, wire: object) =>
  Object.fromEntries(Object.keys(fields.shape).map((k) => [k, (wire as Record<string, unknown>)[k]]));

function recordRoutes<Row extends { id: string }, Wire extends object>(spec: Spec<Row, Wire>) {
  const t = spec.table;
  const load = async (d: Db, orgId: string, id: string, includeDeleted = false) => {
    const [row] = await d
      .select()
      .from(t as never)
      .where(and(eq(t.orgId, orgId), eq(t.id, id), includeDeleted ? undefined : isNull(t.deletedAt)))
      .limit(1);
    return row as Row | undefined;
  };
  const missing = () => notFound(`${spec.name} not found`);
  const fresh = async (d: Db, orgId: string, id: string) => spec.toWire((await load(d, orgId, id))!);

  return new Hono<AppEnv>()
    .get('/', async (c) => {
      const q = query(c, spec.list) as z.infer<typeof PlanRecordListQuerySchema> & Record<string, unknown>;
      const { orgId } = c.get('caller');
      const where: (SQL | undefined)[] = [eq(t.orgId, orgId), isNull(t.deletedAt)];
      if (q.accountId) where.push(eq(t.accountId, q.accountId));
      where.push(spec.filter?.(q));
      if (q.cursor) where.push(gt(t.id, decodeKey(q.cursor, 1)[0]!));
      const rows = (await db(c.env)
        .select()
        .from(t as never)
        .where(and(...where))
        .orderBy(asc(t.id))
        .limit(q.limit + 1)) as Row[];
      return c.json(
        toPage(rows, q.limit, spec.toWire, (r) => [r.id]),
        200,
      );
    })
    .get('/:id', async (c) => {
      const row = await load(db(c.env), c.get('caller').orgId, c.req.param('id'));
      if (!row) throw missing();
      return c.json(spec.toWire(row), 200);
    })
    .post('/', async (c) => {
      const body = await jsonBody(c, spec.create);
      const caller = c.get('caller');
      const d = db(c.env);
      const input = spec.input.safeParse({ ...body, id: body.id ?? uuidv7() });
      if (!input.success) throw invalid(input.error);
      const id = (input.data as { id: string }).id;
      if (await load(d, caller.orgId, id, true)) throw idTaken();
      await applyOne(d, caller, spec.put, input.data);
      return c.json(await fresh(d, caller.orgId, id), 201);
    })
    .patch('/:id', async (c) => {
      const patch = (await jsonBody(c, spec.patch)) as object;
      const caller = c.get('caller');
      const d = db(c.env);
      const row = await load(d, caller.orgId, c.req.param('id'));
      if (!row) throw missing();
      const merged = spec.input.safeParse({ ...inputOf(spec.fields, spec.toWire(row)), ...patch });
      if (!merged.success) throw invalid(merged.error);
      const id = row.id;
      await applyOne(d, caller, spec.put, merged.data);
      return c.json(await fresh(d, caller.orgId, id), 200);
    })
    .delete('/:id', async (c) => {
      const caller = c.get('caller');
      const d = db(c.env);
      const row = await load(d, caller.orgId, c.req.param('id'));
      if (!row) throw missing();
      await applyOne(d, caller, spec.del, { id: row.id });
      return c.body(null, 204);
    });
}

export const objectiveRoutes = recordRoutes({
  table: objectives,
  name: 'Objective',
  toWire: toObjective,
  put: 'objective.put',
  del: 'objective.delete',
  fields: ObjectiveFieldsSchema,
  input: ObjectiveInputSchema,
  create: ObjectiveCreateSchema,
  patch: ObjectivePatchSchema,
  list: PlanRecordListQuerySchema,
});

export const measurementRoutes = recordRoutes({
  table: measurements,
  name: 'Measurement',
  toWire: toMeasurement,
  put: 'measurement.put',
  del: 'measurement.delete',
  fields: MeasurementFieldsSchema,
  input: MeasurementInputSchema,
  create: MeasurementCreateSchema,
  patch: MeasurementPatchSchema,
  list: MeasurementListQuerySchema,
  filter: (q) =>
    typeof q.objectiveId === 'string' ? eq(measurements.objectiveId, q.objectiveId) : undefined,
});

export const reviewRoutes = recordRoutes({
  table: reviews,
  name: 'Review',
  toWire: toReview,
  put: 'review.put',
  del: 'review.delete',
  fields: ReviewFieldsSchema,
  input: ReviewInputSchema,
  create: ReviewCreateSchema,
  patch: ReviewPatchSchema,
  list: PlanRecordListQuerySchema,
});

export const milestoneRoutes = recordRoutes({
  table: milestones,
  name: 'Milestone',
  toWire: toMilestone,
  put: 'milestone.put',
  del: 'milestone.delete',
  fields: MilestoneFieldsSchema,
  input: MilestoneInputSchema,
  create: MilestoneCreateSchema,
  patch: MilestonePatchSchema,
  list: PlanRecordListQuerySchema,
});

export const responsibilityRoutes = recordRoutes({
  table: responsibilities,
  name: 'Responsibility',
  toWire: toResponsibility,
  put: 'responsibility.put',
  del: 'responsibility.delete',
  fields: ResponsibilityFieldsSchema,
  input: ResponsibilityInputSchema,
  create: ResponsibilityCreateSchema,
  patch: ResponsibilityPatchSchema,
  list: PlanRecordListQuerySchema,
});

export const commitmentRoutes = recordRoutes({
  table: commitments,
  name: 'Commitment',
  toWire: toCommitment,
  put: 'commitment.put',
  del: 'commitment.delete',
  fields: CommitmentFieldsSchema,
  input: CommitmentInputSchema,
  create: CommitmentCreateSchema,
  patch: CommitmentPatchSchema,
  list: PlanRecordListQuerySchema,
});

export const conflictRoutes = recordRoutes({
  table: conflicts,
  name: 'Conflict',
  toWire: toConflict,
  put: 'conflict.put',
  del: 'conflict.delete',
  fields: ConflictFieldsSchema,
  input: ConflictInputSchema,
  create: ConflictCreateSchema,
  patch: ConflictPatchSchema,
  list: PlanRecordListQuerySchema,
});
