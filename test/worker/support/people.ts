import { env } from 'cloudflare:workers';
import { uuidv7 } from '../../../shared/uuid.ts';
import { hashSecret, newSecret } from '../../../worker/auth/secrets.ts';

/** Adds a person with an API token straight to D1, without going through invites. */
export async function addPerson(orgId: string, role: 'member' | 'manager' | 'admin', name: string) {
  const id = uuidv7();
  const token = newSecret('api');
  const now = new Date().toISOString();
  await env.DB.batch([
    env.DB.prepare(
      'INSERT INTO users (id, org_id, name, email, role, time_zone, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
    ).bind(id, orgId, name, `${id}@people.test`, role, 'UTC', now, now),
    env.DB.prepare(
      "INSERT INTO tokens (id, org_id, user_id, hash, kind, created_at) VALUES (?, ?, ?, ?, 'api', ?)",
    ).bind(uuidv7(), orgId, id, await hashSecret(token), now),
  ]);
  return { id, token, name };
}
