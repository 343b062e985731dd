import { and, eq } from 'drizzle-orm';
import type { Context } from 'hono';
import { getCookie } from 'hono/cookie';
import { SESSION_COOKIE, sessionCaller } from '../auth/middleware.ts';
import { db } from '../db/client.ts';
import { orgs, users } from '../db/schema.ts';
import type { AppEnv, Caller } from '../env.ts';
import { csrfToken, validCsrf } from './csrf.ts';
import { page } from './html.ts';
import { ForbiddenPage, SignInPage } from './Messages.tsx';

/** A signed-in person of any role, as the page needs them. */
export interface Viewer extends Caller {
  name: string;
  email: string;
  timeZone: string;
  csrf: string;
}

export type Role = Caller['role'];
export const MANAGERS: readonly Role[] = ['manager', 'admin'];

/**
 * Resolves the session cookie to the signed-in person, or the response to
 * send instead: the sign-in explanation (401), or, when `roles` is given and
 * the person's role is not among them, a 403 page that says what they may use.
 */
export async function pageViewer(c: Context<AppEnv>, roles?: readonly Role[]): Promise<Viewer | Response> {
  const secret = getCookie(c, SESSION_COOKIE);
  const caller = secret ? await sessionCaller(c) : null;
  if (!secret || !caller) {
    const [anyOrg] = await db(c.env).select({ id: orgs.id }).from(orgs).limit(1);
    return page(c, <SignInPage signedOut={c.req.query('signed-out') === '1'} fresh={!anyOrg} />, 401);
  }
  const [me] = await db(c.env)
    .select({ name: users.name, email: users.email, timeZone: users.timeZone })
    .from(users)
    .where(and(eq(users.id, caller.userId), eq(users.orgId, caller.orgId)))
    .limit(1);
  const viewer: Viewer = {
    ...caller,
    name: me?.name ?? '',
    email: me?.email ?? '',
    timeZone: me?.timeZone ?? 'UTC',
    csrf: await csrfToken(secret),
  };
  if (roles && !roles.includes(caller.role)) return page(c, <ForbiddenPage viewer={viewer} />, 403);
  return viewer;
}

export const isManager = (v: Pick<Viewer, 'role'>) => MANAGERS.includes(v.role);

/**
 * Form fields as strings. A name sent several times (a group of checkboxes) holds its values
 * joined by newlines; those values are fixed option values, never typed text. Files are dropped.
 */
export type FormFields = Record<string, string>;

/**
 * The body of a page form, once its CSRF token matches the session. The
 * Origin / Sec-Fetch-Site check (hono's `csrf()`) has already run on every
 * page POST; the token backs it up for browsers that send neither.
 */
export async function formOf(c: Context<AppEnv>): Promise<FormFields | null> {
  const secret = getCookie(c, SESSION_COOKIE);
  const body = await c.req.parseBody({ all: true });
  if (!secret || !(await validCsrf(secret, body.csrf))) return null;
  const out: FormFields = {};
  for (const [k, v] of Object.entries(body)) {
    const values = (Array.isArray(v) ? v : [v]).filter((x): x is string => typeof x === 'string');
    if (values.length > 0) out[k] = values.join('\n');
  }
  return out;
}
