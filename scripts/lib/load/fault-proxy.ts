import {
  Agent,
  createServer,
  type IncomingMessage,
  request,
  type Server,
  type ServerResponse,
} from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Rng } from './workload.ts';

// A hostile network between the simulated devices and the Worker, on 127.0.0.1 only. It stands
// where Cloudflare's edge would: it sets `cf-connecting-ip` to the device's own address (each
// device is on its own network, as a team's laptops are), and it misbehaves on purpose, with
// seeded randomness (and every fourth request to a kind not seen yet, so that even a short run
// meets each one), counting every fault it injects:
//
// - drop-request: the request never reaches the Worker; the device sees a reset connection.
// - drop-response: the Worker answers (and has committed), the device never hears it.
// - duplicate: the request reaches the Worker twice at once; the device gets the first answer.
// - delay: the request waits 0.1–2 s before it goes on.
// - reorder: the device sees a reset connection, and the request reaches the Worker only after
//   the device's next request has been answered: an old push lands after newer ones.

export const FAULT_KINDS = ['drop-request', 'drop-response', 'duplicate', 'delay', 'reorder'] as const;
export type FaultKind = (typeof FAULT_KINDS)[number];

/** Probability of each fault per request; the rest pass untouched. */
export type FaultRates = Record<FaultKind, number>;

export const DEFAULT_FAULTS: FaultRates = {
  'drop-request': 0.03,
  'drop-response': 0.03,
  duplicate: 0.03,
  delay: 0.05,
  reorder: 0.02,
};

/** One answer the Worker (or, when it was unreachable, the proxy) gave. */
export interface Exchange {
  path: string;
  method: string;
  /** 0: the Worker could not be reached or reset the connection (the device got a 502). */
  status: number;
  /** When the request left for the Worker and when its answer was complete (epoch ms). */
  sentAt: number;
  doneAt: number;
  /** Which copy this was: the device's own, a duplicate, or a late (reordered) delivery. */
  copy: 'original' | 'duplicate' | 'late';
  /** The problem title of a 4xx or 5xx answer (`Concurrent push`, `Mutation ids have a gap`…). */
  title?: string;
}

const problemTitle = (status: number, body: Buffer): string | undefined => {
  if (status < 400) return undefined;
  try {
    return (JSON.parse(body.toString('utf8')) as { title?: string }).title;
  } catch {
    return undefined;
  }
};

export interface FaultProxy {
  url: string;
  faults: Record<FaultKind, number>;
  exchanges: Exchange[];
  /** Turns fault injection on or off (off for the final drain and the checks). */
  setFaulty(on: boolean): void;
  /** Points the proxy at the Worker (again, after a restart). */
  setUpstream(port: number): void;
  /** Waits until every held or late request has been delivered. */
  settle(): Promise<void>;
  close(): Promise<void>;
}

interface Body {
  method: string;
  path: string;
  headers: Record<string, string>;
  body: Buffer;
}

const HOP = new Set(['connection', 'keep-alive', 'transfer-encoding', 'host', 'content-length']);

export async function startFaultProxy(opts: {
  upstreamPort: number;
  rng: Rng;
  rates?: FaultRates;
  /** The device address of a request (from its token), set as `cf-connecting-ip`. */
  addressOf: (authorization: string | undefined) => string;
}): Promise<FaultProxy> {
  const rates = opts.rates ?? DEFAULT_FAULTS;
  let upstream = opts.upstreamPort;
  let faulty = true;
  const faults = Object.fromEntries(FAULT_KINDS.map((k) => [k, 0])) as Record<FaultKind, number>;
  const exchanges: Exchange[] = [];
  const agent = new Agent({ keepAlive: true, maxSockets: 256 });
  const pending = new Set<Promise<unknown>>();
  /** Late deliveries waiting for their device's next request to be answered, by device address. */
  const late = new Map<string, (() => void)[]>();

  const track = <T>(p: Promise<T>) => {
    pending.add(p);
    void p.finally(() => pending.delete(p));
    return p;
  };

  /** Sends one copy to the Worker and resolves with its full answer (status 0 when unreachable). */
  const forward = (b: Body, copy: Exchange['copy']) =>
    new Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: Buffer }>(
      (resolve) => {
        const sentAt = Date.now();
        const done = (
          status: number,
          headers: Record<string, string | string[] | undefined>,
          body: Buffer,
        ) => {
          exchanges.push({
            path: b.path.split('?')[0]!,
            method: b.method,
            status,
            sentAt,
            doneAt: Date.now(),
            copy,
            title: problemTitle(status, body),
          });
          resolve({ status, headers, body });
        };
        const req = request(
          {
            host: '127.0.0.1',
            port: upstream,
            method: b.method,
            path: b.path,
            headers: { ...b.headers, 'content-length': String(b.body.length) },
            agent,
          },
          (res) => {
            const chunks: Buffer[] = [];
            res.on('data', (c: Buffer) => chunks.push(c));
            res.on('end', () => done(res.statusCode ?? 0, res.headers, Buffer.concat(chunks)));
            res.on('error', () => done(0, {}, Buffer.alloc(0)));
          },
        );
        req.on('error', () => done(0, {}, Buffer.alloc(0)));
        req.end(b.body);
      },
    );

  const reply = (
    res: ServerResponse,
    answer: { status: number; headers: Record<string, string | string[] | undefined>; body: Buffer },
  ) => {
    if (answer.status === 0) {
      res.writeHead(502, { 'content-type': 'application/problem+json' });
      res.end(JSON.stringify({ type: 'bad-gateway', title: 'Worker unreachable', status: 502 }));
      return;
    }
    const headers = Object.fromEntries(Object.entries(answer.headers).filter(([k]) => !HOP.has(k)));
    res.writeHead(answer.status, headers);
    res.end(answer.body);
  };

  const releaseLate = (address: string) => {
    const waiting = late.get(address);
    late.delete(address);
    for (const go of waiting ?? []) go();
  };

  let faultable = 0;
  const choose = (): FaultKind | null => {
    if (!faulty) return null;
    // Every fourth request goes to a kind not injected yet, so a short run exercises each one.
    const missing = FAULT_KINDS.find((k) => faults[k] === 0 && rates[k] > 0);
    if (++faultable % 4 === 0 && missing) return missing;
    let r = opts.rng();
    for (const k of FAULT_KINDS) {
      if (r < rates[k]) return k;
      r -= rates[k];
    }
    return null;
  };

  async function handle(req: IncomingMessage, res: ServerResponse) {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const address = opts.addressOf(req.headers.authorization);
    const headers: Record<string, string> = {};
    for (const [k, v] of Object.entries(req.headers))
      if (!HOP.has(k) && typeof v === 'string') headers[k] = v;
    headers['cf-connecting-ip'] = address;
    const b: Body = {
      method: req.method ?? 'GET',
      path: req.url ?? '/',
      headers,
      body: Buffer.concat(chunks),
    };
    const fault = choose();
    if (fault) faults[fault]++;
    switch (fault) {
      case 'drop-request':
        req.socket.destroy();
        return;
      case 'reorder': {
        req.socket.destroy();
        // Delivered once the device's next request has been answered, or after 5 s at most.
        const go = new Promise<void>((resolve) => {
          const list = late.get(address) ?? [];
          list.push(resolve);
          late.set(address, list);
          setTimeout(resolve, 5000);
        });
        await track(go.then(() => forward(b, 'late')));
        return;
      }
      case 'delay':
        await new Promise((r) => setTimeout(r, 100 + opts.rng() * 1900));
        break;
      case 'duplicate': {
        // Both copies race; the device hears the first answer, the other is still recorded.
        const copies = [forward(b, 'original'), track(forward(b, 'duplicate'))];
        reply(res, await Promise.race(copies));
        releaseLate(address);
        return;
      }
      default:
        break;
    }
    const answer = await forward(b, 'original');
    if (fault === 'drop-response') res.socket?.destroy();
    else reply(res, answer);
    releaseLate(address);
  }

  const server: Server = createServer((req, res) => {
    void track(
      handle(req, res).catch(() => {
        res.socket?.destroy();
      }),
    );
  });
  server.keepAliveTimeout = 30_000;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;

  const settle = async () => {
    for (const address of [...late.keys()]) releaseLate(address);
    while (pending.size > 0) await Promise.allSettled([...pending]);
  };
  return {
    url: `http://127.0.0.1:${port}`,
    faults,
    exchanges,
    setFaulty: (on) => {
      faulty = on;
    },
    setUpstream: (p) => {
      upstream = p;
    },
    settle,
    async close() {
      await settle();
      agent.destroy();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
