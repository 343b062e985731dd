import { eq, sql } from 'drizzle-orm';
import { learn, NO_TEAM_WEIGHTS, type TeamWeights } from '../../shared/classify/team.ts';
import type { InteractionInput, Tier } from '../../shared/schemas/index.ts';
import type { Db, Statement } from '../db/client.ts';
import { toTeamWeights } from '../db/records.ts';
import { orgs, teamWeights } from '../db/schema.ts';
import type { Known } from './mutators/known.ts';
import { currentVersion, type WriteContext } from './write.ts';

// The org's learned tag-suggestion weights are derived data of interaction writes, like the
// roll-ups: the server runs the same pure classifier the panel runs (shared/classify) on each
// saved interaction and, when the saved tag overrides its suggestion, moves the weights
// (`learn`). No client field is needed, so a client cannot forge a lesson, and the weights
// are written in the same batch as the interaction that taught them.
//
// Privacy: only team-visible interactions teach. The weights reach every replica of the org,
// so a term learned from a private note would show its words to teammates.

/** What the learning needs to know of an interaction as it stood before the write. */
interface Before {
  tag: 'tactical' | 'strategic';
  deletedAt: string | null;
}

/**
 * The org's weights as one write (a push, or one REST call) reads and
 * leaves them: each interaction put may teach them; the caller then emits
 * {@link TeamLearning.statements} once, after all its mutations.
 */
export class TeamLearning {
  /** As read; `learn` returns its input unchanged when a save teaches nothing. */
  private readonly read: TeamWeights;
  private weights: TeamWeights;
  /** The stored row's version when read; null when the org has no row yet. */
  private readonly readVersion: number | null;
  private readonly orgId: string;

  constructor(orgId: string, known: Known) {
    this.orgId = orgId;
    const row = known.teamWeights.get(orgId);
    this.readVersion = row ? row.version : null;
    this.read = row ? toTeamWeights({ ...row, orgId }) : NO_TEAM_WEIGHTS;
    this.weights = this.read;
  }

  /**
   * Learns from one interaction put, if it teaches anything: it must be team-visible, and new
   * (or restored) or its tag changed; an edit that keeps the tag was already learned from.
   */
  teach(before: Before | undefined, a: InteractionInput, tier: Tier | null): void {
    if (a.visibility !== 'team') return;
    if (before && before.deletedAt === null && before.tag === a.tag) return;
    this.weights = learn(
      this.weights,
      { title: a.title, notes: a.notes, kind: a.kind, accountTier: tier },
      a.tag,
    );
  }

  /** Whether anything was learned since the read. */
  get changed(): boolean {
    return this.weights !== this.read;
  }

  /**
   * The statements that store what was learned (none when nothing was): a guard that fails the
   * batch if another write changed the weights since they were read (the caller then re-reads
   * and re-runs, as for the other snapshot guards), and the upsert at the write's version.
   */
  statements(d: Db, ctx: Pick<WriteContext, 'orgId' | 'now' | 'versionOffset'>): Statement[] {
    if (!this.changed) return [];
    const expected = this.readVersion ?? -1;
    const stale = sql`CASE WHEN coalesce((SELECT version FROM team_weights WHERE org_id = ${this.orgId}), -1) = ${expected} THEN 1 ELSE json('') END`;
    const row = {
      corrections: this.weights.corrections,
      terms: JSON.stringify(this.weights.terms),
      version: currentVersion(ctx),
      updatedAt: ctx.now,
    };
    return [
      d.select({ ok: stale }).from(orgs).where(eq(orgs.id, this.orgId)),
      d
        .insert(teamWeights)
        .values({ orgId: this.orgId, createdAt: ctx.now, deletedAt: null, ...row })
        .onConflictDoUpdate({ target: teamWeights.orgId, set: row }),
    ];
  }
}
