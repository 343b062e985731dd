import type { InteractionInput } from '../../shared/schemas/index.ts';
import type { Db, LocalInteraction } from '../lib/db.ts';
import { enqueue } from '../lib/outbox.ts';
import { inputOf } from './log-draft.ts';

// Corrections of what was logged. Each goes through the outbox like any other
// write, so it shows at once, works offline and reaches the server in order.

/** Saves an edit of an own interaction (the whole record: edits are puts). */
export async function updateInteraction(db: Db, input: InteractionInput, userId: string): Promise<void> {
  await enqueue(db, 'interaction.put', input, userId);
}

/**
 * Deletes an own interaction and returns what undoing needs: the record as it
 * was. Undo writes it back with {@link restoreInteraction}; the server then
 * sees the delete and the restore, in that order, and ends where it started.
 */
export async function deleteInteraction(
  db: Db,
  i: LocalInteraction,
  userId: string,
): Promise<InteractionInput> {
  const before = inputOf(i);
  await enqueue(db, 'interaction.delete', { id: i.id }, userId);
  return before;
}

/** Writes a deleted interaction back as it was. */
export async function restoreInteraction(db: Db, before: InteractionInput, userId: string): Promise<void> {
  await enqueue(db, 'interaction.put', before, userId);
}

/** The user's own live logs of one thread or event, newest first: "already logged". */
export async function loggedFrom(
  db: Db,
  userId: string,
  site: string,
  ref: string,
): Promise<LocalInteraction[]> {
  const rows = await db.getAllFromIndex('interactions', 'bySource', [site, ref]);
  return rows
    .filter((i) => !i.deletedAt && i.userId === userId)
    .sort((a, b) =>
      a.occurredAt < b.occurredAt ? 1 : a.occurredAt > b.occurredAt ? -1 : a.id < b.id ? 1 : -1,
    );
}
