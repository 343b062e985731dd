import { eq } from 'drizzle-orm';
import type { MutationEnvelope } from '../../shared/schemas/index.ts';
import { uuidv7 } from '../../shared/uuid.ts';
import { hashSecret, newSecret } from '../../worker/auth/secrets.ts';
import { db } from '../../worker/db/client.ts';
import { orgs, tokens, users } from '../../worker/db/schema.ts';
import { push } from '../../worker/sync/push.ts';
import {
  contactInput,
  DEMO_ORG,
  DEMO_USERS,
  type DemoUserKey,
  demoAccounts,
  demoInteractions,
} from './demo-data.ts';

export interface DemoCredentials {
  orgId: string;
  users: { key: DemoUserKey; name: string; email: string; role: string; id: string; token: string }[];
}

/** Mints a fresh API token per demo user (the old ones stay valid); tokens are stored hashed only. */
async function mintTokens(d: ReturnType<typeof db>, orgId: string, now: string): Promise<DemoCredentials> {
  const rows = await d.select().from(users).where(eq(users.orgId, orgId));
  const out: DemoCredentials = { orgId, users: [] };
  for (const u of DEMO_USERS) {
    const row = rows.find((r) => r.email === u.email);
    if (!row) continue;
    const token = newSecret('api');
    await d.insert(tokens).values({
      id: uuidv7(),
      orgId,
      userId: row.id,
      hash: await hashSecret(token),
      kind: 'api',
      label: 'demo (npm start)',
      createdAt: now,
    });
    out.users.push({ key: u.key, name: u.name, email: u.email, role: u.role, id: row.id, token });
  }
  return out;
}

/**
 * Seeds the demo org unless it exists, through the same push handler clients
 * use. Either way returns working credentials for each demo user.
 */
export async function seedDemo(
  DB: D1Database,
  now = new Date(),
): Promise<DemoCredentials & { created: boolean }> {
  const d = db({ DB });
  const iso = now.toISOString();
  const [existing] = await d.select().from(orgs).where(eq(orgs.name, DEMO_ORG)).limit(1);
  if (existing) return { ...(await mintTokens(d, existing.id, iso)), created: false };

  const orgId = uuidv7();
  const ids = Object.fromEntries(DEMO_USERS.map((u) => [u.key, uuidv7()])) as Record<DemoUserKey, string>;
  await d.batch([
    d
      .insert(orgs)
      .values({ id: orgId, name: DEMO_ORG, settings: '{}', version: 0, createdAt: iso, updatedAt: iso }),
    ...DEMO_USERS.map((u) =>
      d.insert(users).values({
        id: ids[u.key],
        orgId,
        name: u.name,
        email: u.email,
        role: u.role,
        timeZone: u.timeZone,
        createdAt: iso,
        updatedAt: iso,
      }),
    ),
  ]);

  const accounts = demoAccounts(now);
  const manager = { orgId, userId: ids.manager, role: 'manager' as const, tokenId: 'seed' };
  const directory: Omit<MutationEnvelope, 'id'>[] = [];
  const byOwner: Record<string, { id: string; tier: string; contactIds: string[] }[]> = {};
  for (const a of accounts) {
    const contacts = a.contacts.map((c) => contactInput(a.input.id, c));
    directory.push({ name: 'account.put', args: { ...a.input, ownerId: ids[a.owner] } });
    for (const c of contacts) directory.push({ name: 'contact.put', args: c });
    byOwner[a.owner] = byOwner[a.owner] ?? [];
    byOwner[a.owner]!.push({
      id: a.input.id,
      tier: a.input.tier,
      contactIds: contacts.map((c) => c.id),
    });
  }
  await pushAll(d, manager, directory, now);
  let seed = 7;
  for (const key of ['sam', 'priya'] as const) {
    const list = demoInteractions(byOwner[key] ?? [], now, seed++, 45);
    const caller = { orgId, userId: ids[key], role: 'member' as const, tokenId: 'seed' };
    await pushAll(
      d,
      caller,
      list.map((args) => ({ name: 'interaction.put', args })),
      now,
    );
  }
  return { ...(await mintTokens(d, orgId, iso)), created: true };
}

async function pushAll(
  d: ReturnType<typeof db>,
  caller: Parameters<typeof push>[1],
  mutations: Omit<MutationEnvelope, 'id'>[],
  now: Date,
) {
  const clientId = uuidv7();
  for (let i = 0; i < mutations.length; i += 100) {
    const chunk = mutations.slice(i, i + 100).map((m, j) => ({ ...m, id: i + j + 1 }));
    const res = await push(d, caller, { clientId, mutations: chunk }, now);
    if (res.rejected.length) throw new Error(`seed mutation rejected: ${JSON.stringify(res.rejected[0])}`);
  }
}
