import { z } from 'zod';
import { RoleSchema } from '../../shared/schemas/common.ts';
import { type Credentials, type Db, getCredentials } from './db.ts';
import { getOrgCache, ORG_CACHE_KEY, type OrgCache } from './org-cache.ts';
import { callServer, ServerError } from './server.ts';

// Loose on purpose: the cache keeps what the panel reads, and a newer server may add fields.
const PersonSchema = z.object({
  id: z.string(),
  name: z.string(),
  email: z.string(),
  role: RoleSchema,
  timeZone: z.string(),
});
const MeSchema = z.object({
  user: PersonSchema,
  org: z.object({ id: z.string(), name: z.string(), settings: z.record(z.string(), z.unknown()) }),
});
const PeopleSchema = z.object({ items: z.array(PersonSchema.extend({ active: z.boolean().optional() })) });

/** How long the cached org (settings and people) is fresh enough; a sync round refreshes it after that. */
export const ORG_CACHE_MAX_AGE_MS = 10 * 60_000;

/**
 * Refreshes the cached org: the caller's own profile (name, role and zone may
 * have changed on the web), the org's settings and its people. Skipped while
 * the cache is fresh unless forced. An older server without `GET /api/users`
 * leaves `people` null; the panel then says "a teammate".
 */
export async function refreshOrgCache(
  db: Db,
  opts: { force?: boolean; now?: number } = {},
): Promise<boolean> {
  const now = opts.now ?? Date.now();
  const creds = await getCredentials(db);
  if (!creds?.user) return false;
  const cached = await getOrgCache(db);
  if (!opts.force && cached && now - cached.fetchedAt < ORG_CACHE_MAX_AGE_MS) return false;
  const me = MeSchema.parse(await callServer(creds, 'GET', '/api/me'));
  let people: OrgCache['people'] = cached?.people ?? null;
  try {
    // Former members too: their names stay on the work they logged.
    const list = PeopleSchema.parse(
      await callServer(creds, 'GET', '/api/users?limit=200&includeFormer=true'),
    );
    people = list.items.map((p) => ({ ...p, active: p.active !== false }));
  } catch (err) {
    if (!(err instanceof ServerError) || (err.status !== 404 && err.status !== 403)) throw err;
  }
  const tx = db.transaction('meta', 'readwrite');
  const current = (await tx.store.get('credentials')) as Credentials | undefined;
  // A sign-out or another sign-in meanwhile: what was fetched belongs to nobody here now.
  if (current?.token !== creds.token) return false;
  await Promise.all([
    tx.store.put({ ...current, user: me.user, org: { id: me.org.id, name: me.org.name } }, 'credentials'),
    tx.store.put({ settings: me.org.settings, people, fetchedAt: now } satisfies OrgCache, ORG_CACHE_KEY),
    tx.done,
  ]);
  return true;
}
