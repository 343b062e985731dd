import { and, eq, type SQL, sql } from 'drizzle-orm';
import type { Db, Statement } from '../../db/client.ts';
import { interactions } from '../../db/schema.ts';
import { type Counted, rollupStatements, utcInstant } from '../rollups.ts';
import { currentVersion, type InteractionRow } from '../write.ts';
import { type Mutator, missing, rejected, taken, visible } from './mutator.ts';

/** Columns an upsert overwrites; the id, owner, org and creation time never change. */
const UPSERT_COLUMNS = [
  'accountId',
  'contactIds',
  'kind',
  'tag',
  'title',
  'notes',
  'occurredAt',
  'sourceSite',
  'sourceRef',
  'sourceUrl',
  'followUpAt',
  'awaitingReply',
  'visibility',
  'version',
  'updatedAt',
  'deletedAt',
] as const satisfies (keyof typeof interactions.$inferInsert)[];
const UPSERT_SET = Object.fromEntries(
  UPSERT_COLUMNS.map((k) => [k, sql.raw(`excluded."${interactions[k].name}"`)]),
) as Record<(typeof UPSERT_COLUMNS)[number], SQL>;
/** D1 binds at most 100 parameters per statement; a row binds 22. */
const ROWS_PER_UPSERT = 4;

/**
 * Inserts or replaces one user's interactions with as few statements as D1's
 * parameter limit allows. Replacing is allowed only over the same org and author.
 */
export function upsertInteractions(
  d: Db,
  orgId: string,
  userId: string,
  rows: InteractionRow[],
): Statement[] {
  const out: Statement[] = [];
  for (let i = 0; i < rows.length; i += ROWS_PER_UPSERT) {
    out.push(
      d
        .insert(interactions)
        .values(rows.slice(i, i + ROWS_PER_UPSERT))
        .onConflictDoUpdate({
          target: interactions.id,
          set: UPSERT_SET,
          setWhere: and(eq(interactions.orgId, orgId), eq(interactions.userId, userId)),
        }),
    );
  }
  return out;
}

export const putInteraction: Mutator<'interaction.put'> = {
  reads: (a, orgId) => ({
    interactions: [a.id],
    accounts: [a.accountId],
    contacts: a.contactIds,
    // Only team-visible interactions teach the org's weights (worker/sync/learning.ts).
    teamWeights: a.visibility === 'team' ? [orgId] : [],
  }),
  run(d, ctx, known, a) {
    const { orgId, userId, now } = ctx;
    const existing = known.interactions.get(a.id);
    if (existing && existing.orgId !== orgId) return taken();
    if (existing && existing.userId !== userId)
      return rejected(403, 'Forbidden', 'Only the author may edit an interaction.');
    if (a.accountId && !visible(known.accounts.get(a.accountId), orgId))
      return missing('account', a.accountId);
    for (const c of a.contactIds) if (!visible(known.contacts.get(c), orgId)) return missing('contact', c);
    const row = {
      accountId: a.accountId,
      contactIds: a.contactIds,
      kind: a.kind,
      tag: a.tag,
      title: a.title,
      notes: a.notes,
      occurredAt: utcInstant(a.occurredAt),
      sourceSite: a.source.site,
      sourceRef: a.source.ref,
      sourceUrl: a.source.url,
      followUpAt: a.followUpAt && utcInstant(a.followUpAt),
      awaitingReply: a.awaitingReply,
      visibility: a.visibility,
      version: currentVersion(ctx),
      updatedAt: now,
      deletedAt: null,
    };
    const after: Counted = {
      userId,
      accountId: a.accountId,
      tag: a.tag,
      occurredAt: row.occurredAt,
      deletedAt: null,
    };
    ctx.learning?.teach(existing, a, a.accountId ? (known.accounts.get(a.accountId)?.tier ?? null) : null);
    known.interactions.set(a.id, { id: a.id, orgId, ...after });
    const insertRow: InteractionRow = { id: a.id, orgId, userId, createdAt: now, ...row };
    ctx.interactionRows?.push(insertRow);
    return {
      ok: true,
      target: a.id,
      // The account it left too, so its reminders are recomputed (worker/reminders).
      accountIds: [...new Set([a.accountId, existing?.accountId].filter((x) => typeof x === 'string'))],
      statements: [
        ...(ctx.interactionRows ? [] : upsertInteractions(d, orgId, userId, [insertRow])),
        ...rollupStatements(d, ctx, existing ?? null, after),
      ],
    };
  },
};

export const deleteInteraction: Mutator<'interaction.delete'> = {
  reads: (a) => ({ interactions: [a.id] }),
  run(d, ctx, known, a) {
    const { orgId, userId, now } = ctx;
    const existing = known.interactions.get(a.id);
    if (!visible(existing, orgId)) return missing('interaction', a.id);
    if (existing.userId !== userId)
      return rejected(403, 'Forbidden', 'Only the author may delete an interaction.');
    known.interactions.set(a.id, { ...existing, deletedAt: existing.deletedAt ?? now });
    return {
      ok: true,
      target: a.id,
      accountIds: existing.accountId ? [existing.accountId] : [],
      statements: [
        d
          .update(interactions)
          .set({ deletedAt: now, updatedAt: now, version: currentVersion(ctx) })
          .where(
            and(eq(interactions.id, a.id), eq(interactions.orgId, orgId), eq(interactions.userId, userId)),
          ),
        ...rollupStatements(d, ctx, existing, null),
      ],
    };
  },
};
