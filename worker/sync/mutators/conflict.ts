import type { LevelChange } from '../../../shared/schemas/conflict.ts';
import { conflicts } from '../../db/plans-schema.ts';
import type { Mutator } from './mutator.ts';
import {
  badField,
  checkInteraction,
  checkPut,
  checkUsers,
  deleteRecord,
  remember,
  upsert,
  written,
} from './plan-common.ts';

/**
 * A conflict. A new one starts at level 1. Its level history and SLA periods are the server's:
 * a put that changes the level records a change by hand; the recompute after the write (and
 * the cron) raises it once per SLA period (shared/plans/conflict-sla.ts).
 */
export const putConflict: Mutator<'conflict.put'> = {
  reads: (a) => ({
    conflicts: [a.id],
    accounts: [a.accountId],
    users: [a.ownerId],
    interactions: [a.interactionId],
  }),
  run(d, ctx, known, a) {
    const checked = checkPut(known, ctx, 'conflicts', 'anyone', a.id, a.accountId);
    if ('ok' in checked) return checked;
    const bad =
      checkUsers(known, ctx.orgId, [a.ownerId], ['ownerId']) ??
      checkInteraction(known, ctx.orgId, a.interactionId);
    if (bad) return bad;
    const before = known.conflicts.get(a.id);
    if (!before && a.level !== 1) return badField(['level'], 'A new conflict starts at level 1');
    let levelHistory: LevelChange[] | undefined;
    if (!before) levelHistory = [{ level: 1, at: ctx.now, cause: 'opened' }];
    else if (before.level !== a.level)
      levelHistory = [...before.levelHistory, { level: a.level, at: ctx.now, cause: 'manual' }];
    const row = {
      accountId: a.accountId,
      title: a.title,
      severity: a.severity,
      level: a.level,
      ownerId: a.ownerId,
      openedOn: a.openedOn,
      state: a.state,
      resolution: a.resolution,
      resolvedOn: a.resolvedOn,
      lesson: a.lesson,
      interactionId: a.interactionId,
      ...(levelHistory ? { levelHistory } : {}),
      ...written(ctx),
    };
    remember(known, 'conflicts', ctx, a.id, a.accountId, checked.existing, checked.ownerId, {
      level: a.level,
      levelHistory: levelHistory ?? before?.levelHistory ?? [],
    });
    return {
      ok: true,
      target: a.id,
      accountIds: [a.accountId],
      // A new conflict always has its `opened` entry in `row`; the placeholder only satisfies NOT NULL,
      // which SQLite checks on the inserted row before it sees the conflict.
      statements: [
        upsert(d, conflicts, ctx, a.id, row, { slaPeriods: 0, nextSlaAt: null, levelHistory: [] }),
      ],
    };
  },
};

export const deleteConflict: Mutator<'conflict.delete'> = {
  reads: (a) => ({ conflicts: [a.id] }),
  run: (d, ctx, known, a) => deleteRecord(d, ctx, known, 'conflicts', conflicts, 'anyone', 'conflict', a.id),
};
