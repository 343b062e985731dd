// Initial sync budget (design §11): 10k interactions into IndexedDB in ≤ 2 s. A real
// `wrangler dev` on a fresh local D1 holds one person's 10k interactions (pushed through the
// sync API, so the server also computed their reminders); each run starts headless Chromium
// with the built extension on an empty profile, connects the panel with that person's token,
// and times from the Connect click to the panel saying it has synced, then checks the count.

import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { uuidv7 } from '../../shared/uuid.ts';
import { launchWithExtension, removeProfile } from '../../test/e2e/browser.ts';
import { type BenchProvider, median, ms, row } from './bench-table.ts';
import { contactInput, demoAccounts, demoInteractions } from './demo-data.ts';
import { freePort, migrateLocal, startDevServer } from './wrangler-dev.ts';

const RUNS = 5;
const INTERACTIONS = 10_000;
const PUSH_CHUNK = 100;

async function call<T>(url: string, token: string, method: string, path: string, body?: unknown): Promise<T> {
  const res = await fetch(new URL(path, url), {
    method,
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${await res.text()}`);
  return (await res.json()) as T;
}

/** One org whose admin owns five accounts and `count` interactions, written through sync push. */
async function seed(url: string, setupToken: string, count: number): Promise<string> {
  const org = await call<{ token: string }>(url, setupToken, 'POST', '/api/setup', {
    org: { name: 'Bench initial sync' },
    admin: { name: 'Bench Seller', email: 'bench@northwind.example', timeZone: 'Europe/Berlin' },
  });
  const now = new Date();
  const accounts = demoAccounts(now);
  const directory: { name: string; args: unknown }[] = [];
  const owned: { id: string; tier: string; contactIds: string[] }[] = [];
  for (const a of accounts) {
    const contacts = a.contacts.map((c) => contactInput(a.input.id, c));
    directory.push({ name: 'account.put', args: a.input });
    for (const c of contacts) directory.push({ name: 'contact.put', args: c });
    owned.push({ id: a.input.id, tier: a.input.tier, contactIds: contacts.map((c) => c.id) });
  }
  const mutations = [
    ...directory,
    ...demoInteractions(owned, now, 11, count).map((args) => ({ name: 'interaction.put', args })),
  ];
  const clientId = uuidv7();
  for (let i = 0; i < mutations.length; i += PUSH_CHUNK) {
    const chunk = mutations.slice(i, i + PUSH_CHUNK).map((m, j) => ({ ...m, id: i + j + 1 }));
    const res = await call<{ rejected: unknown[] }>(url, org.token, 'POST', '/api/sync/push', {
      clientId,
      mutations: chunk,
    });
    if (res.rejected.length) throw new Error(`seed rejected: ${JSON.stringify(res.rejected[0])}`);
  }
  return org.token;
}

/** Connects the panel and resolves with ms from the Connect click until "Last synced" shows. */
const CONNECT_AND_TIME = `(async () => {
  const button = document.querySelector('button[type="submit"]');
  const synced = () => document.querySelector('[data-testid="sync-status"]')?.textContent?.includes('Last synced');
  const done = new Promise((resolve) => {
    const obs = new MutationObserver(() => { if (synced()) { obs.disconnect(); resolve(performance.now()); } });
    obs.observe(document, { subtree: true, childList: true, characterData: true });
  });
  const t0 = performance.now();
  button.click();
  return (await done) - t0;
})()`;

const COUNT_INTERACTIONS = `new Promise((resolve, reject) => {
  const open = indexedDB.open('rapport');
  open.onerror = () => reject(open.error);
  open.onsuccess = () => {
    const req = open.result.transaction('interactions').objectStore('interactions').count();
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  };
})`;

export const benchRows: BenchProvider = async ({ root, log }) => {
  if (!existsSync(join(root, '.output/chrome-mv3/manifest.json'))) {
    log('building the Chrome extension…');
    execFileSync('npx', ['wxt', 'build', '-b', 'chrome', '--mv3'], { cwd: root, stdio: 'ignore' });
  }
  const persistTo = mkdtempSync(join(tmpdir(), 'rapport-bench-sync-'));
  migrateLocal(persistTo);
  const setupToken = randomBytes(18).toString('base64url');
  const server = await startDevServer({
    port: await freePort(),
    persistTo,
    vars: { SETUP_TOKEN: setupToken },
    quiet: true,
  });
  try {
    log(`seeding ${INTERACTIONS} interactions through sync push…`);
    const seededAt = Date.now();
    const token = await seed(server.url, setupToken, INTERACTIONS);
    log(`seeded in ${((Date.now() - seededAt) / 1000).toFixed(1)} s`);

    const times: number[] = [];
    const loads: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      loads.push(loadavg()[0]!);
      const b = await launchWithExtension();
      try {
        const panel = await b.context.newPage();
        await panel.goto(`chrome-extension://${b.extensionId}/sidepanel.html?tabId=999999`);
        await panel.getByLabel('Server address').fill(server.url);
        await panel.getByLabel('Invite code').fill(token);
        const took = (await panel.evaluate(CONNECT_AND_TIME)) as number;
        const stored = (await panel.evaluate(COUNT_INTERACTIONS)) as number;
        if (stored !== INTERACTIONS)
          throw new Error(`synced ${stored} interactions, expected ${INTERACTIONS}`);
        times.push(took);
        log(`run ${i + 1}: ${Math.round(took)} ms`);
      } finally {
        await b.close();
        removeProfile(b.userDataDir);
      }
    }
    return [
      row(
        'initial sync, 10k interactions → IndexedDB (empty profile, Connect → synced)',
        'max',
        2000,
        median(times),
        ms,
        // The machine is shared: the load beside the number says how quiet it was.
        `(n=${times.length}: ${times.map((t) => Math.round(t)).join(' / ')} ms; load ${median(loads).toFixed(1)} on ${availableParallelism()} cores)`,
      ),
    ];
  } finally {
    await server.stop();
    rmSync(persistTo, { recursive: true, force: true });
  }
};
