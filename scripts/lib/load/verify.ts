import type { REPLICA_STORES } from '../../../extension/lib/db.ts';
import type { PullResponse } from '../../../shared/schemas/index.ts';
import type { Replica } from './device.ts';
import type { Expected } from './workload.ts';

// The end-of-run checks. Three independent views must agree:
// - the audit log, which the push handler writes in the same D1 batch as each applied mutation:
//   exactly one row per (sync client, mutation id) the device wrote, no row for anything else;
// - the server's records, as a full pull returns them: each record holds its device's last write;
// - each device's replica: equal, row for row, to the server's view of that device's scope.
// Plus the derived data: every daily roll-up and account touch equals a recount of the rows.

/** A full pull from cookie 0: the server's view of one person's scope, in every store a replica keeps. */
export type ServerView = Pick<PullResponse, (typeof REPLICA_STORES)[number]>;

export interface DeviceFacts {
  index: number;
  userId: string;
  clientIds: string[];
  /** Mutation ids 1..enqueued were written (and, after the drain, acknowledged). */
  enqueued: number;
  expected: Map<string, Expected>;
  replica: Replica;
}

export interface AuditRow {
  action: string;
  detail: string | null;
}

export interface Findings {
  /** Acknowledged mutations with no audit row, plus written records the server lacks or holds stale. */
  lost: number;
  /** Audit rows beyond the first per (client, mutation id), plus rows for ids no device wrote. */
  duplicated: number;
  /** Mutations the server refused (the workload writes only valid ones, so any is a finding). */
  rejected: number;
  /** Devices whose replica differs from the server's view of their scope. */
  divergedReplicas: number;
  /** Daily roll-ups and account touches that differ from a recount. */
  rollupsOff: number;
  /** The first few concrete differences, for the log. */
  examples: string[];
}

const canonical = (v: unknown): string =>
  JSON.stringify(v, (_k, x) =>
    x && typeof x === 'object' && !Array.isArray(x)
      ? Object.fromEntries(Object.entries(x).sort(([a], [b]) => a.localeCompare(b)))
      : x,
  );

export function emptyFindings(): Findings {
  return { lost: 0, duplicated: 0, rejected: 0, divergedReplicas: 0, rollupsOff: 0, examples: [] };
}

function note(f: Findings, example: string) {
  if (f.examples.length < 12) f.examples.push(example);
}

/** Exactly once, by the audit log: one row per (client id, mutation id) written, nothing else. */
export function checkAudit(f: Findings, devices: DeviceFacts[], rows: AuditRow[]): void {
  const seen = new Map<string, Map<number, number>>();
  for (const r of rows) {
    const d = r.detail ? (JSON.parse(r.detail) as { clientId?: string; mutationId?: number }) : {};
    if (typeof d.clientId !== 'string' || typeof d.mutationId !== 'number') continue;
    if (r.action === 'mutation.rejected') f.rejected++;
    const ids = seen.get(d.clientId) ?? new Map<number, number>();
    ids.set(d.mutationId, (ids.get(d.mutationId) ?? 0) + 1);
    seen.set(d.clientId, ids);
  }
  for (const dev of devices) {
    if (dev.clientIds.length !== 1) {
      note(
        f,
        `device ${dev.index} used ${dev.clientIds.length} sync client ids (the server lost its position)`,
      );
      f.lost++;
    }
    const ids = seen.get(dev.clientIds[0] ?? '') ?? new Map<number, number>();
    seen.delete(dev.clientIds[0] ?? '');
    for (let id = 1; id <= dev.enqueued; id++) {
      const n = ids.get(id) ?? 0;
      if (n === 0) {
        f.lost++;
        note(f, `device ${dev.index}: mutation ${id} has no audit row`);
      }
      if (n > 1) {
        f.duplicated += n - 1;
        note(f, `device ${dev.index}: mutation ${id} applied ${n} times`);
      }
      ids.delete(id);
    }
    for (const [id, n] of ids) {
      f.duplicated += n;
      note(f, `device ${dev.index}: audit rows for mutation ${id}, which it never wrote`);
    }
  }
  for (const [clientId, ids] of seen) {
    for (const n of ids.values()) f.duplicated += n;
    note(f, `audit rows for unknown sync client ${clientId}`);
  }
}

/** Every record a device wrote holds that device's last write on the server. */
export function checkModel(f: Findings, devices: DeviceFacts[], views: Map<string, ServerView>): void {
  for (const dev of devices) {
    const view = views.get(dev.userId)!;
    const byId = new Map<string, Record<string, unknown>>();
    for (const r of [...view.interactions, ...view.accounts, ...view.contacts]) byId.set(r.id, r);
    for (const [id, want] of dev.expected) {
      const got = byId.get(id);
      let ok = got !== undefined;
      if (got && want.kind === 'interaction' && want.deleted) ok = got.deletedAt !== null;
      else if (got) {
        ok = got.deletedAt === null;
        for (const [k, v] of Object.entries(want.args)) if (canonical(got[k]) !== canonical(v)) ok = false;
      }
      if (!ok) {
        f.lost++;
        note(
          f,
          `device ${dev.index}: ${want.kind} ${id} is ${got ? 'not its last write' : 'missing'} on the server`,
        );
      }
    }
  }
}

/** Each replica equals the server's view of its person's scope, with nothing left pending. */
export function checkReplicas(f: Findings, devices: DeviceFacts[], views: Map<string, ServerView>): void {
  for (const dev of devices) {
    const view = views.get(dev.userId)!;
    let diverged = false;
    for (const store of Object.keys(dev.replica) as (keyof ServerView)[]) {
      const server = new Map((view[store] as { id: string }[]).map((r) => [r.id, canonical(r)]));
      const local = dev.replica[store];
      if (local.length !== server.size) {
        diverged = true;
        note(f, `device ${dev.index}: ${local.length} ${store} locally, ${server.size} on the server`);
      }
      for (const row of local) {
        if (server.get(row.id as string) !== canonical(row)) {
          diverged = true;
          note(f, `device ${dev.index}: ${store} ${String(row.id)} differs from the server`);
          break;
        }
      }
    }
    if (diverged) f.divergedReplicas++;
  }
}

export interface RollupRow {
  user_id: string;
  day: string;
  tactical: number;
  strategic: number;
  last: string | null;
}

export interface TouchRow {
  id: string;
  last_interaction_at: string | null;
  last_strategic_at: string | null;
  recount_any: string | null;
  recount_strategic: string | null;
}

/** Roll-ups (kept incrementally by every push) against a recount of the interactions. */
export function checkRollups(
  f: Findings,
  stored: RollupRow[],
  recount: RollupRow[],
  touches: TouchRow[],
): void {
  const key = (r: RollupRow) => `${r.user_id} ${r.day}`;
  const want = new Map(recount.map((r) => [key(r), r]));
  for (const r of stored) {
    const w = want.get(key(r));
    want.delete(key(r));
    const t = w?.tactical ?? 0;
    const s = w?.strategic ?? 0;
    if (r.tactical !== t || r.strategic !== s || (t + s > 0 && r.last !== w?.last)) {
      f.rollupsOff++;
      note(f, `roll-up ${key(r)}: ${r.tactical}/${r.strategic} stored, ${t}/${s} recounted`);
    }
  }
  for (const w of want.values()) {
    f.rollupsOff++;
    note(f, `roll-up ${key(w)} missing (recount ${w.tactical}/${w.strategic})`);
  }
  for (const a of touches) {
    if (
      (a.last_interaction_at ?? null) !== a.recount_any ||
      (a.last_strategic_at ?? null) !== a.recount_strategic
    ) {
      f.rollupsOff++;
      note(
        f,
        `account ${a.id}: touches ${a.last_interaction_at}/${a.last_strategic_at}, recount ${a.recount_any}/${a.recount_strategic}`,
      );
    }
  }
}
