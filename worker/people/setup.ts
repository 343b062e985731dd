// First setup of a deployment (design §7, §13): an org and its first admin. A plain function of
// (db, input, now) that throws ProblemError, shared by `POST /api/setup` and the `/setup` page;
// both check the operator's SETUP_TOKEN before calling it.

import { isFreeMailDomain } from '../../shared/matching.ts';
import { DomainSchema, type SessionResponse, type SetupRequest } from '../../shared/schemas/index.ts';
import { uuidv7 } from '../../shared/uuid.ts';
import { hashSecret, newSecret } from '../auth/secrets.ts';
import { db as drizzleOf } from '../db/client.ts';
import { orgs, tokens, users } from '../db/schema.ts';
import { ProblemError, problem } from '../http/problem.ts';

/** The org's first settings: its own mail domain is the admin's, unless that is a free-mail provider. */
export function initialSettings(adminEmail: string): { internalDomains: string[] } {
  const domain = DomainSchema.safeParse(adminEmail.slice(adminEmail.lastIndexOf('@') + 1));
  return { internalDomains: domain.success && !isFreeMailDomain(domain.data) ? [domain.data] : [] };
}

/**
 * Creates an org and its first admin with an API token (`label` names it, for
 * the tokens list). 409 when the org name is taken.
 */
export async function setupOrg(
  db: D1Database,
  input: SetupRequest,
  now: Date,
  label = 'setup',
): Promise<SessionResponse> {
  const d = drizzleOf({ DB: db });
  const at = now.toISOString();
  const org = { id: uuidv7(), name: input.org.name };
  const user = {
    id: uuidv7(),
    name: input.admin.name,
    email: input.admin.email.toLowerCase(),
    role: 'admin' as const,
    timeZone: input.admin.timeZone,
  };
  const token = newSecret('api');
  const settings = JSON.stringify(initialSettings(user.email));
  try {
    await d.batch([
      d.insert(orgs).values({ ...org, settings, version: 0, createdAt: at, updatedAt: at }),
      d.insert(users).values({ ...user, orgId: org.id, createdAt: at, updatedAt: at }),
      d.insert(tokens).values({
        id: uuidv7(),
        orgId: org.id,
        userId: user.id,
        hash: await hashSecret(token),
        kind: 'api',
        label,
        createdAt: at,
      }),
    ]);
  } catch (err) {
    if (/UNIQUE/i.test(String(err)))
      throw new ProblemError(
        problem('conflict', 409, 'Organisation name taken', {
          detail: `An organisation named "${org.name}" already exists.`,
          issues: [{ path: ['org', 'name'], message: 'This name is taken' }],
        }),
      );
    throw err;
  }
  return { token, user, org };
}
