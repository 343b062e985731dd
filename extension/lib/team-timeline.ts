import { z } from 'zod';
import { InteractionSchema } from '../../shared/schemas/interaction.ts';
import { type Db, getCredentials } from './db.ts';
import { callServer } from './server.ts';

const PageSchema = z.object({ items: z.array(InteractionSchema) });
const LIMIT = 20;

/**
 * Caches other people's team-visible interactions on an account the user has
 * opened (design §5), so the panel's timeline shows the whole team's work.
 * The user's own rows come from sync and are never overwritten here; the
 * server already redacts anything private.
 */
export async function cacheTeamTimeline(db: Db, accountId: string): Promise<number> {
  const creds = await getCredentials(db);
  const self = creds?.user?.id;
  if (!creds || !self) return 0;
  const query = new URLSearchParams({ accountId, limit: String(LIMIT) });
  const page = PageSchema.parse(await callServer(creds, 'GET', `/api/interactions?${query}`));
  const others = page.items.filter((i) => i.userId !== self && i.accountId === accountId);
  if (others.length === 0) return 0;
  const tx = db.transaction('interactions', 'readwrite');
  await Promise.all([...others.map((i) => tx.store.put(i)), tx.done]);
  return others.length;
}
