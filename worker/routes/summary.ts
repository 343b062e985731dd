import { Hono } from 'hono';
import { SummaryQuerySchema } from '../../shared/schemas/summary.ts';
import { requireRole } from '../auth/middleware.ts';
import { db } from '../db/client.ts';
import type { AppEnv } from '../env.ts';
import { ProblemError, problem } from '../http/problem.ts';
import { query } from '../http/validate.ts';
import { computeSummary } from '../summary/compute.ts';

const DAY_MS = 86_400_000;
/** Default period (design §9): the last 28 days. */
const DEFAULT_DAYS = 28;
/** Longest period one request may ask for; the roll-ups keep it to ~days × people rows. */
const MAX_DAYS = 366;

/** `GET /api/summary?from&to&userId`: the team aggregates of design §7.1, for managers and admins. */
export const summary = new Hono<AppEnv>().get('/', requireRole('manager', 'admin'), async (c) => {
  const q = query(c, SummaryQuerySchema);
  const now = new Date();
  const to = q.to ? new Date(q.to) : now;
  const from = q.from ? new Date(q.from) : new Date(to.getTime() - DEFAULT_DAYS * DAY_MS);
  const span = to.getTime() - from.getTime();
  if (!(span > 0 && span <= MAX_DAYS * DAY_MS)) {
    throw new ProblemError(
      problem('validation', 400, 'Invalid period', {
        detail: `\`from\` must be before \`to\`, at most ${MAX_DAYS} days apart.`,
      }),
    );
  }
  const caller = c.get('caller');
  const period = {
    from: from.toISOString(),
    to: to.toISOString(),
    ...(q.userId ? { userId: q.userId } : {}),
  };
  return c.json(await computeSummary(db(c.env), caller.orgId, caller.userId, period, now), 200);
});
