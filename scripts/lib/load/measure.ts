import type { Exchange } from './fault-proxy.ts';

// Figures of a load run, from what the fault proxy saw (every request that reached the Worker,
// with its status and timing) and what the devices sampled (their acknowledged counts).

export interface Latency {
  count: number;
  p50: number;
  p95: number;
  p99: number;
}

/** Nearest-rank percentiles. */
export function percentiles(values: number[]): Latency {
  const s = [...values].sort((a, b) => a - b);
  const at = (p: number) =>
    s.length === 0 ? Number.NaN : s[Math.min(s.length - 1, Math.ceil(p * s.length) - 1)]!;
  return { count: s.length, p50: at(0.5), p95: at(0.95), p99: at(0.99) };
}

/** When the Worker was stopped and when it answered /healthz again. */
export interface RestartWindow {
  stoppedAt: number;
  healthyAt: number;
}

/** Whether an exchange was in flight at any moment of the restart. */
export const overlaps = (e: Exchange, w: RestartWindow | null) =>
  w !== null && e.sentAt < w.healthyAt && e.doneAt >= w.stoppedAt;

/** A 5xx from the Worker, or no answer at all (the device then got the proxy's 502). */
export const isServerError = (e: Exchange) => e.status === 0 || e.status >= 500;

/**
 * Latency of the Worker's successful answers to `path` during the load, as the proxy timed them
 * (its own injected delays excluded), leaving out requests caught in the restart.
 */
export function latency(exchanges: Exchange[], path: string, until: number, restart: RestartWindow | null) {
  return percentiles(
    exchanges
      .filter(
        (e) =>
          e.path === path &&
          e.status === 200 &&
          e.copy === 'original' &&
          e.sentAt < until &&
          !overlaps(e, restart),
      )
      .map((e) => e.doneAt - e.sentAt),
  );
}

/** Answers counted by status and problem title (`unreachable` when the Worker could not be reached). */
export function statusCounts(exchanges: Exchange[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const e of exchanges) {
    const k = e.status === 0 ? 'unreachable' : e.title ? `${e.status} ${e.title}` : String(e.status);
    out[k] = (out[k] ?? 0) + 1;
  }
  return out;
}

/** Acknowledged mutations at time `t`: each device's last sample taken by then, summed. */
export function acknowledgedBy(samples: { at: number; count: number }[][], t: number): number {
  let n = 0;
  for (const list of samples) {
    let last = 0;
    for (const s of list) if (s.at <= t) last = s.count;
    n += last;
  }
  return n;
}
