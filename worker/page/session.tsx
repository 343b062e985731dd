import { and, eq } from 'drizzle-orm';
import type { Context } from 'hono';
import { getCookie } from 'hono/cookie';
import { SESSION_COOKIE, sessionCaller } from '../auth/middleware.ts';
import { db } from '../db/client.ts';
import { users } from '../db/schema.ts';
import type { AppEnv, Caller } from '../env.ts';
import { csrfToken } from './csrf.ts';
import { page } from './html.ts';
import { ForbiddenPage, SignInPage } from './Messages.tsx';

/** A signed-in manager or admin, as the page needs them. */
export interface Viewer extends Caller {
  name: string;
  timeZone: string;
  csrf: string;
}

/**
 * Resolves the session cookie to a manager or admin, or the response to send
 * instead: the sign-in explanation (401) or the members' page (403).
 */
export async function pageViewer(c: Context<AppEnv>): Promise<Viewer | Response> {
  const secret = getCookie(c, SESSION_COOKIE);
  const caller = secret ? await sessionCaller(c) : null;
  if (!secret || !caller) return page(c, <SignInPage signedOut={c.req.query('signed-out') === '1'} />, 401);
  const [me] = await db(c.env)
    .select({ name: users.name, timeZone: users.timeZone })
    .from(users)
    .where(and(eq(users.id, caller.userId), eq(users.orgId, caller.orgId)))
    .limit(1);
  const viewer: Viewer = {
    ...caller,
    name: me?.name ?? '',
    timeZone: me?.timeZone ?? 'UTC',
    csrf: await csrfToken(secret),
  };
  if (caller.role === 'member') return page(c, <ForbiddenPage viewer={viewer} />, 403);
  return viewer;
}
