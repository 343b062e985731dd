import { and, eq, gt, isNull } from 'drizzle-orm';
import { type Context, Hono } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import { uuidv7 } from '../../shared/uuid.ts';
import { requireToken, SESSION_COOKIE } from '../auth/middleware.ts';
import { hashSecret, newSecret, PREFIX } from '../auth/secrets.ts';
import { db } from '../db/client.ts';
import { orgs, tokens, users } from '../db/schema.ts';
import type { AppEnv } from '../env.ts';
import { validCsrf } from '../page/csrf.ts';
import { page } from '../page/html.ts';
import { LinkConfirmPage, LinkGonePage } from '../page/Messages.tsx';

const LINK_TTL_MS = 5 * 60_000;
const SESSION_TTL_S = 30 * 86_400;

/**
 * Signs this browser in as the user: a new session token (only its hash is
 * stored, labelled with the browser's user agent) in the `__Host-` cookie.
 * Used by the web link and by the first setup; returns the session secret.
 */
export async function startSession(
  c: Context<AppEnv>,
  orgId: string,
  userId: string,
  now: Date,
): Promise<string> {
  const session = newSecret('session');
  await db(c.env)
    .insert(tokens)
    .values({
      id: uuidv7(),
      orgId,
      userId,
      hash: await hashSecret(session),
      kind: 'session',
      label: c.req.header('user-agent')?.slice(0, 200) ?? null,
      createdAt: now.toISOString(),
      expiresAt: new Date(now.getTime() + SESSION_TTL_S * 1000).toISOString(),
    });
  setCookie(c, SESSION_COOKIE, session, {
    path: '/',
    secure: true,
    httpOnly: true,
    sameSite: 'Lax',
    maxAge: SESSION_TTL_S,
  });
  return session;
}

const looksLikeLink = (code: unknown): code is string =>
  typeof code === 'string' && code.startsWith(PREFIX['web-link']) && code.length <= 100;

/** `POST /api/auth/web-link`: a one-time, 5-minute URL that signs a browser into the summary page. */
export const webLinkApi = new Hono<AppEnv>().post('/', requireToken, async (c) => {
  const caller = c.get('caller');
  const code = newSecret('web-link');
  const now = Date.now();
  const expiresAt = new Date(now + LINK_TTL_MS).toISOString();
  await db(c.env)
    .insert(tokens)
    .values({
      id: uuidv7(),
      orgId: caller.orgId,
      userId: caller.userId,
      hash: await hashSecret(code),
      kind: 'web-link',
      createdAt: new Date(now).toISOString(),
      expiresAt,
    });
  const url = new URL('/auth/link', c.req.url);
  url.searchParams.set('code', code);
  return c.json({ url: url.toString(), expiresAt }, 201);
});

/**
 * Browser side. `GET /auth/link` only shows a Continue button: mail and chat
 * link scanners prefetch URLs, and a GET that spent the link would sign them in
 * instead of the person. The button's same-origin POST spends it. Sign-out
 * revokes the session server-side, not just the cookie.
 */
export const webAuth = new Hono<AppEnv>()
  .get('/link', async (c) => {
    const code = c.req.query('code');
    if (!looksLikeLink(code)) return page(c, LinkGonePage(), 410);
    const [link] = await db(c.env)
      .select({ name: users.name, org: orgs.name })
      .from(tokens)
      .innerJoin(users, and(eq(users.id, tokens.userId), eq(users.orgId, tokens.orgId)))
      .innerJoin(orgs, eq(orgs.id, tokens.orgId))
      .where(
        and(
          eq(tokens.hash, await hashSecret(code)),
          eq(tokens.kind, 'web-link'),
          isNull(tokens.revokedAt),
          isNull(users.deletedAt),
          gt(tokens.expiresAt, new Date().toISOString()),
        ),
      )
      .limit(1);
    if (!link) return page(c, LinkGonePage(), 410);
    return page(c, LinkConfirmPage({ code, name: link.name, org: link.org }));
  })
  .post('/link', async (c) => {
    const form = await c.req.parseBody();
    const code = form.code;
    if (!looksLikeLink(code)) return page(c, LinkGonePage(), 410);
    const d = db(c.env);
    const now = new Date().toISOString();
    // Spending the link is the UPDATE itself, so two uses can never both succeed.
    const [link] = await d
      .update(tokens)
      .set({ revokedAt: now, lastUsedAt: now })
      .where(
        and(
          eq(tokens.hash, await hashSecret(code)),
          eq(tokens.kind, 'web-link'),
          isNull(tokens.revokedAt),
          gt(tokens.expiresAt, now),
        ),
      )
      .returning({ orgId: tokens.orgId, userId: tokens.userId });
    if (!link?.userId) return page(c, LinkGonePage(), 410);
    await startSession(c, link.orgId, link.userId, new Date(now));
    c.header('cache-control', 'no-store');
    return c.redirect('/', 303);
  })
  .post('/sign-out', async (c) => {
    const secret = getCookie(c, SESSION_COOKIE);
    if (secret) {
      const form = await c.req.parseBody();
      if (!(await validCsrf(secret, form.csrf))) {
        c.header('content-type', 'text/plain; charset=utf-8');
        return c.body('The form has expired. Reload the page and sign out again.', 403);
      }
      await db(c.env)
        .update(tokens)
        .set({ revokedAt: new Date().toISOString() })
        .where(
          and(
            eq(tokens.hash, await hashSecret(secret)),
            eq(tokens.kind, 'session'),
            isNull(tokens.revokedAt),
          ),
        )
        .run();
    }
    deleteCookie(c, SESSION_COOKIE, { path: '/', secure: true });
    c.header('cache-control', 'no-store');
    return c.redirect('/?signed-out=1', 303);
  });
