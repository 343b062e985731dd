import { and, eq } from 'drizzle-orm';
import type { MutationArgs } from '../../../shared/schemas/index.ts';
import { reminders } from '../../db/schema.ts';
import { currentVersion } from '../write.ts';
import { type Mutator, missing, type Refusal, rejected, visible } from './mutator.ts';

type ReminderName = 'reminder.done' | 'reminder.dismiss' | 'reminder.snooze';
type Change = Pick<typeof reminders.$inferInsert, 'state' | 'snoozedUntil'>;

/** A reminder's owner moves it to another state; nobody else may, and to others it does not exist. */
function stateChange<N extends ReminderName>(change: (a: MutationArgs<N>) => Change | Refusal): Mutator<N> {
  return {
    reads: (a) => ({ reminders: [a.id] }),
    run(d, ctx, known, a) {
      const { orgId, userId, now } = ctx;
      const existing = known.reminders.get(a.id);
      if (!visible(existing, orgId) || existing.userId !== userId) return missing('reminder', a.id);
      const set = change(a);
      if ('ok' in set) return set;
      return {
        ok: true,
        target: a.id,
        accountIds: [],
        statements: [
          d
            .update(reminders)
            .set({ ...set, version: currentVersion(ctx), updatedAt: now })
            .where(and(eq(reminders.id, a.id), eq(reminders.orgId, orgId), eq(reminders.userId, userId))),
        ],
      };
    },
  };
}

export const doneReminder = stateChange<'reminder.done'>(() => ({ state: 'done', snoozedUntil: null }));

export const dismissReminder = stateChange<'reminder.dismiss'>(() => ({
  state: 'dismissed',
  snoozedUntil: null,
}));

export const snoozeReminder = stateChange<'reminder.snooze'>((a) =>
  'until' in a
    ? { state: 'snoozed', snoozedUntil: a.until }
    : rejected(400, 'Unsupported snooze', 'Snooze presets are resolved by the client.'),
);
