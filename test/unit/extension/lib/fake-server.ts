import type { Mutation, PullResponse } from '../../../../shared/schemas/index.ts';

type Row = { id: string; version: number; [k: string]: unknown };

/**
 * A tiny in-memory stand-in for the Worker's sync protocol (§5), enough to
 * drive the client: skip replays, refuse gaps, record everything applied.
 */
export class FakeSyncServer {
  version = 0;
  clients = new Map<string, number>();
  interactions = new Map<string, Row>();
  reminders = new Map<string, Row>();
  /** Every mutation applied, in order: a duplicate would show here twice. */
  applied: { clientId: string; id: number; name: string; key: string }[] = [];
  /** Returns a response to short-circuit a request (simulated failures). */
  intercept: ((path: string, attempt: number) => Response | 'apply-then-drop' | null) | null = null;
  reject = new Set<string>();
  requests = 0;
  /** Rows per pull page, as the Worker's MAX_PULL_ROWS; everything in one page when unset. */
  pageSize = Number.POSITIVE_INFINITY;

  fetch = async (input: URL | RequestInfo, init?: RequestInit): Promise<Response> => {
    const url = new URL(String(input));
    this.requests++;
    const hit = this.intercept?.(url.pathname, this.requests) ?? null;
    if (hit instanceof Response) return hit;
    if (url.pathname === '/api/sync/push') {
      const body = JSON.parse(String(init?.body)) as { clientId: string; mutations: Mutation[] };
      const res = this.push(body.clientId, body.mutations);
      if (hit === 'apply-then-drop') throw new TypeError('Failed to fetch');
      return res;
    }
    if (url.pathname === '/api/sync/pull') return this.pull(url.searchParams);
    return json(404, { type: 'not-found', title: 'Not found', status: 404 });
  };

  private push(clientId: string, mutations: Mutation[]): Response {
    let last = this.clients.get(clientId) ?? 0;
    const rejected: { id: number; problem: object }[] = [];
    for (const m of mutations) {
      if (m.id <= last) continue;
      if (m.id > last + 1)
        return json(409, { type: 'mutation-gap', title: 'Mutation ids have a gap', status: 409 });
      last = m.id;
      const key = (m.args as { id: string }).id;
      if (this.reject.has(key)) {
        rejected.push({
          id: m.id,
          problem: {
            type: 'validation',
            title: 'Invalid',
            status: 400,
            detail: 'No account X in this organisation.',
          },
        });
        continue;
      }
      this.applied.push({ clientId, id: m.id, name: m.name, key });
      this.version++;
      if (m.name === 'interaction.put')
        this.interactions.set(key, {
          ...(m.args as object),
          id: key,
          version: this.version,
          userId: 'u1',
          createdAt: 'x',
          updatedAt: 'x',
          deletedAt: null,
        });
      if (m.name === 'reminder.done') {
        const r = this.reminders.get(key);
        if (r) this.reminders.set(key, { ...r, state: 'done', version: this.version });
      }
    }
    this.clients.set(clientId, last);
    return json(200, { lastMutationId: last, rejected });
  }

  private pull(q: URLSearchParams): Response {
    const cookie = Number(q.get('cookie'));
    const newer = [...this.interactions.values(), ...this.reminders.values()]
      .filter((r) => r.version > cookie)
      .sort((a, b) => a.version - b.version);
    const page = newer.slice(0, this.pageSize);
    const hasMore = page.length < newer.length;
    const body: PullResponse = {
      cookie: hasMore ? page[page.length - 1]!.version : this.version,
      lastMutationId: this.clients.get(q.get('clientId') ?? '') ?? 0,
      hasMore,
      accounts: [],
      contacts: [],
      interactions: page.filter((r) => this.interactions.get(r.id) === r) as never,
      reminders: page.filter((r) => this.reminders.get(r.id) === r) as never,
      plans: [],
      objectives: [],
      measurements: [],
      reviews: [],
      milestones: [],
      responsibilities: [],
      commitments: [],
      conflicts: [],
    };
    return json(200, body);
  }
}

export function json(status: number, body: unknown, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/json', ...headers },
  });
}
