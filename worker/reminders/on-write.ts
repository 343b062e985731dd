import type { Caller } from '../env.ts';
import { loadOrgInputs } from './inputs.ts';
import { type RecomputeStats, recompute } from './recompute.ts';

/** What a committed write touched. */
export interface Touched {
  /** Accounts written, or whose interactions were (before and after a move). */
  accountIds: readonly string[];
  /** Whether the caller wrote any interaction: their reminders without an account may have moved. */
  interactions: boolean;
}

/**
 * Recomputes, in the request that wrote them, the reminders of what a write
 * touched (design §6), so a reminder appears or disappears at once. Runs
 * after the write committed; a failure is logged and left to the cron job,
 * which revisits everything written since its watermark, rather than failing
 * a write that already happened.
 */
export async function recomputeForWrite(
  db: D1Database,
  caller: Pick<Caller, 'orgId' | 'userId'>,
  touched: Touched,
  now: Date = new Date(),
): Promise<RecomputeStats | null> {
  if (touched.accountIds.length === 0 && !touched.interactions) return null;
  try {
    const org = await loadOrgInputs(db, caller.orgId);
    return await recompute(
      db,
      org,
      {
        accountIds: touched.accountIds,
        unassignedUserIds: touched.interactions ? [caller.userId] : [],
      },
      now,
    );
  } catch (err) {
    console.error('reminder recompute after write failed; the cron job will catch up', err);
    return null;
  }
}
