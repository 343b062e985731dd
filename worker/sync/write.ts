import { eq, sql } from 'drizzle-orm';
import type { SQLiteInsertValue } from 'drizzle-orm/sqlite-core';
import type { Db, Statement } from '../db/client.ts';
import { auditLog, type interactions, orgs } from '../db/schema.ts';
import type { Caller } from '../env.ts';
import type { TeamLearning } from './learning.ts';
import type { Derived } from './rollups.ts';

// The pieces every write shares, whether it is a mutator (worker/sync/mutators) run by a push
// or a REST route, or a route's own bookkeeping (tokens, invites).

export interface WriteContext extends Pick<Caller, 'orgId' | 'userId' | 'role'> {
  now: string;
  /** A push gathers roll-up changes here and emits them once, after all its writes. */
  derived?: Derived;
  /** Rows take the org's version plus this; a push bumps the counter once, by its count of writes. */
  versionOffset?: number;
  /**
   * A push collects interaction rows here and writes them as multi-row upserts
   * (see `upsertInteractions`); without it each put returns its own statement.
   */
  interactionRows?: InteractionRow[];
  /** The org's tag-suggestion weights as this write leaves them; interaction puts teach them. */
  learning?: TeamLearning;
}

export type InteractionRow = SQLiteInsertValue<typeof interactions>;

/** The org's version counter, bumped first in every write so the rows below take the new value. */
export const bumpVersion = (d: Db, orgId: string): Statement =>
  d
    .update(orgs)
    .set({ version: sql`${orgs.version} + 1` })
    .where(eq(orgs.id, orgId));

/** The version a row written now takes: the org's counter as the batch has bumped it. */
export const currentVersion = (ctx: Pick<WriteContext, 'orgId' | 'versionOffset'>) =>
  sql<number>`((SELECT version FROM orgs WHERE id = ${ctx.orgId}) + ${ctx.versionOffset ?? 0})`;

/** The audit row that commits with each write. */
export function audit(
  d: Db,
  ctx: Pick<WriteContext, 'orgId' | 'userId' | 'now'>,
  action: string,
  target: string | null,
  detail?: unknown,
): Statement {
  return d.insert(auditLog).values({
    orgId: ctx.orgId,
    actorId: ctx.userId,
    action,
    target,
    detail: detail === undefined ? null : JSON.stringify(detail),
    at: ctx.now,
  });
}
