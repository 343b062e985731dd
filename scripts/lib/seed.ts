import { and, eq, gt, isNull, or } from 'drizzle-orm';
import type { MutationEnvelope } from '../../shared/schemas/index.ts';
import { uuidv7 } from '../../shared/uuid.ts';
import { hashSecret, newSecret } from '../../worker/auth/secrets.ts';
import { db } from '../../worker/db/client.ts';
import { plans } from '../../worker/db/plans-schema.ts';
import { accounts, contacts, orgs, tokens, users } from '../../worker/db/schema.ts';
import { initialSettings } from '../../worker/people/setup.ts';
import { push } from '../../worker/sync/push.ts';
import {
  contactInput,
  DEMO_ORG,
  DEMO_USERS,
  type DemoUserKey,
  demoAccounts,
  demoInteractions,
} from './demo-data.ts';
import { acmePlan, type DemoWrite, GLOBEX_QUIET_DAYS, globexPlan, type PlanCast } from './demo-plans.ts';

export interface DemoCredentials {
  orgId: string;
  users: { key: DemoUserKey; name: string; email: string; role: string; id: string; token: string }[];
}

/** Whether `token` still signs `userId` in: a live, unexpired API token of an active user. */
async function works(d: ReturnType<typeof db>, userId: string, token: string, now: string): Promise<boolean> {
  const [row] = await d
    .select({ id: tokens.id })
    .from(tokens)
    .innerJoin(users, eq(users.id, tokens.userId))
    .where(
      and(
        eq(tokens.hash, await hashSecret(token)),
        eq(tokens.kind, 'api'),
        eq(tokens.userId, userId),
        isNull(tokens.revokedAt),
        or(isNull(tokens.expiresAt), gt(tokens.expiresAt, now)),
        isNull(users.deletedAt),
      ),
    )
    .limit(1);
  return row !== undefined;
}

/**
 * One API token per demo user: the one from `known` (the last run's
 * credentials) while it still works, else a fresh one. So repeated starts do
 * not pile up never-expiring tokens; tokens are stored hashed only.
 */
async function demoTokens(
  d: ReturnType<typeof db>,
  orgId: string,
  now: string,
  known: DemoCredentials | null,
): Promise<DemoCredentials & { reused: number }> {
  const rows = await d.select().from(users).where(eq(users.orgId, orgId));
  const out: DemoCredentials & { reused: number } = { orgId, users: [], reused: 0 };
  for (const u of DEMO_USERS) {
    const row = rows.find((r) => r.email === u.email);
    if (!row || row.deletedAt !== null) continue;
    const saved = known?.orgId === orgId ? known.users.find((k) => k.id === row.id) : undefined;
    let token = saved?.token;
    if (token && (await works(d, row.id, token, now))) out.reused++;
    else {
      token = newSecret('api');
      await d.insert(tokens).values({
        id: uuidv7(),
        orgId,
        userId: row.id,
        hash: await hashSecret(token),
        kind: 'api',
        label: 'demo (npm start)',
        createdAt: now,
      });
    }
    out.users.push({ key: u.key, name: row.name, email: u.email, role: row.role, id: row.id, token });
  }
  return out;
}

/** Demo people missing from an org seeded by an earlier version (the admin came later). */
async function addMissingUsers(d: ReturnType<typeof db>, orgId: string, now: string): Promise<void> {
  const rows = await d.select({ email: users.email }).from(users).where(eq(users.orgId, orgId));
  const have = new Set(rows.map((r) => r.email));
  for (const u of DEMO_USERS) {
    if (have.has(u.email)) continue;
    const { key: _k, ...person } = u;
    await d.insert(users).values({ ...person, id: uuidv7(), orgId, createdAt: now, updatedAt: now });
  }
}

/**
 * Seeds the demo org unless it exists, through the same push handler clients
 * use. Either way returns working credentials for each demo user.
 */
export async function seedDemo(
  DB: D1Database,
  now = new Date(),
  known: DemoCredentials | null = null,
): Promise<DemoCredentials & { created: boolean; reused: number }> {
  const d = db({ DB });
  const iso = now.toISOString();
  const [existing] = await d.select().from(orgs).where(eq(orgs.name, DEMO_ORG)).limit(1);
  if (existing) {
    await addMissingUsers(d, existing.id, iso);
    await seedPlans(d, existing.id, now);
    return { ...(await demoTokens(d, existing.id, iso, known)), created: false };
  }

  const orgId = uuidv7();
  const ids = Object.fromEntries(DEMO_USERS.map((u) => [u.key, uuidv7()])) as Record<DemoUserKey, string>;
  await d.batch([
    d.insert(orgs).values({
      id: orgId,
      name: DEMO_ORG,
      // As setup does: the first admin's domain is the org's own, so colleagues never become accounts.
      settings: JSON.stringify(initialSettings(DEMO_USERS[0].email)),
      version: 0,
      createdAt: iso,
      updatedAt: iso,
    }),
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

  const demo = demoAccounts(now);
  const manager = { orgId, userId: ids.manager, role: 'manager' as const, tokenId: 'seed' };
  const directory: Omit<MutationEnvelope, 'id'>[] = [];
  const byOwner: Record<string, { id: string; tier: string; contactIds: string[] }[]> = {};
  for (const a of demo) {
    const people = a.contacts.map((c) => contactInput(a.input.id, c));
    directory.push({ name: 'account.put', args: { ...a.input, ownerId: ids[a.owner] } });
    for (const c of people) directory.push({ name: 'contact.put', args: c });
    byOwner[a.owner] = byOwner[a.owner] ?? [];
    byOwner[a.owner]!.push({
      id: a.input.id,
      tier: a.input.tier,
      contactIds: people.map((c) => c.id),
    });
  }
  const globex = demo.find((a) => a.input.name === 'Globex Retail')!.input.id;
  const quietSince = now.getTime() - GLOBEX_QUIET_DAYS * 86_400_000;
  await pushAll(d, manager, directory, now);
  let seed = 7;
  for (const key of ['sam', 'priya'] as const) {
    // Globex has gone quiet: the at-risk plan's contact lapsed weeks ago.
    const list = demoInteractions(byOwner[key] ?? [], now, seed++, 45).filter(
      (i) => i.accountId !== globex || Date.parse(i.occurredAt) < quietSince,
    );
    const caller = { orgId, userId: ids[key], role: 'member' as const, tokenId: 'seed' };
    await pushAll(
      d,
      caller,
      list.map((args) => ({ name: 'interaction.put', args })),
      now,
    );
  }
  await seedPlans(d, orgId, now);
  return { ...(await demoTokens(d, orgId, iso, known)), created: true };
}

/** The demo plans (scripts/lib/demo-plans.ts), unless the org has a plan already (an earlier seed did it). */
async function seedPlans(d: ReturnType<typeof db>, orgId: string, now: Date): Promise<void> {
  const [any] = await d.select({ id: plans.id }).from(plans).where(eq(plans.orgId, orgId)).limit(1);
  if (any) return;
  const people = await d.select().from(users).where(eq(users.orgId, orgId));
  const idOf = (key: DemoUserKey) =>
    people.find((u) => u.email === DEMO_USERS.find((x) => x.key === key)!.email)?.id;
  const [manager, admin] = [idOf('manager'), idOf('admin')];
  if (!manager || !admin) return;
  const cast = async (name: string): Promise<PlanCast | null> => {
    const [a] = await d
      .select()
      .from(accounts)
      .where(and(eq(accounts.orgId, orgId), eq(accounts.name, name), isNull(accounts.deletedAt)))
      .limit(1);
    if (!a?.ownerId) return null;
    const cs = await d
      .select({ id: contacts.id })
      .from(contacts)
      .where(and(eq(contacts.accountId, a.id), isNull(contacts.deletedAt)))
      .orderBy(contacts.createdAt, contacts.id);
    return { accountId: a.id, owner: a.ownerId, manager, admin, contacts: cs.map((c) => c.id) };
  };
  const writes: DemoWrite[] = [];
  const acme = await cast('Acme Logistics');
  if (acme && acme.contacts.length >= 2) writes.push(...acmePlan(acme, now));
  const globex = await cast('Globex Retail');
  if (globex && globex.contacts.length >= 1) writes.push(...globexPlan(globex, now));
  // Oldest first, each day's writes by one person in one push, with that day's clock.
  writes.sort((a, b) => b.daysAgo - a.daysAgo);
  for (let i = 0; i < writes.length; ) {
    const { daysAgo, by } = writes[i]!;
    let j = i;
    while (j < writes.length && writes[j]!.daysAgo === daysAgo && writes[j]!.by === by) j++;
    const caller = { orgId, userId: by, role: 'member' as const, tokenId: 'seed' };
    const at = new Date(now.getTime() - daysAgo * 86_400_000);
    await pushAll(
      d,
      caller,
      writes.slice(i, j).map((w) => w.mutation),
      at,
    );
    i = j;
  }
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
