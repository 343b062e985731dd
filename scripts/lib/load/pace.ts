// Keeps each simulated device under the Worker's per-token limit (600 a minute, wrangler.toml)
// by spacing the starts of its requests. The extension's engine calls the global `fetch`, so
// the pacing wraps it and tells devices apart by their Authorization header. A real extension
// syncs every 30 s and never comes near the limit; fifty devices pushing as fast as they can
// would, and a 429 there means a 60 s pause (Retry-After), not a test of the sync protocol.

/** At most 480 request starts a minute per token: 80 % of the limit leaves room for duplicates. */
const MIN_GAP_MS = 125;

/** Installs the pacing on `globalThis.fetch`; returns the function that removes it. */
export function paceFetch(minGapMs = MIN_GAP_MS): () => void {
  const original = globalThis.fetch;
  const next = new Map<string, number>();
  globalThis.fetch = async (input: RequestInfo | URL, init?: RequestInit) => {
    const auth = new Headers(init?.headers).get('authorization');
    if (auth) {
      const now = Date.now();
      const at = Math.max(now, next.get(auth) ?? 0);
      next.set(auth, at + minGapMs);
      if (at > now) await new Promise((r) => setTimeout(r, at - now));
    }
    return original(input, init);
  };
  return () => {
    globalThis.fetch = original;
  };
}
